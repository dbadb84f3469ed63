// One exemption model: the system list is extended, never replaced; wildcards and whole-registry image
// exemptions are refused; exempting a namespace that may hold workloads is a finding that needs a
// waiver; the library's own waivers cover only the namespaces it names for its agents.
import { App } from 'cdktf';
import {
  ClusterBaseline,
  ClusterBaselineProps,
  Compliance,
  ExistingCluster,
  GatekeeperPoliciesAddon,
  GatekeeperPolicy,
  Kubelogin,
  KubernetesBaselinePack,
  KubernetesDistribution,
  PodSecurityLevel,
  HardenedNamespace,
} from '../../lib';
import { HardenedK8sError } from '../../lib/errors';
import { validateExemptImage } from '../../lib/kubernetes/exemption-validation';
import { AGENT_NAMESPACES, SYSTEM_NAMESPACES, systemNamespaces, workloadNamespaces } from '../../lib/kubernetes/exemptions';
import { appFindings, testApp } from '../helpers/synth';
import { baseline, manifests, REGISTRIES, synthJson } from './baseline-helpers';

const ADDONS_OFF = { istio: false, trivy: false, falco: false, kubeBench: false };

function clusterNamed(name: string) {
  return ExistingCluster.fromAttributes({ clusterName: name, endpoint: { host: `https://${name}.example.com`, exec: Kubelogin.exec() }, distribution: KubernetesDistribution.AKS });
}

describe('the system list is extended, never replaced', () => {
  test("policyExcludedNamespaces adds to the cluster's system namespaces: kube-system stays excluded", () => {
    const b = baseline({ ...ADDONS_OFF, policyExcludedNamespaces: ['monitoring'] });
    for (const c of manifests(synthJson(b.policiesStack))) {
      expect(c.spec.match.excludedNamespaces).toEqual([...systemNamespaces(KubernetesDistribution.AKS), 'monitoring'].sort());
    }
  });

  test("a cluster's system namespaces: its own platform's, never another's (a Rancher name is an ordinary namespace on AKS)", () => {
    expect(systemNamespaces(KubernetesDistribution.AKS)).toEqual(expect.arrayContaining(['kube-system', 'aks-istio-system', 'gatekeeper-system', 'calico-system']));
    expect(systemNamespaces(KubernetesDistribution.AKS)).not.toContain('cattle-system');
    expect(systemNamespaces(KubernetesDistribution.RKE2)).toEqual(expect.arrayContaining(['kube-system', 'cattle-system', 'cattle-fleet-system']));
    expect(systemNamespaces(KubernetesDistribution.RKE2)).not.toContain('aks-istio-system');
    expect(systemNamespaces(KubernetesDistribution.OTHER)).toEqual(['calico-apiserver', 'calico-system', 'gatekeeper-system', 'kube-node-lease', 'kube-public', 'kube-system', 'tigera-operator']);
  });

  test('the system list holds the Kubernetes, AKS, Rancher, CNI and Gatekeeper namespaces, and no workload one', () => {
    expect(GatekeeperPoliciesAddon.SYSTEM_NAMESPACES).toEqual(expect.arrayContaining(['kube-system', 'kube-public', 'kube-node-lease', 'aks-istio-system', 'cattle-system', 'calico-system', 'gatekeeper-system']));
    expect(GatekeeperPoliciesAddon.SYSTEM_NAMESPACES).not.toContain('default');
    expect(workloadNamespaces([...SYSTEM_NAMESPACES, ...Object.values(AGENT_NAMESPACES)])).toEqual([]);
    expect(workloadNamespaces(['default', 'payments', 'kube-system'])).toEqual(['default', 'payments']);
  });
});

describe('wildcards and whole-registry exemptions are refused at construction', () => {
  test.each([
    ['policyExcludedNamespaces', { policyExcludedNamespaces: ['team-*'] }, /invalid excludedNamespaces "team-\*". Allowed: a namespace name .*no wildcards. Fix: list each namespace by name/],
    ['a per-policy exclusion', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, excludedNamespaces: ['*'] }] }, /invalid constraints\[seccomp\].excludedNamespaces "\*"/],
    ['an exempt image "*"', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, exemptImages: ['*'] }] }, /exemptImages "\*". Allowed: an image reference, or a prefix ending in "\*" that names a registry host and a repository/],
    ['a whole registry', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, exemptImages: ['myacr.azurecr.io/*'] }] }, /exemptImages "myacr.azurecr.io\/\*"/],
    ['a partial host', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, exemptImages: ['docker.io*'] }] }, /exemptImages "docker.io\*"/],
    ['a leading wildcard', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, exemptImages: ['*/agent:1'] }] }, /exemptImages "\*\/agent:1"/],
    ['raw parameters', { policyConstraints: [{ policy: GatekeeperPolicy.SECCOMP, parameters: { exemptImages: ['*'] } }] }, /invalid constraints\[seccomp\].parameters.exemptImages "\*"/],
  ])('%s', (_label, props, message) => {
    const call = () => baseline({ ...ADDONS_OFF, ...(props as Partial<ClusterBaselineProps>) });
    expect(call).toThrow(HardenedK8sError);
    expect(call).toThrow(message);
  });

  test('excludeNamespaces refuses a pattern too', () => {
    const policies = new GatekeeperPoliciesAddon({ allowedRegistries: REGISTRIES });
    expect(() => policies.excludeNamespaces(['apps-*'])).toThrow(/GatekeeperPoliciesAddon: invalid excludeNamespaces "apps-\*"/);
  });

  test.each(['myacr.azurecr.io/agents/collector:1.2.3', 'myacr.azurecr.io/agents/collector:*', 'localhost:5000/a*', 'mcr.microsoft.com/oss/istio/proxyv2@sha256:abc'])(
    'an image or repository prefix is accepted: %s',
    (image) => {
      expect(() => validateExemptImage('T', 'exemptImages', image)).not.toThrow();
    },
  );
});

