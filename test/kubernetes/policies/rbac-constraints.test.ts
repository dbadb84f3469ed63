import { GatekeeperAddon, GatekeeperPoliciesAddon, GatekeeperPolicy, KubernetesDistribution, RbacSubjectKind } from '../../../lib';
import { HardenedK8sError } from '../../../lib/errors';
import { systemNamespaces } from '../../../lib/kubernetes/exemptions';
import { evaluateTemplate } from '../../helpers/cel-harness';
import { baseline, cluster, manifests, REGISTRIES, resources, synthJson } from '../baseline-helpers';
import { TEAM_GROUP } from './rbac-fixtures';

const RBAC_KINDS = ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'];
const ADMINS = '00000000-0000-0000-0000-00000000a0a0';
const rbacConstraints = (stack: any) => manifests(synthJson(stack)).filter((m) => m.kind.startsWith('K8sHardenedRbac'));
const templateOf = (b: any, kind: string) => manifests(synthJson(b.objectsStack)).find((t) => t.kind === 'ConstraintTemplate' && t.spec.crd.spec.names.kind === kind);

/** A synthesized kubernetes_role_v1 as the API server receives it. */
function roleObject(tf: any): any {
  const metadata = tf.metadata;
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: metadata.name, namespace: metadata.namespace },
    rules: tf.rule.map((r: any) => ({ apiGroups: r.api_groups, resources: r.resources, verbs: r.verbs })),
  };
}

