import { RBAC_SECRETS_READ_GUARD } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-secrets-read';
import { AKS_RBAC_ADMIN, AKS_RBAC_CLUSTER_ADMIN, AKS_RBAC_WRITER, rbacGuardRule } from './rbac-guard-rule';

/** CIS AKS 1.8 4.1.2 / RKE2 CIS 1.8 5.1.2, proven by the enforcing constraint of RBAC_SECRETS_READ. */
export const k8sRbacSecretsRead = rbacGuardRule({
  id: 'k8s-rbac-secrets-read',
  title: 'Secrets are read only by the platform: the RBAC secrets policy enforces (deny) and no role, binding or AKS role assignment of the app reads secrets',
  guard: RBAC_SECRETS_READ_GUARD,
  azureRoles: [AKS_RBAC_ADMIN, AKS_RBAC_CLUSTER_ADMIN, AKS_RBAC_WRITER],
});
