import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/**
 * CIS AKS 1.8 4.1.7 / RKE2 CIS 1.8 5.1.8: no bind or escalate (which lift RBAC's escalation check) and no
 * impersonate (which acts as another user, group, service account, uid or user extra). The verbs are
 * refused wherever they appear; `*` verbs on their resources too.
 */
export const RBAC_ESCALATION_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_ESCALATION,
  kind: 'K8sHardenedRbacEscalation',
  description: 'Roles may not grant bind, escalate or impersonate (CIS AKS 1.8 4.1.7).',
  what: 'bind, escalate or impersonate',
  rules: {
    verbs: ['bind', 'escalate', 'impersonate'],
    grants: [
      { apiGroup: 'rbac.authorization.k8s.io', resources: ['clusterroles', 'roles'], verbs: ['bind', 'escalate'] },
      { apiGroup: '', resources: ['groups', 'serviceaccounts', 'users'], verbs: ['impersonate'] },
      { apiGroup: 'authentication.k8s.io', resources: ['uids', 'userextras/*'], verbs: ['impersonate'] },
    ],
  },
  builtInRoles: ['admin', 'cluster-admin', 'edit', 'system:aggregate-to-edit', 'system:controller:clusterrole-aggregation-controller'],
};

export const RBAC_ESCALATION = rbacPolicy(RBAC_ESCALATION_GUARD);
