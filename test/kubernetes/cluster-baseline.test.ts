import { Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  CisAksPack,
  ClusterBaseline,
  EnforcementAction,
  FalcoAddon,
  GatekeeperAddon,
  GatekeeperPoliciesAddon,
  GatekeeperPolicy,
  IClusterAddon,
  KubernetesBaselinePack,
  KubernetesDistribution,
  PolicyEngine,
} from '../../lib';
import { synthWithPacks, testApp } from '../helpers/synth';
import { baseline, cluster, manifests, REGISTRIES, resources, synthJson } from './baseline-helpers';

class RecordingAddon implements IClusterAddon {
  public readonly conflicts: string[];
  constructor(public readonly addonId: string, public readonly dependencies: string[], private readonly log: string[], conflicts: string[] = []) {
    this.conflicts = conflicts;
  }
  public install(): void {
    this.log.push(this.addonId);
  }
}

describe('ClusterBaseline stacks', () => {
  test('creates charts, objects and policies stacks planned in that order', () => {
    const b = baseline();
    expect([b.chartsStack.node.id, b.objectsStack.node.id, b.policiesStack.node.id]).toEqual(['baseline-charts', 'baseline-objects', 'baseline-policies']);
    expect(b.objectsStack.dependencies).toContain(b.chartsStack);
    expect(b.policiesStack.dependencies).toContain(b.objectsStack);
  });

  test('the charts stack waits for the stack of a cluster that is a construct of the app', () => {
    const app = Testing.app();
    const infra = new TerraformStack(app, 'infra');
    // A cluster construct (as HardenedAksCluster is): the connection attributes plus a construct node.
    const clusterConstruct = Object.assign(new Construct(infra, 'aks'), cluster());
    const b = new ClusterBaseline(app, 'baseline', { cluster: clusterConstruct, allowedRegistries: REGISTRIES });
    expect(b.chartsStack.dependencies).toContain(infra);
  });

  test('providers use exec (kubelogin) and the decoded CA in every stack; helm only where charts are', () => {
    const b = baseline();
    for (const stack of [b.chartsStack, b.objectsStack, b.policiesStack]) {
      const json = synthJson(stack);
      expect(json.provider.kubernetes[0]).toMatchObject({
        host: 'https://aks-test.privatelink.westeurope.azmk8s.io:443',
        cluster_ca_certificate: '${base64decode("Y2E=")}',
        exec: [{ command: 'kubelogin', api_version: 'client.authentication.k8s.io/v1beta1' }],
      });
      expect(json.provider.kubernetes[0].token).toBeUndefined();
    }
    expect(synthJson(b.chartsStack).provider.helm[0].kubernetes.exec.command).toBe('kubelogin');
    expect(synthJson(b.objectsStack).provider.helm).toBeUndefined();
  });
});

