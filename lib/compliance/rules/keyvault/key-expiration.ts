import { cisAks } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Keys expire. */
export const keyVaultKeyExpiration = defineRule(
  {
    id: 'keyvault-key-expiration',
    title: 'Key Vault keys have an expiration date',
    severity: RuleSeverity.ERROR,
    remediation: 'Give HardenedKeyVault.addKmsKey an expirationDate (or validFrom + validityDays), or set expiration_date.',
    remediationTargets: ['HardenedKeyVault.addKmsKey', 'KmsKeyOptions.expirationDate', 'KmsKeyOptions.validFrom', 'KmsKeyOptions.validityDays'],
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_key_vault_key'],
    constructDefault: 'HardenedKeyVault.addKmsKey: expiration_date required',
  },
  (r) => check(r.has('expiration_date'), 'expiration_date is not set'),
);
