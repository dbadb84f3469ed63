// Internal: the tenant role HardenedNamespace creates, and its binding to the tenant's groups.
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1, RoleV1Rule } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp, missingProp } from '../../errors';
import { NamespaceTenant } from './namespace-tenant';

/** Name of the tenant Role and RoleBinding in every HardenedNamespace that has a tenant. */
export const TENANT_ROLE_NAME = 'hardened-tenant';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const MANAGE = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ = ['get', 'list', 'watch'];

/**
 * Managing workloads: the workload controllers, their services, configuration, storage claims and
 * ingresses; pods are read and deleted (controllers create them, CIS AKS 1.8 4.1.4); service accounts,
 * network policies and secret provider classes are the platform's and only read; no Secrets, no RBAC, no
 * exec, attach or port-forward.
 */
const WORKLOAD_RULES: RoleV1Rule[] = [
  { apiGroups: [''], resources: ['configmaps', 'persistentvolumeclaims', 'services'], verbs: MANAGE },
  { apiGroups: [''], resources: ['pods'], verbs: ['delete', 'get', 'list', 'watch'] },
  { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
  { apiGroups: [''], resources: ['endpoints', 'events', 'limitranges', 'resourcequotas', 'serviceaccounts'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'], verbs: MANAGE },
  { apiGroups: ['apps'], resources: ['deployments/scale', 'replicasets/scale', 'statefulsets/scale'], verbs: ['get', 'patch', 'update'] },
  { apiGroups: ['autoscaling'], resources: ['horizontalpodautoscalers'], verbs: MANAGE },
  { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: MANAGE },
  { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: READ },
  { apiGroups: ['networking.k8s.io'], resources: ['ingresses'], verbs: MANAGE },
  { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
  { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: MANAGE },
  { apiGroups: ['secrets-store.csi.x-k8s.io'], resources: ['secretproviderclasses'], verbs: READ },
];

/**
 * The tenant role's rules: workload management plus the opt-ins. Exec, attach and port-forward get
 * `create` and `get` (streaming over WebSocket opens with a GET).
 */
export function tenantRoleRules(tenant: NamespaceTenant): RoleV1Rule[] {
  const streams = [
    ...(tenant.podAttach ? ['pods/attach'] : []),
    ...(tenant.podExec ? ['pods/exec'] : []),
    ...(tenant.podPortForward ? ['pods/portforward'] : []),
  ];
  return [
    ...WORKLOAD_RULES,
    ...(streams.length ? [{ apiGroups: [''], resources: streams, verbs: ['create', 'get'] }] : []),
    ...(tenant.secretsRead ? [{ apiGroups: [''], resources: ['secrets'], verbs: READ }] : []),
  ];
}

/** Throws unless the tenant is valid: GUID group ids (or unresolved references), given once each, boolean opt-ins. */
export function validateTenant(construct: string, tenant: NamespaceTenant): void {
  if (tenant === null || typeof tenant !== 'object') {
    throw invalidProp(construct, 'tenant', tenant, 'a NamespaceTenant object', 'pass { groupObjectIds: ["<Entra ID group object id>"] }');
  }
  if (!Array.isArray(tenant.groupObjectIds) || tenant.groupObjectIds.length === 0) {
    throw missingProp(construct, 'tenant.groupObjectIds', 'list the Entra ID object ids of the tenant groups, e.g. ["3f0c8a52-6b1e-4d7a-9c2f-5e8d1a4b7c60"]');
  }
  const seen = new Set<string>();
  for (const id of tenant.groupObjectIds) {
    if (Token.isUnresolved(id)) {
      continue;
    }
    if (typeof id !== 'string' || !GUID.test(id)) {
      throw invalidProp(
        construct,
        'tenant.groupObjectIds',
        id,
        'Entra ID group object ids: GUIDs such as "3f0c8a52-6b1e-4d7a-9c2f-5e8d1a4b7c60" (not group names, e-mail addresses or "*")',
        'copy the object id from the group in Entra ID (az ad group show --group <name> --query id)',
      );
    }
    if (seen.has(id.toLowerCase())) {
      throw invalidProp(construct, 'tenant.groupObjectIds', id, 'each group once', 'remove the duplicate');
    }
    seen.add(id.toLowerCase());
  }
  for (const flag of ['podExec', 'podAttach', 'podPortForward', 'secretsRead'] as const) {
    const value = tenant[flag];
    if (value !== undefined && typeof value !== 'boolean') {
      throw invalidProp(construct, `tenant.${flag}`, value, 'true or false', `set ${flag}: true to grant it, or leave it out`);
    }
  }
}

/** The tenant Role and its RoleBinding to the groups, in the namespace. */
export function addTenantRole(scope: Construct, namespaceName: string, tenant: NamespaceTenant): { role: RoleV1; binding: RoleBindingV1 } {
  const role = new RoleV1(scope, 'tenant-role', {
    metadata: { name: TENANT_ROLE_NAME, namespace: namespaceName },
    rule: tenantRoleRules(tenant),
  });
  const binding = new RoleBindingV1(scope, 'tenant-role-binding', {
    metadata: { name: TENANT_ROLE_NAME, namespace: namespaceName },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role.metadata.name },
    subject: tenant.groupObjectIds.map((id) => ({ apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: id })),
  });
  return { role, binding };
}