describe('ClusterBaseline defaults', () => {
  test('installs gatekeeper, its policies, istio, trivy, falco and kube-bench in dependency order', () => {
    expect(baseline().addonIds).toEqual(['gatekeeper', 'gatekeeper-policies', 'istio', 'trivy-operator', 'falco', 'kube-bench']);
  });

  test('helm releases of the pinned charts land in the charts stack', () => {
    const releases = Object.values(resources(synthJson(baseline().chartsStack), 'helm_release')) as any[];
    expect(releases.map((r) => `${r.chart}@${r.version}`).sort()).toEqual(
      ['base@1.30.3', 'cni@1.30.3', 'falco@9.1.0', 'gatekeeper@3.23.0', 'istiod@1.30.3', 'trivy-operator@0.34.0'].sort(),
    );
  });

  test('templates go to the objects stack and constraints (deny, excluding system and node-agent namespaces) to the policies stack', () => {
    const b = baseline();
    const templates = manifests(synthJson(b.objectsStack)).filter((m) => m.kind === 'ConstraintTemplate');
    const constraints = manifests(synthJson(b.policiesStack));
    expect(templates).toHaveLength(Object.values(GatekeeperPolicy).length);
    expect(constraints).toHaveLength(Object.values(GatekeeperPolicy).length);
    for (const c of constraints) {
      expect(c.apiVersion).toBe('constraints.gatekeeper.sh/v1beta1');
      expect(c.spec.enforcementAction).toBe('deny');
      expect(c.spec.match.excludedNamespaces).toEqual(expect.arrayContaining(['kube-system', 'gatekeeper-system', 'falco', 'trivy-system', 'kube-bench']));
      expect(c.spec.match.excludedNamespaces).not.toContain('default');
    }
    const registries = constraints.find((c) => c.kind === 'K8sHardenedAllowedRegistries');
    // The upstream sidecar registry is approved because the mesh injects its proxy into workloads.
    expect(registries.spec.parameters.registries).toEqual(['acrplatformprod.azurecr.io/', 'docker.io/istio/']);
  });

  test('templates wait until Gatekeeper has generated the constraint CRD', () => {
    const templates = Object.values(resources(synthJson(baseline().objectsStack), 'kubernetes_manifest')) as any[];
    const ct = templates.filter((t) => t.manifest.kind === 'ConstraintTemplate');
    ct.forEach((t) => expect(t.wait).toEqual({ fields: { 'status.created': 'true' } }));
  });

  test('mesh-wide STRICT mTLS and allow-nothing in the root namespace', () => {
    const objects = manifests(synthJson(baseline().objectsStack));
    expect(objects).toContainEqual({
      apiVersion: 'security.istio.io/v1',
      kind: 'PeerAuthentication',
      metadata: { name: 'default', namespace: 'istio-system' },
      spec: { mtls: { mode: 'STRICT' } },
    });
    expect(objects).toContainEqual({ apiVersion: 'security.istio.io/v1', kind: 'AuthorizationPolicy', metadata: { name: 'allow-nothing', namespace: 'istio-system' }, spec: {} });
  });

  test('the default namespace is labelled restricted, gets a default-deny policy and no service account token', () => {
    const json = synthJson(baseline().chartsStack);
    const labels = Object.values(resources(json, 'kubernetes_labels')) as any[];
    expect(labels[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'default' }, labels: { 'pod-security.kubernetes.io/enforce': 'restricted' } });
    const policies = Object.values(resources(json, 'kubernetes_network_policy_v1')) as any[];
    expect(policies.some((p) => p.metadata.namespace === 'default' && p.metadata.name === 'default-deny')).toBe(true);
  });

  test('switches add-ons off', () => {
    expect(baseline({ gatekeeper: false, istio: false, trivy: false, falco: false, kubeBench: false, allowedRegistries: undefined }).addonIds).toEqual([]);
  });

  test('policyEnforcementAction and per-policy options reach the constraints', () => {
    const b = baseline({
      policyEnforcementAction: EnforcementAction.WARN,
      policyConstraints: [
        { policy: GatekeeperPolicy.REQUIRED_RESOURCES, enforcementAction: EnforcementAction.DRYRUN, excludedNamespaces: ['batch'] },
        { policy: GatekeeperPolicy.SYSCTLS, enabled: false },
      ],
    });
    const constraints = manifests(synthJson(b.policiesStack));
    expect(constraints.find((c) => c.kind === 'K8sHardenedPrivilegedContainer').spec.enforcementAction).toBe('warn');
    const resourcesConstraint = constraints.find((c) => c.kind === 'K8sHardenedRequiredResources');
    expect(resourcesConstraint.spec.enforcementAction).toBe('dryrun');
    expect(resourcesConstraint.spec.match.excludedNamespaces).toContain('batch');
    expect(constraints.find((c) => c.kind === 'K8sHardenedSysctls')).toBeUndefined();
  });
});

