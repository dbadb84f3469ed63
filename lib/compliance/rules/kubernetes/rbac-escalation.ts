import { RBAC_ESCALATION_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-escalation';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.7 / RKE2 CIS 1.8 5.1.8, proven by the enforcing constraint of RBAC_ESCALATION. */
export const k8sRbacEscalation = rbacGuardRule({
  id: 'k8s-rbac-escalation',
  title: 'No bind, escalate or impersonate: the RBAC escalation policy enforces (deny) and no role of the app grants them',
  guard: RBAC_ESCALATION_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
