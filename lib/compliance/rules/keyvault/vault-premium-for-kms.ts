import { cisAks } from '../../../cis/refs';
import { check, defineRule, notApplicable, references, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** A vault holding keys is premium, so that the keys can live in an HSM. */
export const keyVaultPremiumForKeys = defineRule(
  {
    id: 'keyvault-premium-for-keys',
    title: 'Key Vault holding keys uses the premium SKU (HSM-protected keys)',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep HardenedKeyVault skuName at KeyVaultSku.PREMIUM, or set sku_name = "premium".',
    remediationTargets: ['HardenedKeyVaultProps.skuName', 'KeyVaultSku.PREMIUM'],
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: sku_name = "premium"',
  },
  (vault, context) => {
    const keys = context.resourcesOfType('azurerm_key_vault_key').filter((k) => references(k.config.key_vault_id, vault));
    if (keys.length === 0) {
      return notApplicable('the vault holds no key of this stack');
    }
    const sku = valueOr(vault, 'sku_name', 'standard');
    return check(sku === 'premium', `sku_name=${sku} while the vault holds ${keys.length} key(s)`);
  },
);
