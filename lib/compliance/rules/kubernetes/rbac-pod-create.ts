import { RBAC_POD_CREATE_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-pod-create';
import { AKS_RBAC_ADMIN, AKS_RBAC_CLUSTER_ADMIN, AKS_RBAC_WRITER, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.4 / RKE2 CIS 1.8 5.1.4, proven by the enforcing constraint of RBAC_POD_CREATE. */
export const k8sRbacPodCreate = rbacGuardRule({
  id: 'k8s-rbac-pod-create',
  title: 'Only controllers create pods: the RBAC pod-create policy enforces (deny) and no role, binding or AKS role assignment of the app creates pods',
  guard: RBAC_POD_CREATE_GUARD,
  azureRoles: [AKS_RBAC_ADMIN, AKS_RBAC_CLUSTER_ADMIN, AKS_RBAC_WRITER],
});
