import { RBAC_WILDCARDS_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-wildcards';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.3 / RKE2 CIS 1.8 5.1.3, proven by the enforcing constraint of RBAC_WILDCARDS. */
export const k8sRbacWildcards = rbacGuardRule({
  id: 'k8s-rbac-wildcards',
  title: 'Roles name their verbs, resources and API groups: the RBAC wildcard policy enforces (deny) and no role of the app uses *',
  guard: RBAC_WILDCARDS_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
