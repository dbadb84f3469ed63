import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.4 / RKE2 CIS 1.8 5.1.4: people create workloads, controllers create their pods. */
export const RBAC_POD_CREATE_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_POD_CREATE,
  kind: 'K8sHardenedRbacPodCreate',
  description: 'Roles outside the platform namespaces may not create pods (CIS AKS 1.8 4.1.4).',
  what: 'create on pods',
  rules: { grants: [{ apiGroup: '', resources: ['pods'], verbs: ['create'] }] },
  builtInRoles: [
    'admin',
    'cluster-admin',
    'edit',
    'system:aggregate-to-edit',
    'system:controller:daemon-set-controller',
    'system:controller:job-controller',
    'system:controller:persistent-volume-binder',
    'system:controller:replicaset-controller',
    'system:controller:replication-controller',
    'system:controller:statefulset-controller',
    'system:node',
  ],
};

export const RBAC_POD_CREATE = rbacPolicy(RBAC_POD_CREATE_GUARD);
