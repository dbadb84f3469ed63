import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Traffic the network ACL does not name is denied. */
export const keyVaultNetworkAclDeny = defineRule(
  {
    id: 'keyvault-network-acl-deny',
    title: 'Key Vault network ACL denies by default',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedKeyVault (allowedIpRanges for exceptions), or add network_acls { default_action = "Deny", bypass = "AzureServices" } to the azurerm_key_vault.',
    remediationTargets: ['HardenedKeyVaultProps.allowedIpRanges'],
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: network_acls.default_action = "Deny", bypass = "AzureServices"',
  },
  (r) => {
    const action = valueOr(r, 'network_acls.default_action', 'Allow');
    return check(action === 'Deny', `network_acls.default_action=${action}`);
  },
);
