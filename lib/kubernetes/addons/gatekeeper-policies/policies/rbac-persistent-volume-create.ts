import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.8 / RKE2 CIS 1.8 5.1.9: a persistent volume can point at any host path or disk; provisioners create them. */
export const RBAC_PERSISTENT_VOLUME_CREATE_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_PERSISTENT_VOLUME_CREATE,
  kind: 'K8sHardenedRbacPersistentVolumeCreate',
  description: 'Roles may not create persistent volumes (CIS AKS 1.8 4.1.8).',
  what: 'create on persistentvolumes',
  rules: { grants: [{ apiGroup: '', resources: ['persistentvolumes'], verbs: ['create'] }] },
  builtInRoles: ['cluster-admin', 'system:controller:persistent-volume-binder', 'system:persistent-volume-provisioner'],
};

export const RBAC_PERSISTENT_VOLUME_CREATE = rbacPolicy(RBAC_PERSISTENT_VOLUME_CREATE_GUARD);
