// The rules that give in-cluster evidence: what each counts as evidence, and what it judges non-compliant.
import { GatekeeperPolicy } from '../../../lib';
import { scopeOf } from '../../../lib/compliance/rule-evidence';
import { k8sCisNodeScan } from '../../../lib/compliance/rules/kubernetes/cis-node-scan';
import { k8sDefaultServiceAccountToken } from '../../../lib/compliance/rules/kubernetes/default-service-account-token';
import { gatekeeperConstraintEnforced } from '../../../lib/compliance/rules/kubernetes/gatekeeper-constraint-enforced';
import { gatekeeperConstraintExemptions } from '../../../lib/compliance/rules/kubernetes/gatekeeper-constraint-exemptions';
import { POLICY_CONTROLS } from '../../../lib/compliance/rules/kubernetes/gatekeeper-policy-controls';
import { k8sImageVulnerabilityScanning } from '../../../lib/compliance/rules/kubernetes/image-vulnerability-scanning';
import { istioAllowNothing } from '../../../lib/compliance/rules/kubernetes/istio-allow-nothing';
import { istioMtlsStrict } from '../../../lib/compliance/rules/kubernetes/istio-mtls-strict';
import { k8sNamespaceNetworkPolicy } from '../../../lib/compliance/rules/kubernetes/namespace-network-policy';
import { k8sNamespacePodSecurity } from '../../../lib/compliance/rules/kubernetes/namespace-pod-security';
import { k8sRbacWildcards } from '../../../lib/compliance/rules/kubernetes/rbac-wildcards';
import { k8sRuntimeThreatDetection } from '../../../lib/compliance/rules/kubernetes/runtime-threat-detection';
import { SYSTEM_NAMESPACES } from '../../../lib/kubernetes/exemptions';
import { evaluateRule } from '../../helpers/rule-harness';

const release = (chart: string, values: any[] = [{}], extra: any = {}) => ({ chart, values: values.map((v) => JSON.stringify(v)), ...extra });
const manifest = (body: any) => ({ manifest: body });
const constraint = (kind: string, spec: any = {}) =>
  manifest({ apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind, metadata: { name: 'c' }, spec: { enforcementAction: 'deny', match: { scope: 'Namespaced', kinds: [{ apiGroups: [''], kinds: ['Pod'] }] }, ...spec } });
const istio = (kind: string, namespace: string, spec: any = {}) => manifest({ apiVersion: 'security.istio.io/v1', kind, metadata: { name: 'p', namespace }, spec });

describe('k8s-image-vulnerability-scanning (CIS AKS 1.8 5.1.1)', () => {
  test('compliant: a trivy-operator release (by name or OCI reference) with its scanner on', () => {
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', release('trivy-operator')).status).toBe('compliant');
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', release('oci://ghcr.io/aquasecurity/helm-charts/trivy-operator')).status).toBe('compliant');
  });
  test('non-compliant: the vulnerability scanner turned off in values or by a set entry', () => {
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', release('trivy-operator', [{ operator: { vulnerabilityScannerEnabled: false } }])).message).toMatch(
      /vulnerabilityScannerEnabled=false: images are not scanned/,
    );
    const viaSet = release('trivy-operator', [{}], { set: [{ name: 'operator.vulnerabilityScannerEnabled', value: 'false' }] });
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', viaSet).status).toBe('non-compliant');
  });
  test('unknown when the key is sensitive; not applicable to other charts', () => {
    const hidden = release('trivy-operator', [{}], { set_sensitive: [{ name: 'operator.vulnerabilityScannerEnabled', value: '${var.x}' }] });
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', hidden).status).toBe('unknown');
    expect(evaluateRule(k8sImageVulnerabilityScanning, 'helm_release', release('falco')).status).toBe('not-applicable');
  });
});

describe('k8s-runtime-threat-detection', () => {
  test('compliant: a falco release with its driver; non-compliant: the driver off', () => {
    expect(evaluateRule(k8sRuntimeThreatDetection, 'helm_release', release('falco')).status).toBe('compliant');
    expect(evaluateRule(k8sRuntimeThreatDetection, 'helm_release', release('falco', [{ driver: { enabled: false } }])).message).toMatch(/driver.enabled=false/);
    expect(evaluateRule(k8sRuntimeThreatDetection, 'helm_release', release('trivy-operator')).status).toBe('not-applicable');
  });
});

