import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.3 / RKE2 CIS 1.8 5.1.3: roles list their verbs, resources and API groups explicitly. */
export const RBAC_WILDCARDS_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_WILDCARDS,
  kind: 'K8sHardenedRbacWildcards',
  description: 'Roles may not use * in verbs, resources, API groups or non-resource URLs (CIS AKS 1.8 4.1.3).',
  what: 'permissions by wildcard (*)',
  rules: { anyWildcard: true },
  builtInRoles: [
    'cluster-admin',
    'system:controller:disruption-controller',
    'system:controller:generic-garbage-collector',
    'system:controller:horizontal-pod-autoscaler',
    'system:controller:namespace-controller',
    'system:controller:resourcequota-controller',
    'system:kube-controller-manager',
    'system:kubelet-api-admin',
  ],
};

export const RBAC_WILDCARDS = rbacPolicy(RBAC_WILDCARDS_GUARD);
