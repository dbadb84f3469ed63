import * as fs from 'fs';
import * as path from 'path';
import { CisBenchmark, Compliance, KubernetesBaselinePack } from '../../../lib';
import { KUBERNETES_RULES } from '../../../lib/compliance/rules/kubernetes';
import { gatekeeperConstraintEnforced } from '../../../lib/compliance/rules/kubernetes/gatekeeper-constraint-enforced';
import { k8sRbacClusterAdmin } from '../../../lib/compliance/rules/kubernetes/rbac-cluster-admin';
import { k8sRbacSecretsRead } from '../../../lib/compliance/rules/kubernetes/rbac-secrets-read';
import { k8sRbacWildcards } from '../../../lib/compliance/rules/kubernetes/rbac-wildcards';
import { RBAC_GUARDS } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-guards';
import { tenantRoleRules } from '../../../lib/kubernetes/namespace/tenant-role';
import { IComplianceRule } from '../../../lib';
import { evaluateRule } from '../../helpers/rule-harness';
import { findingsOf, synthWithPacks, testApp } from '../../helpers/synth';
import { baseline } from '../../kubernetes/baseline-helpers';

const RBAC_RULES = KUBERNETES_RULES.filter((r) => r.metadata.id.startsWith('k8s-rbac-'));
const TEAM = '3f0c8a52-6b1e-4d7a-9c2f-5e8d1a4b7c60';

/** The statuses of every RBAC rule on one resource, by rule id. */
function statuses(type: string, config: any, others: any = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of RBAC_RULES) {
    out[rule.metadata.id] = evaluateRule(rule, type, config, others).status;
  }
  return out;
}
/** The rule ids with the given status on one resource. */
const withStatus = (type: string, config: any, status: string) =>
  Object.entries(statuses(type, config)).filter(([, s]) => s === status).map(([id]) => id).sort();

const snakeRules = (rules: any[]) => rules.map((r) => ({ api_groups: r.apiGroups, resources: r.resources, verbs: r.verbs }));
const constraint = (kind: string, spec: any = {}) => ({
  manifest: {
    apiVersion: 'constraints.gatekeeper.sh/v1beta1',
    kind,
    metadata: { name: 'hardened-x' },
    spec: {
      enforcementAction: 'deny',
      match: { scope: '*', kinds: [{ apiGroups: ['rbac.authorization.k8s.io'], kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] }] },
      ...spec,
    },
  },
});

