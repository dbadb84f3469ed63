import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.9 / RKE2 CIS 1.8 5.1.10: the kubelet API behind nodes/proxy runs commands in any pod of the node. */
export const RBAC_NODE_PROXY_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_NODE_PROXY,
  kind: 'K8sHardenedRbacNodeProxy',
  description: 'Roles may not grant access to nodes/proxy (CIS AKS 1.8 4.1.9).',
  what: 'access to the nodes/proxy subresource',
  rules: {
    grants: [
      // A proxy subresource takes the verbs of its HTTP methods.
      { apiGroup: '', resources: ['nodes/proxy'], verbs: ['create', 'delete', 'get', 'patch', 'update'] },
      { apiGroup: '', resources: ['nodes'], verbs: ['proxy'] },
    ],
  },
  builtInRoles: ['cluster-admin', 'system:controller:generic-garbage-collector', 'system:controller:namespace-controller', 'system:kubelet-api-admin'],
};

export const RBAC_NODE_PROXY = rbacPolicy(RBAC_NODE_PROXY_GUARD);