describe('ClusterBaseline on AKS with the managed mesh and Azure Policy', () => {
  test('managed Istio: no Istio charts, mesh objects in aks-istio-system, REGISTRY_ONLY through the shared ConfigMap', () => {
    const b = baseline({ cluster: cluster({ managedIstioRevision: 'asm-1-28' }), namespaces: [{ name: 'payments' }] });
    const charts = synthJson(b.chartsStack);
    const releases = Object.values(resources(charts, 'helm_release')) as any[];
    expect(releases.map((r) => r.chart)).not.toEqual(expect.arrayContaining(['istiod']));
    const configMaps = Object.values(resources(charts, 'kubernetes_config_map_v1')) as any[];
    expect(configMaps).toContainEqual(
      expect.objectContaining({
        metadata: { name: 'istio-shared-configmap-asm-1-28', namespace: 'aks-istio-system' },
        data: { mesh: 'outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n' },
      }),
    );
    expect(manifests(synthJson(b.objectsStack)).find((m) => m.kind === 'PeerAuthentication').metadata.namespace).toBe('aks-istio-system');
    const namespaces = Object.values(resources(charts, 'kubernetes_namespace_v1')) as any[];
    expect(namespaces.find((n) => n.metadata.name === 'payments').metadata.labels['istio.io/rev']).toBe('asm-1-28');
    const registries = manifests(synthJson(b.policiesStack)).find((c) => c.kind === 'K8sHardenedAllowedRegistries');
    expect(registries.spec.parameters.registries).toContain('mcr.microsoft.com/oss/istio/');
  });

  test('Azure Policy clusters get no self-installed Gatekeeper by default', () => {
    const b = baseline({ cluster: cluster({ policyEngine: PolicyEngine.AZURE_POLICY }), allowedRegistries: undefined });
    expect(b.addonIds).not.toContain('gatekeeper');
    expect(manifests(synthJson(b.policiesStack))).toEqual([]);
  });

  test('two Gatekeepers (self-installed with Azure Policy) is an error naming both', () => {
    expect(() => baseline({ cluster: cluster({ policyEngine: PolicyEngine.AZURE_POLICY }), gatekeeper: true })).toThrow(
      /add-on "gatekeeper" conflicts with add-on "azure-policy".*Azure Policy add-on/,
    );
    const b = baseline({ cluster: cluster({ policyEngine: PolicyEngine.AZURE_POLICY }), allowedRegistries: undefined });
    expect(() => b.addAddon(new GatekeeperAddon())).toThrow(/"gatekeeper" conflicts with add-on "azure-policy"/);
  });
});

describe('compliance', () => {
  test('the baseline synthesizes with zero unwaived findings; node-agent namespaces show as waived with the reason', () => {
    const app = testApp();
    baseline({ namespaces: [{ name: 'payments' }] }, app);
    const result = synthWithPacks(app, [new KubernetesBaselinePack()]);
    const findings = ['baseline-charts', 'baseline-objects', 'baseline-policies'].flatMap((s) => result.report(s).findings);
    expect(findings.filter((f: any) => (f.status === 'non-compliant' || f.status === 'unknown') && !f.waiverReason)).toEqual([]);
    const waived = findings.filter((f: any) => f.waiverReason);
    expect(waived.map((f: any) => f.constructPath).sort()).toEqual([
      'baseline-charts/falco-namespace/namespace',
      'baseline-charts/kube-bench-namespace/namespace',
      'baseline-charts/trivy-namespace/namespace',
    ]);
    expect(waived[0].waiverReason).toMatch(/^node agent namespace: /);
  });

  test('built-in waivers are no error when the kubernetes pack is not applied', () => {
    const app = testApp();
    baseline({}, app);
    expect(() => synthWithPacks(app, [new CisAksPack()])).not.toThrow();
  });

  test('a dryrun policy fails synth unless waived', () => {
    const app = testApp();
    baseline({ policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, enforcementAction: EnforcementAction.DRYRUN }] }, app);
    expect(() => synthWithPacks(app, [new KubernetesBaselinePack()])).toThrow(/gatekeeper-constraint-enforced .*K8sHardenedSeccomp hardened-seccomp: enforcementAction=dryrun/);
  });
});

