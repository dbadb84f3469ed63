import { IComplianceRule } from '../../types';
import { keyVaultKeyLifecycle } from './key-lifecycle';
import { keyVaultPrivateRbac, keyVaultRecoverable } from './vault-access';

/** Every Key Vault rule, in the order packs list them. */
export const KEYVAULT_RULES: IComplianceRule[] = [keyVaultPrivateRbac, keyVaultRecoverable, keyVaultKeyLifecycle];