describe('the RBAC rules (CIS AKS 1.8 4.1.1-4.1.4, 4.1.7-4.1.12; RKE2 CIS 1.8 5.1.1-5.1.4, 5.1.8-5.1.13)', () => {
  test('one rule per RBAC policy, each proving its AKS and RKE2 control', () => {
    expect(RBAC_RULES.map((r) => r.metadata.cisControls.map((c) => `${c.benchmark}/${c.id}`))).toEqual([
      ['cis-aks-1.8/4.1.1', 'rke2-cis-1.8/5.1.1'],
      ['cis-aks-1.8/4.1.2', 'rke2-cis-1.8/5.1.2'],
      ['cis-aks-1.8/4.1.3', 'rke2-cis-1.8/5.1.3'],
      ['cis-aks-1.8/4.1.4', 'rke2-cis-1.8/5.1.4'],
      ['cis-aks-1.8/4.1.7', 'rke2-cis-1.8/5.1.8'],
      ['cis-aks-1.8/4.1.8', 'rke2-cis-1.8/5.1.9'],
      ['cis-aks-1.8/4.1.9', 'rke2-cis-1.8/5.1.10'],
      ['cis-aks-1.8/4.1.10', 'rke2-cis-1.8/5.1.11'],
      ['cis-aks-1.8/4.1.11', 'rke2-cis-1.8/5.1.12'],
      ['cis-aks-1.8/4.1.12', 'rke2-cis-1.8/5.1.13'],
    ]);
    expect(RBAC_RULES.map((r) => r.metadata.id)).toEqual(RBAC_GUARDS.map((g) => `k8s-${g.policy}`));
  });

  describe.each(RBAC_GUARDS.map((g, i) => [g.policy, g, RBAC_RULES[i]] as const))('%s', (_policy, guard, rule: IComplianceRule) => {
    // The constraint is the guard's evidence; status and message are what these cases judge.
    const judge = (config: any) => {
      const { evidence, ...result } = evaluateRule(rule, 'kubernetes_manifest', config);
      expect(evidence).toEqual(result.status === 'not-applicable' ? undefined : [guard.policy]);
      return result;
    };
    test('compliant: its constraint enforces (deny, also by default) on the four RBAC kinds', () => {
      expect(judge(constraint(guard.kind)).status).toBe('compliant');
      const byDefault = constraint(guard.kind);
      delete byDefault.manifest.spec.enforcementAction;
      expect(judge(byDefault).status).toBe('compliant');
    });
    test('non-compliant: dryrun or warn, a missing kind, namespaced scope, a namespace or name match', () => {
      expect(judge(constraint(guard.kind, { enforcementAction: 'dryrun' }))).toEqual({ status: 'non-compliant', message: `${guard.kind} hardened-x: enforcementAction=dryrun (only deny enforces)` });
      expect(judge(constraint(guard.kind, { enforcementAction: 'warn' })).status).toBe('non-compliant');
      const only = (kinds: string[], extra: any = {}) => constraint(guard.kind, { match: { scope: '*', kinds: [{ apiGroups: ['rbac.authorization.k8s.io'], kinds }], ...extra } });
      expect(judge(only(['Role', 'RoleBinding']))).toEqual({ status: 'non-compliant', message: `${guard.kind} hardened-x: does not match ClusterRole, ClusterRoleBinding` });
      expect(judge(only(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], { scope: 'Namespaced' })).status).toBe('non-compliant');
      expect(judge(only(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'], { namespaces: ['payments'] })).status).toBe('non-compliant');
      expect(judge(only(['*'])).status).toBe('compliant');
    });
    test('allowedRoles: compliant for roles the app creates (their own findings judge them); non-compliant for any other, a built-in one above all', () => {
      const allowing = (roles: string[]) => constraint(guard.kind, { parameters: { allowedRoles: roles } });
      const created = {
        kubernetes_namespace_v1: { ns: { metadata: { name: 'apps' } } },
        kubernetes_role_v1: { tenant: { metadata: { name: 'hardened-tenant', namespace: '${kubernetes_namespace_v1.ns.metadata[0].name}' }, rule: [] } },
        kubernetes_cluster_role_v1: { reporter: { metadata: { name: 'report-reader' }, rule: [] } },
      };
      const judged = (roles: string[]) => {
        const { evidence, ...result } = evaluateRule(rule, 'kubernetes_manifest', allowing(roles), created);
        expect(evidence).toEqual([guard.policy]);
        return result;
      };
      expect(judged(['apps/hardened-tenant', 'report-reader']).status).toBe('compliant');
      expect(judged(['apps/hardened-tenant', 'view', 'other/hardened-tenant'])).toEqual({
        status: 'non-compliant',
        message: `${guard.kind} hardened-x: its allowedRoles admit any change to view, other/hardened-tenant, which the app does not create, so no rule judges what they grant`,
      });
    });
    test('proves no pod control: gatekeeper-constraint-enforced leaves the RBAC constraint to this rule, deny or not', () => {
      expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint(guard.kind)).status).toBe('not-applicable');
      expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint(guard.kind, { enforcementAction: 'dryrun' })).status).toBe('not-applicable');
    });
    test("not applicable: another policy's constraint", () => {
      expect(judge(constraint('K8sHardenedSeccomp')).status).toBe('not-applicable');
      expect(judge(constraint(RBAC_GUARDS.find((g) => g !== guard)!.kind)).status).toBe('not-applicable');
    });
  });

  test("the library's tenant role is no evidence either way; with secretsRead only the secrets rule fails", () => {
    const role = (opts: any) => ({ metadata: { name: 'hardened-tenant', namespace: 'apps' }, rule: snakeRules(tenantRoleRules({ groupObjectIds: [TEAM], ...opts })) });
    expect(withStatus('kubernetes_role_v1', role({ podExec: true, podAttach: true, podPortForward: true }), 'not-applicable')).toEqual(RBAC_RULES.map((r) => r.metadata.id).sort());
    const optedIn = statuses('kubernetes_role_v1', role({ secretsRead: true }));
    expect(Object.entries(optedIn).filter(([, s]) => s !== 'not-applicable')).toEqual([['k8s-rbac-secrets-read', 'non-compliant']]);
    expect(evaluateRule(k8sRbacSecretsRead, 'kubernetes_role_v1', role({ secretsRead: true })).message).toBe(
      'kubernetes_role_v1 subject grants get, list or watch on secrets: [get, list, watch] on [secrets]',
    );
  });

  test('roles of every RBAC resource type, and RBAC objects in a manifest, are judged by their rules', () => {
    const wildcard = [{ api_groups: ['apps'], resources: ['*'], verbs: ['get'] }];
    for (const type of ['kubernetes_role_v1', 'kubernetes_role', 'kubernetes_cluster_role_v1', 'kubernetes_cluster_role']) {
      expect([type, withStatus(type, { metadata: { name: 'r' }, rule: wildcard }, 'non-compliant')]).toEqual([type, ['k8s-rbac-wildcards']]);
    }
    const manifest = { manifest: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r' }, rules: [{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }] } };
    expect(withStatus('kubernetes_manifest', manifest, 'non-compliant')).toEqual(['k8s-rbac-node-proxy']);
    const nonResource = { metadata: { name: 'r' }, rule: [{ non_resource_urls: ['*'], verbs: ['get'] }] };
    expect(evaluateRule(k8sRbacWildcards, 'kubernetes_cluster_role_v1', nonResource)).toMatchObject({ status: 'non-compliant', message: 'kubernetes_cluster_role_v1 subject grants permissions by wildcard (*): [get] on [*]' });
  });

  test('a ClusterRole with an aggregation rule fails every rule; rules from a variable are unknown', () => {
    const aggregated = { metadata: { name: 'my-edit' }, aggregation_rule: { cluster_role_selectors: [{ match_labels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }] } };
    expect(withStatus('kubernetes_cluster_role_v1', aggregated, 'non-compliant')).toEqual(RBAC_RULES.map((r) => r.metadata.id).sort());
    const dynamic = { metadata: { name: 'r' }, rule: [{ api_groups: [''], resources: ['${var.resources}'], verbs: ['get'] }] };
    expect(withStatus('kubernetes_role_v1', dynamic, 'unknown')).toEqual(RBAC_RULES.map((r) => r.metadata.id).sort());
  });

  test('a binding fails the rules whose built-in ClusterRole it names; a Role or a ClusterRole of the configuration is judged itself', () => {
    const binding = (roleRef: any, subject: any[] = [{ kind: 'Group', name: TEAM, api_group: 'rbac.authorization.k8s.io' }]) => ({ metadata: { name: 'b', namespace: 'apps' }, role_ref: roleRef, subject });
    expect(withStatus('kubernetes_role_binding_v1', binding({ api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' }), 'non-compliant')).toEqual(
      ['k8s-rbac-escalation', 'k8s-rbac-pod-create', 'k8s-rbac-secrets-read', 'k8s-rbac-service-account-token'],
    );
    expect(evaluateRule(k8sRbacClusterAdmin, 'kubernetes_cluster_role_binding_v1', binding({ kind: 'ClusterRole', name: 'cluster-admin' }))).toMatchObject({
      status: 'non-compliant',
      message: `kubernetes_cluster_role_binding_v1 subject binds the built-in ClusterRole cluster-admin, which grants every verb on every resource (what cluster-admin grants), to Group:${TEAM}`,
    });
    expect(withStatus('kubernetes_role_binding_v1', binding({ kind: 'ClusterRole', name: 'view' }), 'non-compliant')).toEqual([]);
    expect(withStatus('kubernetes_role_binding_v1', binding({ kind: 'Role', name: '${kubernetes_role_v1.tenant.metadata[0].name}' }), 'not-applicable')).toHaveLength(10);
    expect(withStatus('kubernetes_cluster_role_binding_v1', binding({ kind: 'ClusterRole', name: '${kubernetes_cluster_role_v1.reader.metadata[0].name}' }), 'not-applicable')).toHaveLength(10);
    expect(withStatus('kubernetes_cluster_role_binding', binding({ kind: 'ClusterRole', name: '${var.role}' }), 'unknown')).toHaveLength(10);
    // system:masters in any binding fails the cluster-admin rule.
    const masters = binding({ kind: 'ClusterRole', name: 'view' }, [{ kind: 'Group', name: 'system:masters' }]);
    expect(withStatus('kubernetes_cluster_role_binding_v1', masters, 'non-compliant')).toEqual(['k8s-rbac-cluster-admin']);
    const manifest = { manifest: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', metadata: { name: 'b' }, roleRef: { kind: 'ClusterRole', name: 'system:kubelet-api-admin' }, subjects: [{ kind: 'User', name: 'ops' }] } };
    expect(withStatus('kubernetes_manifest', manifest, 'non-compliant')).toEqual(['k8s-rbac-node-proxy', 'k8s-rbac-wildcards']);
  });

  test('AKS role assignments: Writer and Admin read secrets and create pods, Cluster Admin grants everything, Reader nothing', () => {
    const assignment = (role: any) => ({ scope: '${azurerm_kubernetes_cluster.aks.id}/namespaces/apps', principal_id: TEAM, ...role });
    const writer = withStatus('azurerm_role_assignment', assignment({ role_definition_name: 'Azure Kubernetes Service RBAC Writer' }), 'non-compliant');
    expect(writer).toEqual(['k8s-rbac-pod-create', 'k8s-rbac-secrets-read']);
    expect(withStatus('azurerm_role_assignment', assignment({ role_definition_id: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/3498e952-d568-435e-9b2c-8d77e338d7f7' }), 'non-compliant')).toEqual(writer);
    expect(withStatus('azurerm_role_assignment', assignment({ role_definition_name: 'Azure Kubernetes Service RBAC Cluster Admin' }), 'non-compliant')).toHaveLength(10);
    expect(withStatus('azurerm_role_assignment', assignment({ role_definition_name: 'Azure Kubernetes Service RBAC Reader' }), 'not-applicable')).toHaveLength(10);
    expect(withStatus('azurerm_role_assignment', { scope: '/subscriptions/s/resourceGroups/rg', role_definition_name: 'AcrPull' }, 'not-applicable')).toHaveLength(10);
    expect(withStatus('azurerm_role_assignment', assignment({ role_definition_name: '${var.role}' }), 'unknown')).toHaveLength(10);
    expect(withStatus('azurerm_role_assignment', { scope: '${azurerm_key_vault.kv.id}', role_definition_name: '${var.role}' }, 'not-applicable')).toHaveLength(10);
  });
});

describe('a tenant that reads secrets (an explicit opt-in that needs a waiver)', () => {
  const build = (waive: boolean) => {
    const app = testApp();
    const b = baseline({}, app);
    const ns = b.addNamespace({ name: 'reports', tenant: { groupObjectIds: [TEAM], secretsRead: true } });
    if (waive) {
      Compliance.waive(ns, 'k8s-rbac-secrets-read', 'reporting team reads its generated report credentials (SEC-77)');
    }
    Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8] });
    return { app, b };
  };

  test('blocks synth with the finding and its waiver line', () => {
    const { app } = build(false);
    expect(() => synthWithPacks(app, [new KubernetesBaselinePack()])).toThrow(/k8s-rbac-secrets-read[\s\S]*namespace-reports[\s\S]*Compliance\.waive\(/);
  });

  test('waived, the control shows waived and the secrets constraint admits the role', () => {
    const { app } = build(true);
    const result = synthWithPacks(app, [new KubernetesBaselinePack()]);
    const findings = findingsOf(result, 'baseline-charts', 'k8s-rbac-secrets-read').filter((f) => f.status !== 'not-applicable');
    expect(findings.map((f) => [f.status, f.waiverReason])).toEqual([['non-compliant', 'reporting team reads its generated report credentials (SEC-77)']]);
    const report = JSON.parse(fs.readFileSync(path.join(result.outdir, 'compliance.json'), 'utf-8'));
    expect(report.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === '4.1.2')).toMatchObject({ status: 'waived', rules: ['gatekeeper-constraint-exemptions', 'gatekeeper-template-unchanged', 'k8s-rbac-secrets-read'] });
    expect(report.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === '4.1.4')).toMatchObject({ status: 'pass' });
  });
});