describe('k8s-cis-node-scan', () => {
  const cronJob = (image: string, extra: any = {}) => ({ spec: { ...extra, job_template: { spec: { template: { spec: { container: [{ name: 'c', image }] } } } } } });
  test('compliant: a kube-bench CronJob, or a scheduled Rancher ClusterScan', () => {
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_cron_job_v1', cronJob('docker.io/aquasec/kube-bench:v0.15.6')).status).toBe('compliant');
    const scan = manifest({ apiVersion: 'compliance.cattle.io/v1', kind: 'ClusterScan', spec: { scheduledScanConfig: { cronSchedule: '0 3 * * *' } } });
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_manifest', scan).status).toBe('compliant');
  });
  test('non-compliant: the CronJob suspended, a ClusterScan that runs once', () => {
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_cron_job_v1', cronJob('docker.io/aquasec/kube-bench:v0.15.6', { suspend: true })).message).toBe('the kube-bench CronJob is suspended');
    const once = manifest({ apiVersion: 'cis.cattle.io/v1', kind: 'ClusterScan', spec: {} });
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_manifest', once).status).toBe('non-compliant');
  });
  test('not applicable: other jobs and manifests', () => {
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_cron_job_v1', cronJob('docker.io/library/busybox:1')).status).toBe('not-applicable');
    expect(evaluateRule(k8sCisNodeScan, 'kubernetes_manifest', manifest({ apiVersion: 'v1', kind: 'ConfigMap' })).status).toBe('not-applicable');
  });
});

describe('istio-authorization-allow-nothing', () => {
  test('compliant evidence: an empty ALLOW policy in either mesh root namespace', () => {
    for (const root of ['istio-system', 'aks-istio-system']) {
      expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', istio('AuthorizationPolicy', root))).toEqual({ status: 'compliant', message: 'allow-nothing', evidence: ['allow-nothing'] });
    }
  });
  test('non-compliant: an empty rule allows everything; a mesh-wide ALLOW with rules opens every workload', () => {
    expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', istio('AuthorizationPolicy', 'payments', { action: 'ALLOW', rules: [{}] })).message).toMatch(/empty rule/);
    const meshWide = istio('AuthorizationPolicy', 'istio-system', { rules: [{ from: [{ source: { principals: ['cluster.local/ns/web/sa/frontend'] } }] }] });
    expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', meshWide)).toMatchObject({ status: 'non-compliant', evidence: [] });
  });
  test('not applicable: a scoped ALLOW policy, a DENY policy; a selector makes a root policy not mesh-wide', () => {
    const scoped = istio('AuthorizationPolicy', 'payments', { rules: [{ from: [{ source: { principals: ['cluster.local/ns/web/sa/frontend'] } }] }] });
    expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', scoped).status).toBe('not-applicable');
    expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', istio('AuthorizationPolicy', 'istio-system', { action: 'DENY', rules: [{}] })).status).toBe('not-applicable');
    const selected = istio('AuthorizationPolicy', 'istio-system', { selector: { matchLabels: { app: 'x' } } });
    expect(evaluateRule(istioAllowNothing, 'kubernetes_manifest', selected).status).toBe('not-applicable');
  });
});

describe('istio-peer-authentication-strict evidence', () => {
  test('only a mesh-wide STRICT policy is the evidence; a namespace one is judged but speaks for nothing', () => {
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', istio('PeerAuthentication', 'istio-system', { mtls: { mode: 'STRICT' } })).evidence).toEqual(['mesh-wide-strict']);
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', istio('PeerAuthentication', 'payments', { mtls: { mode: 'STRICT' } }))).toEqual({ status: 'compliant', evidence: [] });
    const permissive = istio('PeerAuthentication', 'aks-istio-system', { mtls: { mode: 'PERMISSIVE' } });
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', permissive)).toEqual({ status: 'non-compliant', message: 'mtls.mode=PERMISSIVE', evidence: ['mesh-wide-strict'] });
  });
});

