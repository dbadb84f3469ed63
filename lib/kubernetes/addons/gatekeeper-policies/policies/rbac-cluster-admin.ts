import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/**
 * CIS AKS 1.8 4.1.1 / RKE2 CIS 1.8 5.1.1: cluster-admin only where required. No role grants what
 * cluster-admin grants (every verb on every resource of every group), only allowlisted and system
 * subjects are bound to cluster-admin, and no binding names system:masters.
 */
export const RBAC_CLUSTER_ADMIN_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_CLUSTER_ADMIN,
  kind: 'K8sHardenedRbacClusterAdmin',
  description: 'Only allowlisted administrators are bound to cluster-admin; no role copies it; no binding names system:masters (CIS AKS 1.8 4.1.1).',
  what: 'every verb on every resource (what cluster-admin grants)',
  rules: { everything: true },
  builtInRoles: ['cluster-admin'],
  denySystemMasters: true,
};

export const RBAC_CLUSTER_ADMIN = rbacPolicy(RBAC_CLUSTER_ADMIN_GUARD);
