import { cisAks } from '../../../cis/refs';
import { parseCidr } from '../../../azure/network/cidr';
import { check, defineRule, literalList, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** An ip_rules entry wider than a /8: the Internet, not a list of clients. */
function internetWide(rule: unknown): boolean {
  const block = parseCidr(String(rule).includes('/') ? String(rule) : `${rule}/32`);
  return block !== undefined && block.prefix < 8;
}

/** Traffic the network ACL does not name is denied, and no IP rule names the whole Internet. */
export const keyVaultNetworkAclDeny = defineRule(
  {
    id: 'keyvault-network-acl-deny',
    title: 'Key Vault network ACL denies by default and allows no Internet-wide range (e.g. 0.0.0.0/0)',
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
    const wide = literalList(r, 'network_acls.ip_rules').filter(internetWide);
    const problems = [...(action === 'Deny' ? [] : [`network_acls.default_action=${action}`]), ...(wide.length ? [`network_acls.ip_rules allow ${wide.join(', ')}`] : [])];
    return check(problems.length === 0, problems.join('; '));
  },
);
