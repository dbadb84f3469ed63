import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Deleted vaults and objects cannot be purged before their retention ends. */
export const keyVaultPurgeProtection = defineRule(
  {
    id: 'keyvault-purge-protection',
    title: 'Key Vault has purge protection enabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedKeyVault (always on), or set purge_protection_enabled = true (it cannot be turned off again).',
    remediationTargets: ['HardenedKeyVault'],
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: purge_protection_enabled = true',
  },
  (r) => {
    const purge = valueOr(r, 'purge_protection_enabled', false);
    return check(purge === true, `purge_protection_enabled=${purge}`);
  },
);
