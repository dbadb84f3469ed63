import { RBAC_NODE_PROXY_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-node-proxy';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.9 / RKE2 CIS 1.8 5.1.10, proven by the enforcing constraint of RBAC_NODE_PROXY. */
export const k8sRbacNodeProxy = rbacGuardRule({
  id: 'k8s-rbac-node-proxy',
  title: 'No access to nodes/proxy: the RBAC node-proxy policy enforces (deny) and no role of the app grants it',
  guard: RBAC_NODE_PROXY_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
