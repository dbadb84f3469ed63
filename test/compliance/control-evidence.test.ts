// Removing a protection removes its evidence: for every protection the in-cluster rules claim, a
// baseline with it switched off fails naming the rule and its CIS controls (unless waived), and the
// baseline with it on has no "no evidence" finding. One app holds every variant, each a baseline of its
// own cluster, so one synth judges them all (evidence counts per cluster).
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  ClusterBaseline,
  ClusterBaselineProps,
  Compliance,
  ExistingCluster,
  GatekeeperPolicy,
  IKubernetesCluster,
  Kubelogin,
  KubernetesBaselinePack,
  KubernetesDistribution,
  PolicyEngine,
} from '../../lib';
import { REQUIRED_POLICIES } from '../../lib/compliance/rules/kubernetes/gatekeeper-constraint-enforced';
import { POLICY_CONTROLS } from '../../lib/compliance/rules/kubernetes/gatekeeper-policy-controls';
import { REGISTRIES } from '../kubernetes/baseline-helpers';
import { appFindings, testApp } from '../helpers/synth';

const ADDONS_OFF = { istio: false, trivy: false, falco: false, kubeBench: false };
/** The rules of the RBAC guards: their evidence is each guard's enforcing constraint, on every cluster. */
const RBAC_RULE_IDS = [
  'k8s-rbac-admission-configuration',
  'k8s-rbac-cluster-admin',
  'k8s-rbac-csr-approval',
  'k8s-rbac-escalation',
  'k8s-rbac-node-proxy',
  'k8s-rbac-persistent-volume-create',
  'k8s-rbac-pod-create',
  'k8s-rbac-secrets-read',
  'k8s-rbac-service-account-token',
  'k8s-rbac-wildcards',
];

function existing(name: string, policyEngine = PolicyEngine.GATEKEEPER): IKubernetesCluster {
  return ExistingCluster.fromAttributes({
    clusterName: name,
    endpoint: { host: `https://${name}.example.com:443`, exec: Kubelogin.exec() },
    distribution: KubernetesDistribution.AKS,
    policyEngine,
  });
}

/** A cluster construct of the app (as a user's own wrapper would be): an azurerm_kubernetes_cluster inside. */
class TestAksCluster extends Construct implements IKubernetesCluster {
  public readonly distribution = KubernetesDistribution.AKS;
  public readonly endpoint = { host: 'https://aks.example.com:443', exec: Kubelogin.exec() };
  public readonly policyEngine = PolicyEngine.GATEKEEPER;
  public readonly secretsStoreCsiManaged = true;
  constructor(
    scope: Construct,
    id: string,
    public readonly clusterName: string,
    azurePolicy = false,
  ) {
    super(scope, id);
    new KubernetesCluster(this, 'cluster', {
      name: clusterName,
      location: 'westeurope',
      resourceGroupName: 'rg',
      dnsPrefix: clusterName,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4s_v5', nodeCount: 1 },
      identity: { type: 'SystemAssigned' },
      azurePolicyEnabled: azurePolicy,
    });
  }
}

/** Every finding of the app report under the baseline pack. */
function judge(app: App): any[] {
  return appFindings(app, [new KubernetesBaselinePack()]);
}

const keys = (refs: Array<{ benchmark: string; id: string }>) => refs.map((r) => `${r.benchmark}/${r.id}`);

/** The required policies in three groups, each switched off in one baseline. */
const POLICY_GROUPS = [0, 1, 2].map((g) => REQUIRED_POLICIES.filter((_, i) => i % 3 === g));

