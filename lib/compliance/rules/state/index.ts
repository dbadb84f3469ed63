import { IComplianceRule } from '../../types';
import { stateBackendNoCredentials } from './backend-credentials';
import { stateBackendRemote } from './backend-remote';
import { stateLocationUnique } from './state-location-unique';
import { stateRemoteReads } from './remote-reads';
import { stateAccountBlobLogs } from './blob-logs';
import { stateContainerPrivate } from './container-private';
import { stateAccountNoCrossTenantReplication } from './cross-tenant-replication';
import { stateAccountCustomerManagedKey } from './customer-managed-key';
import { stateAccountDataProtection } from './data-protection';
import { stateAccountDeleteLock } from './delete-lock';
import { stateAccountEntraIdOnly } from './entra-id-only';
import { stateAccountInfrastructureEncryption } from './infrastructure-encryption';
import { stateAccountNetworkRestricted } from './network-restricted';
import { stateAccountNoPublicBlobs } from './no-public-blobs';
import { stateAccountReplication } from './replication';
import { stateLeastPrivilegeRoles } from './role-assignments';
import { stateAccountSecureTransfer } from './secure-transfer';

/** Every Terraform state rule, in the order packs list them. */
export const STATE_RULES: IComplianceRule[] = [
  stateBackendNoCredentials,
  stateBackendRemote,
  stateRemoteReads,
  stateLocationUnique,
  stateAccountEntraIdOnly,
  stateAccountNetworkRestricted,
  stateAccountSecureTransfer,
  stateAccountNoPublicBlobs,
  stateAccountInfrastructureEncryption,
  stateAccountCustomerManagedKey,
  stateAccountDataProtection,
  stateAccountReplication,
  stateAccountNoCrossTenantReplication,
  stateAccountDeleteLock,
  stateAccountBlobLogs,
  stateContainerPrivate,
  stateLeastPrivilegeRoles,
];
