import { RBAC_PERSISTENT_VOLUME_CREATE_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-persistent-volume-create';
import { AKS_RBAC_CLUSTER_ADMIN, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.8 / RKE2 CIS 1.8 5.1.9, proven by the enforcing constraint of RBAC_PERSISTENT_VOLUME_CREATE. */
export const k8sRbacPersistentVolumeCreate = rbacGuardRule({
  id: 'k8s-rbac-persistent-volume-create',
  title: 'Only provisioners create persistent volumes: the RBAC persistent-volume policy enforces (deny) and no role of the app creates them',
  guard: RBAC_PERSISTENT_VOLUME_CREATE_GUARD,
  azureRoles: [AKS_RBAC_CLUSTER_ADMIN],
});