describe('gatekeeper-constraint-enforced evidence', () => {
  test('a library constraint speaks for its policy and names only its controls; a foreign kind speaks for none', () => {
    const result = evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sHardenedSeccomp'));
    expect(result.evidence).toEqual([GatekeeperPolicy.SECCOMP]);
    expect(scopeOf(gatekeeperConstraintEnforced, result)).toEqual({ evidence: ['seccomp'], cisControls: ['cis-aks-1.8/4.6.2', 'rke2-cis-1.8/5.7.2'] });
    const foreign = evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sPSPPrivilegedContainer'));
    expect(foreign).toMatchObject({ status: 'compliant', evidence: [] });
    expect(scopeOf(gatekeeperConstraintEnforced, foreign)).toEqual({ evidence: [], cisControls: [] });
  });
});

describe('k8s-rbac-* evidence', () => {
  test('only the enforcing constraint is evidence; a role that grants the permission is judged for the control without standing in for it', () => {
    const rbacConstraint = manifest({
      apiVersion: 'constraints.gatekeeper.sh/v1beta1',
      kind: 'K8sHardenedRbacWildcards',
      metadata: { name: 'c' },
      spec: { enforcementAction: 'deny', match: { scope: '*', kinds: [{ apiGroups: ['rbac.authorization.k8s.io'], kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] }] } },
    });
    expect(evaluateRule(k8sRbacWildcards, 'kubernetes_manifest', rbacConstraint)).toMatchObject({ status: 'compliant', evidence: ['rbac-wildcards'] });
    const role = { metadata: { name: 'r' }, rule: [{ api_groups: ['*'], resources: ['*'], verbs: ['*'] }] };
    const judged = evaluateRule(k8sRbacWildcards, 'kubernetes_cluster_role_v1', role);
    expect(judged).toMatchObject({ status: 'non-compliant', evidence: [] });
    expect(scopeOf(k8sRbacWildcards, judged)).toEqual({ evidence: [], cisControls: ['cis-aks-1.8/4.1.3', 'rke2-cis-1.8/5.1.3'] });
  });
});

