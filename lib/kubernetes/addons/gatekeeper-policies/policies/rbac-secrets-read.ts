import { GatekeeperPolicy } from '../gatekeeper-policy';
import { rbacPolicy, RbacGuard } from './rbac-policy';

/** CIS AKS 1.8 4.1.2 / RKE2 CIS 1.8 5.1.2: only the platform reads secrets; workloads get theirs from Key Vault as files. */
export const RBAC_SECRETS_READ_GUARD: RbacGuard = {
  policy: GatekeeperPolicy.RBAC_SECRETS_READ,
  kind: 'K8sHardenedRbacSecretsRead',
  description: 'Roles outside the platform namespaces may not read secrets (get, list, watch) (CIS AKS 1.8 4.1.2).',
  what: 'get, list or watch on secrets',
  rules: { grants: [{ apiGroup: '', resources: ['secrets'], verbs: ['get', 'list', 'watch'] }] },
  builtInRoles: [
    'admin',
    'cluster-admin',
    'edit',
    'system:aggregate-to-edit',
    'system:controller:generic-garbage-collector',
    'system:controller:namespace-controller',
    'system:controller:resourcequota-controller',
    'system:kube-controller-manager',
    'system:node',
  ],
};

export const RBAC_SECRETS_READ = rbacPolicy(RBAC_SECRETS_READ_GUARD);
