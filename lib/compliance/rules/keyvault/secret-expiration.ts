import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Secrets expire. */
export const keyVaultSecretExpiration = defineRule(
  {
    id: 'keyvault-secret-expiration',
    title: 'Key Vault secrets have an expiration date',
    severity: RuleSeverity.ERROR,
    remediation: 'Give HardenedKeyVault.addSecret an expirationDate, or set expiration_date on the azurerm_key_vault_secret.',
    remediationTargets: ['HardenedKeyVault.addSecret', 'VaultSecretOptions.expirationDate'],
    cisControls: [],
    resourceTypes: ['azurerm_key_vault_secret'],
    constructDefault: 'HardenedKeyVault.addSecret: expiration_date required',
  },
  (r) => check(r.has('expiration_date'), 'expiration_date is not set'),
);
