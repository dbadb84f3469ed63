import { check, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The soft-delete retention is a deliberate choice, written in the configuration. */
export const keyVaultSoftDeleteRetention = defineRule(
  {
    id: 'keyvault-soft-delete-retention-explicit',
    title: 'Key Vault soft-delete retention is set explicitly (7-90 days)',
    severity: RuleSeverity.WARNING,
    remediation: 'Set HardenedKeyVault softDeleteRetentionDays (default 90), or soft_delete_retention_days on the azurerm_key_vault.',
    remediationTargets: ['HardenedKeyVaultProps.softDeleteRetentionDays'],
    cisControls: [],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: soft_delete_retention_days = 90',
  },
  (r) => {
    const days = r.get('soft_delete_retention_days');
    if (days === undefined || days === null) {
      return nonCompliant('soft_delete_retention_days is not set (the provider default applies silently)');
    }
    return check(Number.isInteger(days) && days >= 7 && days <= 90, `soft_delete_retention_days=${days} is outside 7-90`);
  },
);
