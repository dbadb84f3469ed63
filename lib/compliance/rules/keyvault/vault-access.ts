import { cisAks } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The vault holding the platform's secrets and keys is private and authorizes with Entra ID RBAC. */
export const keyVaultPrivateRbac = defineRule(
  {
    id: 'keyvault-private-rbac',
    title: 'Key Vault uses RBAC authorization and is reachable only privately (ACL default deny)',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedKeyVault (rbac_authorization_enabled, public_network_access_enabled = false, network_acls default Deny).',
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: RBAC authorization, public access off, network ACL default Deny, private endpoint',
  },
  (r) => {
    const problems: string[] = [];
    if (valueOr(r, 'rbac_authorization_enabled', false) !== true && valueOr(r, 'enable_rbac_authorization', false) !== true) {
      problems.push('access policies instead of RBAC');
    }
    if (valueOr(r, 'public_network_access_enabled', true) !== false) {
      problems.push('public network access enabled');
    }
    if (valueOr(r, 'network_acls.default_action', 'Allow') !== 'Deny') {
      problems.push('network ACL default action is not Deny');
    }
    return problems.length ? nonCompliant(problems.join('; ')) : compliant();
  },
);

/** Deleted keys and secrets can be recovered and nobody can purge them early. */
export const keyVaultRecoverable = defineRule(
  {
    id: 'keyvault-purge-protection',
    title: 'Key Vault has purge protection and an explicit soft-delete retention',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep purge protection on and set softDeleteRetentionDays (7-90).',
    cisControls: [],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: purge_protection_enabled = true, soft_delete_retention_days = 90',
  },
  (r) => {
    if (valueOr(r, 'purge_protection_enabled', false) !== true) {
      return nonCompliant('purge protection off: a deleted KMS key makes etcd unreadable for good');
    }
    return r.has('soft_delete_retention_days') ? compliant() : nonCompliant('soft_delete_retention_days not set explicitly');
  },
);
