import { RBAC_CLUSTER_ADMIN_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-cluster-admin';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.1 / RKE2 CIS 1.8 5.1.1, proven by the enforcing constraint of RBAC_CLUSTER_ADMIN. */
export const k8sRbacClusterAdmin = rbacGuardRule({
  id: 'k8s-rbac-cluster-admin',
  title: 'Only allowlisted administrators are bound to cluster-admin and no role copies it: the RBAC cluster-admin policy enforces (deny)',
  guard: RBAC_CLUSTER_ADMIN_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