describe('exempting a namespace that may hold workloads is a finding that needs a waiver', () => {
  const app: App = testApp();
  const variants: Record<string, Partial<ClusterBaselineProps>> = {
    'system-only': {},
    'workload-excluded': { policyExcludedNamespaces: ['payments'] },
    'images-exempt': { policyConstraints: [{ policy: GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM, exemptImages: ['acrplatformprod.azurecr.io/legacy/app:*'] }] },
    'custom-agent': { falco: true, falcoOptions: { namespace: 'payments' } },
    'waived': { policyExcludedNamespaces: ['batch'] },
  };
  for (const [name, props] of Object.entries(variants)) {
    const b = new ClusterBaseline(app, name, { cluster: clusterNamed(name), allowedRegistries: REGISTRIES, ...ADDONS_OFF, ...props });
    if (name === 'waived') {
      // The baseline's stacks are children of the App: waivers for their resources go on a stack.
      Compliance.waive(b.policiesStack, 'gatekeeper-constraint-exemptions', 'batch jobs run a vendor image until PLAT-9');
    }
  }
  const findings = appFindings(app, [new KubernetesBaselinePack()]);
  const of = (baselineName: string, ruleId: string) => findings.filter((f) => f.ruleId === ruleId && f.stack.startsWith(`${baselineName}-`) && f.status === 'non-compliant');

  test('only system namespaces excluded: no exemption finding', () => {
    expect(of('system-only', 'gatekeeper-constraint-exemptions')).toEqual([]);
  });

  test('a workload namespace excluded: one finding per constraint, naming the namespace and the policy\'s controls', () => {
    const list = of('workload-excluded', 'gatekeeper-constraint-exemptions');
    expect(list).toHaveLength(Object.values(GatekeeperPolicy).length);
    expect(list.every((f) => /excludes namespaces that may hold workloads: payments/.test(f.message))).toBe(true);
    expect(list.find((f) => f.constructPath.endsWith('/allowed-registries')).cisControls).toEqual(['cis-aks-1.8/5.1.4', 'rke2-cis-1.8/5.5.1']);
  });

  test('exempt images: a finding on that constraint only', () => {
    expect(of('images-exempt', 'gatekeeper-constraint-exemptions').map((f) => [f.constructPath.split('/').pop(), f.cisControls])).toEqual([
      ['read-only-root-filesystem', ['cis-aks-1.8/4.6.2', 'rke2-cis-1.8/5.7.3']],
    ]);
  });

  test("an add-on's namespace option: the namespace is privileged without the library's waiver, and its exclusion is a finding", () => {
    const podSecurity = findings.filter((f) => f.ruleId === 'k8s-namespace-pod-security' && f.constructPath === 'custom-agent-charts/falco-namespace/namespace');
    expect(podSecurity).toEqual([expect.objectContaining({ status: 'non-compliant', message: expect.stringMatching(/enforce=privileged/) })]);
    expect(podSecurity[0].waiverReason).toBeUndefined();
    expect(of('custom-agent', 'gatekeeper-constraint-exemptions').length).toBeGreaterThan(0);
  });

  test('a waiver on the baseline accepts the exclusion, and the finding stays in the report', () => {
    const waived = of('waived', 'gatekeeper-constraint-exemptions');
    expect(waived.length).toBeGreaterThan(0);
    expect(waived.every((f) => f.waiverReason === 'batch jobs run a vendor image until PLAT-9')).toBe(true);
  });
});

describe("the library's built-in waivers cover only its own agent namespaces", () => {
  test('the default agent namespaces get the built-in waiver; a chosen one does not', () => {
    const app = testApp();
    new ClusterBaseline(app, 'own', { cluster: clusterNamed('own'), allowedRegistries: REGISTRIES });
    new ClusterBaseline(app, 'chosen', {
      cluster: clusterNamed('chosen'),
      allowedRegistries: REGISTRIES,
      falcoOptions: { namespace: 'security' },
      trivyOptions: { namespace: 'scanners' },
      kubeBenchOptions: { namespace: 'bench' },
    });
    const findings = appFindings(app, [new KubernetesBaselinePack()]).filter((f) => f.ruleId === 'k8s-namespace-pod-security' && f.status === 'non-compliant');
    const own = findings.filter((f) => f.stack === 'own-charts');
    expect(own.map((f) => [f.constructPath.split('/')[1], f.builtInWaiver])).toEqual([
      ['falco-namespace', true],
      ['kube-bench-namespace', true],
      ['trivy-namespace', true],
    ]);
    const chosen = findings.filter((f) => f.stack === 'chosen-charts');
    expect(chosen.map((f) => [f.constructPath.split('/')[1], f.waiverReason ?? null])).toEqual([
      ['falco-namespace', null],
      ['kube-bench-namespace', null],
      ['trivy-namespace', null],
    ]);
  });

  test('a HardenedNamespace with a looser Pod Security level is a finding, whatever its name', () => {
    const app = testApp();
    const b = new ClusterBaseline(app, 'b', { cluster: clusterNamed('b'), allowedRegistries: REGISTRIES });
    new HardenedNamespace(b.chartsStack, 'falco-lookalike', { name: 'falco-tools', podSecurityLevel: PodSecurityLevel.PRIVILEGED });
    const findings = appFindings(app, [new KubernetesBaselinePack()]);
    expect(findings.find((f) => f.ruleId === 'k8s-namespace-pod-security' && f.constructPath === 'b-charts/falco-lookalike/namespace')).toMatchObject({
      status: 'non-compliant',
    });
  });
});
