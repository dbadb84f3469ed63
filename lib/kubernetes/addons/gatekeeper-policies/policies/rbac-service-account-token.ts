import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.12 / RKE2 CIS 1.8 5.1.13: creating a token for a service account acts as it. */
export const RBAC_SERVICE_ACCOUNT_TOKEN_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_SERVICE_ACCOUNT_TOKEN,
  kind: 'K8sHardenedRbacServiceAccountToken',
  description: 'Roles outside the platform namespaces may not create service account tokens (CIS AKS 1.8 4.1.12).',
  what: 'create on serviceaccounts/token',
  rules: { grants: [{ apiGroup: '', resources: ['serviceaccounts/token'], verbs: ['create'] }] },
  builtInRoles: ['admin', 'cluster-admin', 'edit', 'system:aggregate-to-edit', 'system:kube-controller-manager', 'system:node'],
};

export const RBAC_SERVICE_ACCOUNT_TOKEN = rbacPolicy(RBAC_SERVICE_ACCOUNT_TOKEN_GUARD);
