// Internal: an entry of a Key Vault network ACL's ip_rules, as azurerm and Key Vault accept it.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { isPrivate, parseCidr } from '../network/cidr';

/** The shortest prefix accepted: anything wider reads as "most of the Internet", not a list of clients. */
const WIDEST_PREFIX = 8;

/**
 * Throws unless the rule is a public IPv4 address or CIDR (azurerm: IPv4Address or CIDR; Key Vault refuses
 * private ranges in IP rules, those reach it through the private endpoint) narrower than a /8: a /0 opens
 * the vault to the whole Internet.
 */
export function validateVaultIpRule(construct: string, prop: string, rule: string): void {
  if (Token.isUnresolved(rule)) {
    return;
  }
  const block = typeof rule === 'string' ? parseCidr(rule.includes('/') ? rule : `${rule}/32`) : undefined;
  if (!block) {
    throw invalidProp(construct, prop, rule, 'a public IPv4 address or CIDR with the host bits zero, e.g. "203.0.113.0/24"', 'fix the address');
  }
  if (block.prefix < WIDEST_PREFIX) {
    throw invalidProp(
      construct,
      prop,
      rule,
      `a range no wider than /${WIDEST_PREFIX} (a /${block.prefix} lets ${block.prefix === 0 ? 'the whole Internet' : 'a large part of the Internet'} through the firewall, CIS AKS 1.8 4.5.2)`,
      'list the egress IPs of the clients that need the vault, or reach it through its private endpoint',
    );
  }
  if (isPrivate(block)) {
    throw invalidProp(construct, prop, rule, 'a public address: Key Vault IP rules take no private (RFC 1918) ranges', 'remove it: private clients reach the vault through its private endpoint');
  }
}
