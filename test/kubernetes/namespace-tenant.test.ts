import { TerraformStack, Testing, Token } from 'cdktf';
import { HardenedNamespace, HardenedNamespaceProps } from '../../lib';
import { HardenedK8sError } from '../../lib/errors';
import { schemaProblems } from '../helpers/k8s-schema';
import { resources, synthJson } from './baseline-helpers';

const TEAM = '3f0c8a52-6b1e-4d7a-9c2f-5e8d1a4b7c60';
const OPS = 'A1B2C3D4-0000-4000-8000-00000000BEEF';

function synth(props: Partial<HardenedNamespaceProps>): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  new HardenedNamespace(stack, 'ns', { name: 'payments', ...props });
  return synthJson(stack);
}
const roleOf = (json: any) => Object.values(resources(json, 'kubernetes_role_v1'))[0] as any;
const bindingOf = (json: any) => Object.values(resources(json, 'kubernetes_role_binding_v1'))[0] as any;
/** Every `group/resource` the role grants a verb on. */
const grants = (role: any, verb: string) =>
  role.rule.filter((r: any) => r.verbs.includes(verb)).flatMap((r: any) => r.resources.map((x: string) => `${r.api_groups[0] || 'core'}/${x}`)).sort();

describe('HardenedNamespace tenant', () => {
  const json = synth({ tenant: { groupObjectIds: [TEAM, OPS] } });
  const role = roleOf(json);
  const binding = bindingOf(json);

  test('no tenant by default: no role, no binding', () => {
    const plain = synth({});
    expect(resources(plain, 'kubernetes_role_v1')).toEqual({});
    expect(resources(plain, 'kubernetes_role_binding_v1')).toEqual({});
  });

  test('binds the groups, by object id, to the hardened-tenant Role of the namespace', () => {
    expect(role.metadata).toEqual({ name: 'hardened-tenant', namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\.ns_namespace_[0-9A-F]+\.metadata\[0\]\.name\}$/) });
    expect(binding.metadata.namespace).toBe(role.metadata.namespace);
    // The binding names the role by reference, so it is created after it.
    expect(binding.role_ref).toEqual({ api_group: 'rbac.authorization.k8s.io', kind: 'Role', name: expect.stringMatching(/^\$\{kubernetes_role_v1\.ns_tenant-role_[0-9A-F]+\.metadata\[0\]\.name\}$/) });
    expect(binding.subject).toEqual([
      { api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: TEAM },
      { api_group: 'rbac.authorization.k8s.io', kind: 'Group', name: OPS },
    ]);
  });

  test('manages workloads: controllers, services, config, claims, ingresses, autoscalers, disruption budgets', () => {
    expect(grants(role, 'create')).toEqual([
      'apps/deployments',
      'apps/replicasets',
      'apps/statefulsets',
      'autoscaling/horizontalpodautoscalers',
      'batch/cronjobs',
      'batch/jobs',
      'core/configmaps',
      'core/persistentvolumeclaims',
      'core/services',
      'networking.k8s.io/ingresses',
      'policy/poddisruptionbudgets',
    ]);
    expect(grants(role, 'delete')).toContain('core/pods');
    expect(grants(role, 'get')).toEqual(expect.arrayContaining(['core/pods', 'core/pods/log', 'core/serviceaccounts', 'networking.k8s.io/networkpolicies', 'secrets-store.csi.x-k8s.io/secretproviderclasses']));
  });

  test('never Secrets, pod creation, exec, attach, port-forward, RBAC, or a wildcard by default (CIS AKS 1.8 4.1.2, 4.1.3, 4.1.4)', () => {
    const everything = role.rule.flatMap((r: any) => r.resources);
    for (const forbidden of ['secrets', 'pods/exec', 'pods/attach', 'pods/portforward', 'roles', 'rolebindings', 'serviceaccounts/token']) {
      expect(everything).not.toContain(forbidden);
    }
    expect(grants(role, 'create')).not.toContain('core/pods');
    expect(JSON.stringify(role.rule)).not.toContain('*');
    expect(grants(role, 'update').filter((g: string) => g.startsWith('core/serviceaccounts') || g.includes('networkpolicies') || g.includes('secretproviderclasses'))).toEqual([]);
  });

  test('opt-ins add exactly what they name: exec, attach and port-forward with create and get, secrets with read only', () => {
    const opted = roleOf(synth({ tenant: { groupObjectIds: [TEAM], podExec: true, podPortForward: true, secretsRead: true } }));
    expect(opted.rule.slice(role.rule.length)).toEqual([
      { api_groups: [''], resources: ['pods/exec', 'pods/portforward'], verbs: ['create', 'get'] },
      { api_groups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
    ]);
    expect(roleOf(synth({ tenant: { groupObjectIds: [TEAM], podAttach: true } })).rule.slice(role.rule.length)).toEqual([
      { api_groups: [''], resources: ['pods/attach'], verbs: ['create', 'get'] },
    ]);
  });

  test('the role and binding are schema-valid RBAC objects (kubernetes-models)', () => {
    const rbacRole = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'hardened-tenant', namespace: 'payments' },
      rules: role.rule.map((r: any) => ({ apiGroups: r.api_groups, resources: r.resources, verbs: r.verbs })),
    };
    const rbacBinding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'hardened-tenant', namespace: 'payments' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'hardened-tenant' },
      subjects: binding.subject.map((s: any) => ({ apiGroup: s.api_group, kind: s.kind, name: s.name })),
    };
    expect(schemaProblems([rbacRole, rbacBinding])).toEqual([]);
  });

  test('a group id from a reference is taken as it is', () => {
    const id = Token.asString({ Ref: 'azuread_group.team.object_id' } as any);
    expect(() => synth({ tenant: { groupObjectIds: [id] } })).not.toThrow();
  });

  test.each([
    [{ groupObjectIds: [] }, /tenant.groupObjectIds is required but was not given/],
    [{}, /tenant.groupObjectIds is required/],
    [{ groupObjectIds: ['payments-developers'] }, /invalid tenant.groupObjectIds "payments-developers". Allowed: Entra ID group object ids: GUIDs/],
    [{ groupObjectIds: ['dev@contoso.example'] }, /invalid tenant.groupObjectIds "dev@contoso.example"/],
    [{ groupObjectIds: ['*'] }, /invalid tenant.groupObjectIds "\*"/],
    [{ groupObjectIds: [`${TEAM}-1`] }, /invalid tenant.groupObjectIds/],
    [{ groupObjectIds: [42] }, /invalid tenant.groupObjectIds 42/],
    [{ groupObjectIds: [TEAM, TEAM.toUpperCase()] }, /invalid tenant.groupObjectIds "3F0C8A52-.*". Allowed: each group once/],
    [{ groupObjectIds: [TEAM], secretsRead: 'yes' }, /invalid tenant.secretsRead "yes". Allowed: true or false/],
    [{ groupObjectIds: [TEAM], podExec: 1 }, /invalid tenant.podExec 1/],
  ])('bad tenant %j is refused at construction', (tenant, message) => {
    expect(() => synth({ tenant: tenant as any })).toThrow(HardenedK8sError);
    expect(() => synth({ tenant: tenant as any })).toThrow(message);
  });

  test('null from JavaScript is refused', () => {
    expect(() => synth({ tenant: null as any })).toThrow(/invalid tenant null. Allowed: a NamespaceTenant object/);
  });
});
