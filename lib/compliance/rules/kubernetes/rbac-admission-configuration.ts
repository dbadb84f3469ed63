import { RBAC_ADMISSION_CONFIGURATION_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-admission-configuration';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.11 / RKE2 CIS 1.8 5.1.12, proven by the enforcing constraint of RBAC_ADMISSION_CONFIGURATION. */
export const k8sRbacAdmissionConfiguration = rbacGuardRule({
  id: 'k8s-rbac-admission-configuration',
  title: 'No write on webhook configurations and admission policies: the RBAC admission-configuration policy enforces (deny) and no role of the app writes them',
  guard: RBAC_ADMISSION_CONFIGURATION_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