describe('weakened variants fail naming the control; the protected ones have their evidence', () => {
  const app = testApp();
  const variants: Record<string, Partial<ClusterBaselineProps>> = {
    'full': {},
    'addons-off': { ...ADDONS_OFF, gatekeeper: false, allowedRegistries: undefined },
    'registries-off': { ...ADDONS_OFF, policyConstraints: [{ policy: GatekeeperPolicy.ALLOWED_REGISTRIES, enabled: false }] },
    'default-ns-off': { ...ADDONS_OFF, hardenDefaultNamespace: false, namespaces: [{ name: 'apps' }] },
    'dryrun': { ...ADDONS_OFF, policyEnforcementAction: 'dryrun' as any },
    'waived': { ...ADDONS_OFF },
    'azure-policy': { ...ADDONS_OFF, allowedRegistries: undefined },
    'meta-arguments': { ...ADDONS_OFF },
  };
  POLICY_GROUPS.forEach((group, i) => {
    variants[`policies-off-${i}`] = { ...ADDONS_OFF, policyConstraints: group.map((policy) => ({ policy, enabled: false })) };
  });
  for (const [name, props] of Object.entries(variants)) {
    const cluster = existing(name, name === 'azure-policy' ? PolicyEngine.AZURE_POLICY : PolicyEngine.GATEKEEPER);
    const baseline = new ClusterBaseline(app, name, { cluster, allowedRegistries: REGISTRIES, ...props });
    if (name === 'waived') {
      Compliance.waive(baseline, 'istio-peer-authentication-strict', 'mesh rolled out next quarter (PLAT-7)');
      Compliance.waive(baseline, 'istio-authorization-allow-nothing', 'mesh rolled out next quarter (PLAT-7)');
    }
  }
  // Escape hatches on Terraform's meta-arguments: the constraints stay in the configuration, but Terraform
  // creates none of them (count 0, an empty for_each), decides at plan whether it does, or sends one to
  // another cluster.
  const policies = app.node.findChild('meta-arguments-policies') as TerraformStack;
  const constraint = (policy: GatekeeperPolicy) => policies.node.findAll().find((c) => c instanceof Manifest && c.node.id === policy) as Manifest;
  constraint(GatekeeperPolicy.PRIVILEGED_CONTAINER).addOverride('count', 0);
  constraint(GatekeeperPolicy.ALLOWED_REGISTRIES).addOverride('for_each', {});
  const enabled = new TerraformVariable(policies, 'seccomp_enabled', { type: 'bool' });
  constraint(GatekeeperPolicy.SECCOMP).addOverride('count', `\${${enabled.fqn} ? 1 : 0}`);
  new KubernetesProvider(policies, 'other-cluster', { alias: 'other', configPath: '~/.kube/other' });
  constraint(GatekeeperPolicy.CAPABILITIES).addOverride('provider', 'kubernetes.other');
  const findings = judge(app);
  const missing = (baseline: string, ruleId?: string) =>
    findings.filter((f) => f.noEvidence && f.constructPath === baseline && (ruleId === undefined || f.ruleId === ruleId));

  test("the default baseline has every part of every rule's evidence", () => {
    expect(missing('full')).toEqual([]);
    expect(findings.filter((f) => f.stack.startsWith('full-') && f.status === 'non-compliant' && !f.waiverReason)).toEqual([]);
  });

  test.each(POLICY_GROUPS.map((group, i) => [i, group]))('switching policies off (group %i) fails gatekeeper-constraint-enforced for exactly them and their controls', (i, group) => {
    const [finding, ...others] = missing(`policies-off-${i}`, 'gatekeeper-constraint-enforced');
    expect(others).toEqual([]);
    const controls = new Set(group.flatMap((p) => keys(POLICY_CONTROLS[p])));
    expect(finding).toMatchObject({ status: 'non-compliant', evidence: group, stack: `policies-off-${i}-charts` });
    expect(new Set(finding.cisControls)).toEqual(controls);
    expect(finding.message).toMatch(/^no evidence for cluster "policies-off-\d" \(given by attributes\) in the stacks of ClusterBaseline policies-off-\d: needs /);
    expect(missing(`policies-off-${i}`, 'gatekeeper-allowed-registries')).toEqual([]);
  });

  test('every required policy names at least one CIS control or is one of the three beyond the benchmarks', () => {
    const withoutControl = REQUIRED_POLICIES.filter((p) => POLICY_CONTROLS[p].length === 0);
    expect(withoutControl).toEqual([GatekeeperPolicy.HOST_PROBES, GatekeeperPolicy.REQUIRED_RESOURCES, GatekeeperPolicy.DISALLOW_LATEST_TAG]);
  });

  test('switching the allowed-registries policy off fails CIS AKS 1.8 5.1.4 (the example of the issue)', () => {
    const gatekeeper = missing('registries-off').filter((f) => f.ruleId.startsWith('gatekeeper-'));
    expect(gatekeeper.map((f) => [f.ruleId, f.cisControls])).toEqual([['gatekeeper-allowed-registries', ['cis-aks-1.8/5.1.4', 'rke2-cis-1.8/5.5.1']]]);
  });

  test('Gatekeeper, the mesh, Trivy, Falco and kube-bench off fail their rules, naming 5.1.1 for the image scanner', () => {
    expect(missing('addons-off').map((f) => f.ruleId)).toEqual([
      'gatekeeper-allowed-registries',
      'gatekeeper-constraint-enforced',
      'istio-authorization-allow-nothing',
      'istio-outbound-registry-only',
      'istio-peer-authentication-strict',
      'k8s-cis-node-scan',
      'k8s-image-vulnerability-scanning',
      ...RBAC_RULE_IDS,
      'k8s-runtime-threat-detection',
    ]);
    expect(missing('addons-off', 'gatekeeper-constraint-enforced')[0].evidence).toEqual(REQUIRED_POLICIES);
    expect(missing('addons-off', 'k8s-image-vulnerability-scanning')[0].cisControls).toEqual(['cis-aks-1.8/5.1.1']);
  });

  test('the default namespace left unhardened fails the three namespace rules (other namespaces do not stand in for it)', () => {
    expect(missing('default-ns-off').filter((f) => f.ruleId.startsWith('k8s-') && f.evidence.includes('default-namespace')).map((f) => [f.ruleId, f.evidence])).toEqual([
      ['k8s-default-service-account-token-disabled', ['default-namespace']],
      ['k8s-namespace-default-deny-network-policy', ['default-namespace']],
      ['k8s-namespace-pod-security', ['default-namespace']],
    ]);
  });

  test('a constraint that only reports is judged non-compliant itself (it is evidence, not missing)', () => {
    expect(missing('dryrun', 'gatekeeper-constraint-enforced')).toEqual([]);
    const dryrun = findings.filter((f) => f.ruleId === 'gatekeeper-constraint-enforced' && f.stack === 'dryrun-policies' && f.status === 'non-compliant');
    // Every pod policy's constraint (the RBAC ones are judged by their own rules, below).
    expect(dryrun).toHaveLength(Object.values(GatekeeperPolicy).filter((p) => !p.startsWith('rbac-')).length);
    const rbac = findings.filter((f) => f.ruleId.startsWith('k8s-rbac-') && f.stack === 'dryrun-policies' && f.status === 'non-compliant');
    expect(rbac).toHaveLength(10);
    expect(missing('dryrun').filter((f) => f.ruleId.startsWith('k8s-rbac-'))).toEqual([]);
  });

  test('a waiver on the baseline covers its missing evidence and stays in the report', () => {
    expect(missing('waived').filter((f) => f.waiverReason).map((f) => [f.ruleId, f.waiverReason])).toEqual([
      ['istio-authorization-allow-nothing', 'mesh rolled out next quarter (PLAT-7)'],
      ['istio-peer-authentication-strict', 'mesh rolled out next quarter (PLAT-7)'],
    ]);
  });

  test('a cluster on the Azure Policy add-on needs no pod constraint (a valid variant, not refused), but its RBAC controls fail: no RBAC constraint exists', () => {
    expect(missing('azure-policy').filter((f) => f.ruleId.startsWith('gatekeeper-'))).toEqual([]);
    expect(missing('azure-policy').filter((f) => f.ruleId.startsWith('k8s-rbac-')).map((f) => f.cisControls[0])).toEqual(
      expect.arrayContaining(['cis-aks-1.8/4.1.1', 'cis-aks-1.8/4.1.2', 'cis-aks-1.8/4.1.12']),
    );
    expect(missing('azure-policy').filter((f) => f.ruleId.startsWith('k8s-rbac-')).map((f) => f.ruleId)).toEqual(RBAC_RULE_IDS);
  });

  test('a constraint Terraform does not create, may not create, or sends to another cluster is no evidence', () => {
    const [enforced, ...more] = missing('meta-arguments', 'gatekeeper-constraint-enforced');
    expect(more).toEqual([]);
    expect(enforced.evidence).toEqual(REQUIRED_POLICIES.filter((p) => [GatekeeperPolicy.PRIVILEGED_CONTAINER, GatekeeperPolicy.SECCOMP, GatekeeperPolicy.CAPABILITIES].includes(p)));
    expect(enforced.cisControls).toEqual(expect.arrayContaining(['cis-aks-1.8/4.2.1', 'cis-aks-1.8/4.6.2']));
    expect(enforced.message).toMatch(/not counted: .*seccomp.* exists only if count = \$\{var\.seccomp_enabled \? 1 : 0\} says so at plan/);
    expect(enforced.message).toMatch(/capabilities.* goes through provider kubernetes\.other, not the baseline's connection to its cluster/);
    expect(missing('meta-arguments', 'gatekeeper-allowed-registries').map((f) => f.cisControls)).toEqual([['cis-aks-1.8/5.1.4', 'rke2-cis-1.8/5.5.1']]);
    // What Terraform never creates is not judged either.
    expect(findings.filter((f) => f.stack === 'meta-arguments-policies' && /privileged-container|allowed-registries/.test(f.address))).toEqual([]);
  });
});

describe('evidence per cluster', () => {
  const app = testApp();
  const infra = new TerraformStack(app, 'infra');
  new AzurermProvider(infra, 'azurerm', { features: [{}] });
  const served = new TestAksCluster(infra, 'aks-a', 'aks-a');
  new TestAksCluster(infra, 'aks-b', 'aks-b');
  new TestAksCluster(infra, 'aks-c', 'aks-c', true);
  new ClusterBaseline(app, 'baseline-a', { cluster: served, allowedRegistries: REGISTRIES });
  const findings = judge(app);
  const missingOn = (constructPath: string) => findings.filter((f) => f.noEvidence && f.constructPath === constructPath).map((f) => f.ruleId);

  test('a fleet of two clusters with one baseline fails for the other cluster, on its resource', () => {
    expect(missingOn('baseline-a')).toEqual([]);
    expect(missingOn('infra/aks-b/cluster')).toEqual([
      'gatekeeper-allowed-registries',
      'gatekeeper-constraint-enforced',
      'istio-authorization-allow-nothing',
      'istio-outbound-registry-only',
      'istio-peer-authentication-strict',
      'k8s-cis-node-scan',
      'k8s-default-service-account-token-disabled',
      'k8s-image-vulnerability-scanning',
      'k8s-namespace-default-deny-network-policy',
      'k8s-namespace-pod-security',
      ...RBAC_RULE_IDS,
      'k8s-runtime-threat-detection',
    ]);
    const [finding] = findings.filter((f) => f.noEvidence && f.constructPath === 'infra/aks-b/cluster' && f.ruleId === 'istio-peer-authentication-strict');
    expect(finding).toMatchObject({ stack: 'infra', address: expect.stringMatching(/^azurerm_kubernetes_cluster\.aks-b_cluster_/) });
    expect(finding.message).toMatch(/no evidence for cluster azurerm_kubernetes_cluster\.aks-b_cluster_\w+ in the stacks no ClusterBaseline owns/);
  });

  test('an AKS cluster on the Azure Policy add-on needs no Gatekeeper evidence, only the rest', () => {
    expect(missingOn('infra/aks-c/cluster')).not.toContain('gatekeeper-constraint-enforced');
    expect(missingOn('infra/aks-c/cluster')).toContain('istio-peer-authentication-strict');
  });
});

describe('nothing protected', () => {
  test('an app with no cluster needs no in-cluster evidence', () => {
    const app = testApp();
    new TerraformStack(app, 'empty');
    expect(judge(app).filter((f) => f.noEvidence)).toEqual([]);
  });
});