describe('gatekeeper-constraint-exemptions', () => {
  const exemptions = (spec: any, kind = 'K8sHardenedPrivilegedContainer') => evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_manifest', constraint(kind, spec));
  const match = (extra: any) => ({ match: { scope: 'Namespaced', kinds: [{ apiGroups: [''], kinds: ['Pod'] }], ...extra } });

  test('compliant: only system namespaces and the library agent namespaces excluded; narrowed to the policy\'s controls', () => {
    const result = exemptions(match({ excludedNamespaces: [...SYSTEM_NAMESPACES, 'falco', 'istio-system', 'kube-bench', 'trivy-system'] }));
    expect(result.status).toBe('compliant');
    expect((scopeOf(gatekeeperConstraintExemptions, result) as any).cisControls).toEqual(['cis-aks-1.8/4.2.1', 'rke2-cis-1.8/5.2.2']);
  });
  test.each([
    ['a workload namespace', match({ excludedNamespaces: ['kube-system', 'payments'] }), /excludes namespaces that may hold workloads: payments/],
    ['default', match({ excludedNamespaces: ['default'] }), /excludes namespaces that may hold workloads: default/],
    ['a wildcard from an override', match({ excludedNamespaces: ['team-*'] }), /may hold workloads: team-\*/],
    ['exempt images', { ...match({}), parameters: { exemptImages: ['myacr.azurecr.io/agents/x:*'] } }, /exempts images "myacr.azurecr.io\/agents\/x:\*"/],
    ['a namespace list', match({ namespaces: ['apps'] }), /narrows its match by match.namespaces/],
    ['a label selector', match({ labelSelector: { matchLabels: { checked: 'yes' } } }), /match.labelSelector/],
    ['the cluster scope', match({ scope: 'Cluster' }), /match.scope/],
    ['RBAC service accounts of a workload namespace', { ...match({}), parameters: { exemptNamespaces: ['kube-system', 'payments'] } }, /exempts the service accounts of namespaces that may hold workloads: payments/],
  ])('non-compliant: %s', (_label, spec, message) => {
    expect(exemptions(spec)).toMatchObject({ status: 'non-compliant', message: expect.stringMatching(message) });
  });
  const config = (match: any[]) => ({ manifest: { apiVersion: 'config.gatekeeper.sh/v1alpha1', kind: 'Config', metadata: { name: 'config', namespace: 'gatekeeper-system' }, spec: { match } } });
  const judgeConfig = (match: any[]) => evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_manifest', config(match));
  test("a Gatekeeper Config: compliant when it excludes system namespaces or only skips a namespace's sync; non-compliant when the webhook or the audit skips a workload namespace", () => {
    expect(judgeConfig([{ excludedNamespaces: ['kube-system', 'gatekeeper-system'], processes: ['*'] }]).status).toBe('compliant');
    expect(judgeConfig([{ excludedNamespaces: ['payments'], processes: ['sync'] }]).status).toBe('compliant');
    for (const process of ['*', 'webhook', 'audit']) {
      expect(judgeConfig([{ excludedNamespaces: ['payments', 'kube-system'], processes: [process] }])).toMatchObject({
        status: 'non-compliant',
        message: 'Gatekeeper Config config excludes namespaces that may hold workloads from every constraint: payments',
      });
    }
    expect(judgeConfig([{ excludedNamespaces: ['team-*'], processes: ['webhook'] }]).status).toBe('non-compliant');
  });
  test('the ignore label: non-compliant on a workload namespace, however it is set; not applicable on system namespaces and namespaces without it', () => {
    const ignored = { 'admission.gatekeeper.sh/ignore': 'yes' };
    expect(evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_namespace_v1', { metadata: { name: 'payments', labels: ignored } })).toMatchObject({
      status: 'non-compliant',
      message: "namespace payments carries admission.gatekeeper.sh/ignore: Gatekeeper's webhook skips every object in it",
    });
    expect(evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_labels', { api_version: 'v1', kind: 'Namespace', metadata: { name: 'default' }, labels: ignored }).status).toBe('non-compliant');
    expect(evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_namespace_v1', { metadata: { name: 'gatekeeper-system', labels: ignored } }).status).toBe('not-applicable');
    expect(evaluateRule(gatekeeperConstraintExemptions, 'kubernetes_namespace_v1', { metadata: { name: 'payments', labels: { team: 'payments' } } }).status).toBe('not-applicable');
  });
  test('the allowed-registries constraint names 5.1.4', () => {
    const result = exemptions(match({ excludedNamespaces: ['payments'] }), 'K8sHardenedAllowedRegistries');
    expect((scopeOf(gatekeeperConstraintExemptions, result) as any).cisControls).toEqual(keys(POLICY_CONTROLS[GatekeeperPolicy.ALLOWED_REGISTRIES]));
  });
});

describe('namespace rules judge the default namespace through its labels, and leave system namespaces alone', () => {
  const labels = (name: string) => ({ api_version: 'v1', kind: 'Namespace', metadata: { name }, labels: {} });
  const defaultDeny = { kubernetes_network_policy_v1: { deny: { metadata: { name: 'default-deny', namespace: 'default' }, spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'] } } } };
  test('labels on default: judged, and evidence for default-namespace', () => {
    expect(evaluateRule(k8sNamespaceNetworkPolicy, 'kubernetes_labels', labels('default'), defaultDeny)).toEqual({ status: 'compliant', evidence: ['default-namespace', 'namespaces'] });
    expect(evaluateRule(k8sDefaultServiceAccountToken, 'kubernetes_labels', labels('default')).status).toBe('non-compliant');
  });
  test.each(['kube-system', 'cattle-system', 'gatekeeper-system'])('%s: not applicable', (name) => {
    expect(evaluateRule(k8sNamespacePodSecurity, 'kubernetes_labels', labels(name)).status).toBe('not-applicable');
    expect(evaluateRule(k8sNamespaceNetworkPolicy, 'kubernetes_labels', labels(name)).status).toBe('not-applicable');
  });
});

function keys(refs: Array<{ benchmark: string; id: string }>): string[] {
  return refs.map((r) => `${r.benchmark}/${r.id}`);
}