describe('the baseline RBAC constraints', () => {
  const admins = { ...cluster(), adminGroupObjectIds: [ADMINS] };
  const b = baseline({
    cluster: admins,
    rbacAllowedSubjects: [
      { kind: RbacSubjectKind.SERVICE_ACCOUNT, name: 'deployer', namespace: 'ci' },
      { kind: RbacSubjectKind.USER, name: 'breakglass@contoso.example' },
    ],
    namespaces: [{ name: 'apps', tenant: { groupObjectIds: [TEAM_GROUP.name] } }],
  });
  b.addNamespace({ name: 'reports', tenant: { groupObjectIds: [TEAM_GROUP.name], secretsRead: true } });
  const constraints = rbacConstraints(b.policiesStack);
  const charts = synthJson(b.chartsStack);

  test('ten RBAC constraints deny on the four RBAC kinds, cluster-scoped ones included (CIS AKS 1.8 4.1.x)', () => {
    expect(constraints).toHaveLength(10);
    for (const c of constraints) {
      expect(c.spec.enforcementAction).toBe('deny');
      expect(c.spec.match.scope).toBe('*');
      expect(c.spec.match.kinds).toEqual([{ apiGroups: ['rbac.authorization.k8s.io'], kinds: RBAC_KINDS }]);
      expect(c.spec.match.excludedNamespaces).toEqual(expect.arrayContaining(['kube-system', 'trivy-system', 'falco', 'kube-bench', 'istio-system']));
    }
  });

  test("the exemption model's namespaces, the cluster's administrators and the allowlist reach every constraint, sorted", () => {
    for (const c of constraints) {
      // The cluster is AKS: Rancher's namespaces are ordinary ones there.
      expect(c.spec.parameters.exemptNamespaces).not.toContain('cattle-system');
      expect(c.spec.parameters.exemptNamespaces).toEqual([...new Set([...systemNamespaces(KubernetesDistribution.AKS), 'falco', 'istio-system', 'kube-bench', 'trivy-system'])].sort());
      expect(c.spec.match.excludedNamespaces).toEqual(c.spec.parameters.exemptNamespaces);
      expect(c.spec.parameters.allowedSubjects).toEqual([
        { kind: 'Group', name: ADMINS },
        { kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' },
        { kind: 'User', name: 'breakglass@contoso.example' },
      ]);
    }
  });

  test('a tenant role that opts into secrets is admitted by the secrets policy only; the others are admitted as they are', () => {
    const secrets = constraints.find((c) => c.kind === 'K8sHardenedRbacSecretsRead');
    expect(secrets.spec.parameters.allowedRoles).toEqual(['reports/hardened-tenant']);
    expect(constraints.filter((c) => c.spec.parameters.allowedRoles !== undefined)).toHaveLength(1);
    const roles = Object.values(resources(charts, 'kubernetes_role_v1')).map(roleObject);
    expect(roles.map((r) => r.metadata.name)).toEqual(['hardened-tenant', 'hardened-tenant']);
    expect(roles.map((r) => /namespace-(\w+)_namespace/.exec(r.metadata.namespace)?.[1]).sort()).toEqual(['apps', 'reports']);
  });

  test('the synthesized tenant roles pass every synthesized RBAC constraint (the opted-in one through allowedRoles)', () => {
    const roles = Object.values(resources(charts, 'kubernetes_role_v1')).map(roleObject);
    const namespaceOf = (r: any) => (r.metadata.namespace.includes('reports') ? 'reports' : 'apps');
    const tenant = { userInfo: { username: 'terraform@contoso.example', groups: ['system:authenticated'] } };
    for (const role of roles) {
      const object = { ...role, metadata: { ...role.metadata, namespace: namespaceOf(role) } };
      for (const c of constraints) {
        const result = evaluateTemplate(templateOf(b, c.kind), object, c.spec.parameters, tenant);
        expect({ role: object.metadata.namespace, constraint: c.kind, messages: result.messages }).toEqual({ role: object.metadata.namespace, constraint: c.kind, messages: [] });
      }
      // Without allowedRoles the opted-in role would be denied.
      const secrets = constraints.find((c) => c.kind === 'K8sHardenedRbacSecretsRead');
      const bare = evaluateTemplate(templateOf(b, secrets.kind), object, { ...secrets.spec.parameters, allowedRoles: [] }, tenant);
      expect([object.metadata.namespace, bare.allowed]).toEqual([object.metadata.namespace, namespaceOf(role) === 'apps']);
    }
  });
});

describe('RBAC exemption inputs', () => {
  test("on RKE2 Rancher's namespaces are exempt, for the RBAC and the pod policies alike (one exemption model); a prefix glob is refused", () => {
    const constraints = manifests(synthJson(baseline({ cluster: cluster({ distribution: KubernetesDistribution.RKE2 }), policyExcludedNamespaces: ['kube-system'] }).policiesStack));
    const rbac = constraints.find((c) => c.kind === 'K8sHardenedRbacClusterAdmin');
    expect(rbac.spec.parameters.exemptNamespaces).toEqual(expect.arrayContaining(['cattle-system', 'cattle-fleet-system', 'kube-system']));
    expect(rbac.spec.parameters.allowedSubjects).toBeUndefined();
    expect(constraints.find((c) => c.kind === 'K8sHardenedPrivilegedContainer').spec.match.excludedNamespaces).toEqual(expect.arrayContaining(['cattle-system', 'cattle-fleet-system']));
    expect(() => baseline({ policyExcludedNamespaces: ['team-*'] })).toThrow(/invalid excludedNamespaces "team-\*". Allowed: a namespace name .*no wildcards/);
  });

  test('ConstraintOptions parameters add exact allowlist entries to their policy', () => {
    const params = rbacConstraints(
      baseline({
        policyConstraints: [
          { policy: GatekeeperPolicy.RBAC_POD_CREATE, parameters: { allowedRoles: ['ci/runner'], allowedSubjects: [{ kind: 'ServiceAccount', name: 'runner', namespace: 'ci' }] } },
        ],
      }).policiesStack,
    ).find((c) => c.kind === 'K8sHardenedRbacPodCreate').spec.parameters;
    expect(params.allowedRoles).toEqual(['ci/runner']);
    expect(params.allowedSubjects).toEqual([{ kind: 'ServiceAccount', name: 'runner', namespace: 'ci' }]);
  });

  const addon = (props: any) => new GatekeeperPoliciesAddon({ allowedRegistries: REGISTRIES, ...props });
  test.each([
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.GROUP, name: '*' }] }, /invalid rbacAllowedSubjects\[\].name "\*". Allowed: one exact user, group or service account name, without "\*"/],
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.GROUP, name: 'platform-*' }] }, /rbacAllowedSubjects\[\].name "platform-\*"/],
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.GROUP, name: 'system:masters' }] }, /name "system:masters".*must never be allowlisted/],
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.SERVICE_ACCOUNT, name: 'deployer' }] }, /rbacAllowedSubjects\[deployer\].namespace undefined. Allowed: the service account's namespace/],
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.SERVICE_ACCOUNT, name: 'deployer', namespace: 'ci-*' }] }, /namespace "ci-\*"/],
    [{ rbacAllowedSubjects: [{ kind: RbacSubjectKind.GROUP, name: ADMINS, namespace: 'ci' }] }, /namespace "ci". Allowed: no namespace for a User or Group/],
    [{ rbacAllowedSubjects: [{ kind: 'Team', name: 'x' }] }, /invalid rbacAllowedSubjects\[\].kind "Team". Allowed: User, Group, ServiceAccount/],
    [{ rbacAllowedSubjects: [null] }, /rbacAllowedSubjects\[\].kind undefined/],
    [{ rbacAllowedSubjects: 'admins' }, /invalid rbacAllowedSubjects "admins". Allowed: a list of RbacSubject/],
    [{ constraints: [{ policy: GatekeeperPolicy.RBAC_SECRETS_READ, parameters: { exemptNamespaces: ['payments'] } }] }, /parameters "exemptNamespaces". Allowed: allowedSubjects, allowedRoles. Fix: exempt a namespace with excludedNamespaces/],
    [{ constraints: [{ policy: GatekeeperPolicy.RBAC_SECRETS_READ, parameters: { allowedRoles: ['payments/*'] } }] }, /parameters.allowedRoles "payments\/\*". Allowed: "<namespace>\/<name>" for a Role/],
    [{ constraints: [{ policy: GatekeeperPolicy.RBAC_SECRETS_READ, parameters: { allowedRoles: 'payments/reader' } }] }, /parameters.allowedRoles "payments\/reader". Allowed: a list/],
    [{ constraints: [{ policy: GatekeeperPolicy.RBAC_WILDCARDS, parameters: { allowedSubjects: [{ kind: 'Group', name: 'system:authenticated' }] } }] }, /allowedSubjects\[\].name "system:authenticated"/],
    [{ constraints: [{ policy: GatekeeperPolicy.RBAC_WILDCARDS, exemptImages: ['a.azurecr.io/x:1'] }] }, /exemptImages only on policies that judge containers/],
  ])('bad input %j is refused at construction', (props, message) => {
    expect(() => addon(props)).toThrow(HardenedK8sError);
    expect(() => addon(props)).toThrow(message);
  });

  test('allowRbacRoles takes an RBAC policy and exact role names', () => {
    const policies = addon({});
    expect(() => policies.allowRbacRoles(GatekeeperPolicy.SECCOMP, ['a/b'])).toThrow(/allowRbacRoles.policy "seccomp". Allowed: a GatekeeperPolicy of the RBAC set/);
    expect(() => policies.allowRbacRoles(GatekeeperPolicy.RBAC_SECRETS_READ, ['a/b/c'])).toThrow(/allowRbacRoles "a\/b\/c"/);
    expect(() => policies.allowRbacRoles(GatekeeperPolicy.RBAC_SECRETS_READ, ['Payments/reader'])).toThrow(/allowRbacRoles "Payments\/reader"/);
    expect(() => policies.allowRbacRoles(GatekeeperPolicy.RBAC_SECRETS_READ, ['payments/reader', 'platform-reader'])).not.toThrow();
  });

  test('a disabled RBAC policy deploys neither template nor constraint', () => {
    const b = baseline({ policyConstraints: [{ policy: GatekeeperPolicy.RBAC_WILDCARDS, enabled: false }] });
    expect(rbacConstraints(b.policiesStack).map((c) => c.kind)).not.toContain('K8sHardenedRbacWildcards');
    expect(templateOf(b, 'K8sHardenedRbacWildcards')).toBeUndefined();
  });

  test('without Gatekeeper no RBAC constraint is deployed', () => {
    const b = baseline({ gatekeeper: false, allowedRegistries: undefined });
    expect(rbacConstraints(b.policiesStack)).toEqual([]);
    // The tenant role is still created (and judged by the synth-time rules).
    b.addNamespace({ name: 'apps', tenant: { groupObjectIds: [TEAM_GROUP.name], secretsRead: true } });
    expect(Object.keys(resources(synthJson(b.chartsStack), 'kubernetes_role_v1'))).toHaveLength(1);
  });
});

test('GatekeeperAddon and the policy add-on install RBAC constraints as a pair', () => {
  const b = baseline({ gatekeeper: false, allowedRegistries: undefined, istio: false, trivy: false, falco: false, kubeBench: false, hardenDefaultNamespace: false });
  b.addAddon(new GatekeeperAddon());
  b.addAddon(new GatekeeperPoliciesAddon({ allowedRegistries: REGISTRIES }));
  expect(rbacConstraints(b.policiesStack)).toHaveLength(10);
});
