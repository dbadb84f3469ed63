// Internal: every RBAC guard of the library, in the order of the CIS controls they enforce.
import { RBAC_ADMISSION_CONFIGURATION_GUARD } from './rbac-admission-configuration';
import { RBAC_CLUSTER_ADMIN_GUARD } from './rbac-cluster-admin';
import { RBAC_CSR_APPROVAL_GUARD } from './rbac-csr-approval';
import { RBAC_ESCALATION_GUARD } from './rbac-escalation';
import { RBAC_NODE_PROXY_GUARD } from './rbac-node-proxy';
import { RBAC_PERSISTENT_VOLUME_CREATE_GUARD } from './rbac-persistent-volume-create';
import { RBAC_POD_CREATE_GUARD } from './rbac-pod-create';
import { RbacGuard } from './rbac-policy';
import { RBAC_SECRETS_READ_GUARD } from './rbac-secrets-read';
import { RBAC_SERVICE_ACCOUNT_TOKEN_GUARD } from './rbac-service-account-token';
import { RBAC_WILDCARDS_GUARD } from './rbac-wildcards';

export const RBAC_GUARDS: RbacGuard[] = [
  RBAC_CLUSTER_ADMIN_GUARD,
  RBAC_SECRETS_READ_GUARD,
  RBAC_WILDCARDS_GUARD,
  RBAC_POD_CREATE_GUARD,
  RBAC_ESCALATION_GUARD,
  RBAC_PERSISTENT_VOLUME_CREATE_GUARD,
  RBAC_NODE_PROXY_GUARD,
  RBAC_CSR_APPROVAL_GUARD,
  RBAC_ADMISSION_CONFIGURATION_GUARD,
  RBAC_SERVICE_ACCOUNT_TOKEN_GUARD,
];
