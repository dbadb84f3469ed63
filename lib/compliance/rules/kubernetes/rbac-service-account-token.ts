import { RBAC_SERVICE_ACCOUNT_TOKEN_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-service-account-token';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.12 / RKE2 CIS 1.8 5.1.13, proven by the enforcing constraint of RBAC_SERVICE_ACCOUNT_TOKEN. */
export const k8sRbacServiceAccountToken = rbacGuardRule({
  id: 'k8s-rbac-service-account-token',
  title: 'No service account token creation: the RBAC token policy enforces (deny) and no role of the app creates tokens',
  guard: RBAC_SERVICE_ACCOUNT_TOKEN_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
