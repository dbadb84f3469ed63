import { RBAC_CSR_APPROVAL_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-csr-approval';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.10 / RKE2 CIS 1.8 5.1.11, proven by the enforcing constraint of RBAC_CSR_APPROVAL. */
export const k8sRbacCsrApproval = rbacGuardRule({
  id: 'k8s-rbac-csr-approval',
  title: 'No approval of certificate signing requests: the RBAC CSR policy enforces (deny) and no role of the app approves them',
  guard: RBAC_CSR_APPROVAL_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
