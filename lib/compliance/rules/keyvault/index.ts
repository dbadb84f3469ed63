import { IComplianceRule } from '../../types';
import { keyVaultKeyExpiration } from './key-expiration';
import { keyVaultKeyHsm } from './key-hsm';
import { keyVaultKeyRotationPolicy } from './key-rotation-policy';
import { keyVaultSecretContentType } from './secret-content-type';
import { keyVaultSecretExpiration } from './secret-expiration';
import { keyVaultNetworkAclDeny } from './vault-network-acl';
import { keyVaultPremiumForKeys } from './vault-premium-for-kms';
import { keyVaultPublicNetworkAccess } from './vault-public-network-access';
import { keyVaultPurgeProtection } from './vault-purge-protection';
import { keyVaultRbacAuthorization } from './vault-rbac-authorization';
import { keyVaultSoftDeleteRetention } from './vault-soft-delete-retention';

/** Every keyvault rule, in the order packs list them. */
export const KEYVAULT_RULES: IComplianceRule[] = [
  keyVaultRbacAuthorization,
  keyVaultPurgeProtection,
  keyVaultSoftDeleteRetention,
  keyVaultPublicNetworkAccess,
  keyVaultNetworkAclDeny,
  keyVaultPremiumForKeys,
  keyVaultKeyHsm,
  keyVaultKeyExpiration,
  keyVaultKeyRotationPolicy,
  keyVaultSecretContentType,
  keyVaultSecretExpiration,
];