describe('add-on ordering and errors', () => {
  test('user add-ons are ordered by their dependencies', () => {
    const log: string[] = [];
    const b = baseline({
      gatekeeper: false,
      istio: false,
      trivy: false,
      falco: false,
      kubeBench: false,
      addons: [new RecordingAddon('app-policies', ['secrets-store-csi'], log), new RecordingAddon('secrets-store-csi', [], log)],
    });
    expect(log).toEqual(['secrets-store-csi', 'app-policies']);
    expect(b.addonIds).toEqual(['secrets-store-csi', 'app-policies']);
  });

  test('addAddon after the built-ins may depend on them', () => {
    const log: string[] = [];
    const b = baseline();
    b.addAddon(new RecordingAddon('falco-rules', ['falco'], log));
    expect(log).toEqual(['falco-rules']);
  });

  test('a missing dependency is an error naming both ids', () => {
    expect(() => baseline({ addons: [new RecordingAddon('app-secrets', ['secrets-store-csi'], [])] })).toThrow(
      /add-on "app-secrets" depends on "secrets-store-csi", which is not selected/,
    );
    // The policy library needs Gatekeeper.
    const b = baseline({ gatekeeper: false, allowedRegistries: undefined });
    expect(() => b.addAddon(new GatekeeperPoliciesAddon({ allowedRegistries: REGISTRIES }))).toThrow(
      /add-on "gatekeeper-policies" depends on "gatekeeper"/,
    );
  });

  test('a declared conflict is an error naming both ids', () => {
    expect(() => baseline({ addons: [new RecordingAddon('other-runtime-detection', [], [], [FalcoAddon.ID])] })).toThrow(
      /add-on "other-runtime-detection" conflicts with add-on "falco"/,
    );
  });

  test('a duplicate id and a dependency cycle are errors', () => {
    expect(() => baseline({ addons: [new RecordingAddon('falco', [], [])] })).toThrow(/add-on "falco" is added twice/);
    expect(() =>
      baseline({ addons: [new RecordingAddon('a-one', ['b-two'], []), new RecordingAddon('b-two', ['a-one'], [])] }),
    ).toThrow(/"a-one" -> "b-two" depend on each other in a cycle/);
  });

  test('the policy library needs allowed registries', () => {
    expect(() => baseline({ allowedRegistries: undefined })).toThrow(/ClusterBaseline baseline: allowedRegistries is required/);
  });

  test('an allowed registry that is not a registry host is an error', () => {
    for (const bad of ['myacr.azurecr.io', 'https://myacr.azurecr.io/', '*', 'docker.io/library/nginx:1.27', 'nohost/']) {
      expect(() => baseline({ allowedRegistries: [bad] })).toThrow(/GatekeeperPoliciesAddon: invalid allowedRegistries/);
    }
    expect(() => baseline({ allowedRegistries: ['myacr.azurecr.io'] })).toThrow(/add the trailing slash: "myacr.azurecr.io\/"/);
  });

  test('an unknown enforcement action is an error', () => {
    expect(() => baseline({ policyEnforcementAction: 'block' as EnforcementAction })).toThrow(
      /GatekeeperPoliciesAddon: invalid enforcementAction "block". Allowed: deny, dryrun, warn/,
    );
    expect(() =>
      baseline({ policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, enforcementAction: 'audit' as EnforcementAction }] }),
    ).toThrow(/invalid constraints\[seccomp\].enforcementAction "audit"/);
  });

  test('RKE2 clusters get the RKE2 CIS spec and benchmark', () => {
    const b = baseline({ cluster: cluster({ distribution: KubernetesDistribution.RKE2 }) });
    const json = synthJson(b.chartsStack);
    const trivy = (Object.values(resources(json, 'helm_release')) as any[]).find((r) => r.chart === 'trivy-operator');
    expect(JSON.parse(trivy.values[0]).compliance.specs).toContain('rke2-cis-1.24');
    const job = Object.values(resources(json, 'kubernetes_cron_job_v1'))[0] as any;
    expect(job.spec.job_template.spec.template.spec.container[0].args).toEqual(['run', '--targets', 'node', '--benchmark', 'rke2-cis-1.8', '--json']);
  });
});
