import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The vault is reachable only through private endpoints. */
export const keyVaultPublicNetworkAccess = defineRule(
  {
    id: 'keyvault-public-network-access-disabled',
    title: 'Key Vault public network access is disabled',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedKeyVault publicNetworkAccessEnabled at false and reach the vault through its private endpoint, or set public_network_access_enabled = false.',
    remediationTargets: ['HardenedKeyVaultProps.publicNetworkAccessEnabled'],
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: public_network_access_enabled = false, private endpoint',
  },
  (r) => {
    const enabled = valueOr(r, 'public_network_access_enabled', true);
    return check(enabled === false, `public_network_access_enabled=${enabled}`);
  },
);
