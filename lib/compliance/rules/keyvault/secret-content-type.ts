import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Secrets say what they hold. */
export const keyVaultSecretContentType = defineRule(
  {
    id: 'keyvault-secret-content-type',
    title: 'Key Vault secrets have a content type',
    severity: RuleSeverity.WARNING,
    remediation: 'Give HardenedKeyVault.addSecret a contentType, or set content_type on the azurerm_key_vault_secret.',
    remediationTargets: ['HardenedKeyVault.addSecret', 'VaultSecretOptions.contentType'],
    cisControls: [],
    resourceTypes: ['azurerm_key_vault_secret'],
    constructDefault: 'HardenedKeyVault.addSecret: content_type required',
  },
  (r) => check(r.has('content_type') && r.get('content_type') !== '', 'content_type is not set'),
);
