import { isPrivateIpv4 } from '../../../azure/appgw/private-ipv4';
import { check, defineRule, literalList, notApplicable, unknown } from '../../define-rule';
import { isTerraformExpression } from '../../resolved-resource';
import { RuleSeverity } from '../../types';

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
/** An IPv6 literal; only unique-local addresses (fc00::/7) are private. */
const IPV6 = /^[0-9a-f]*:[0-9a-f:.]*$/i;
/** A reference to a private address attribute (e.g. an internal load balancer's or a NIC's private IP). */
const PRIVATE_ATTRIBUTE = /^\$\{[^}]*\.private_ip_address(es)?(\[\d+\])?\}$/;

/**
 * Every backend of the Application Gateway is a private address: the gateway terminates TLS from the
 * clients and forwards on private addresses only. IP addresses must be RFC 1918; an FQDN is accepted
 * (it must resolve to a private address, which synth cannot see) unless it is a public IP address
 * written as a name.
 */
export const gatewayBackendPrivate = defineRule(
  {
    id: 'appgw-backend-private',
    title: 'Every backend address of the Application Gateway is private (RFC 1918)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Point TlsIngressGateway backendAddresses at private IPs or internal DNS names, and remove public addresses added to backend_address_pool by an override.',
    remediationTargets: ['TlsIngressGatewayProps.backendAddresses'],
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: backendAddresses must be RFC 1918 IPs or FQDNs (public IPs rejected)',
  },
  (r) => {
    const pools = literalList(r, 'backend_address_pool');
    if (pools.length === 0) {
      return notApplicable('no backend pool');
    }
    const addresses = pools.flatMap((pool) => [...list(pool.ip_addresses), ...list(pool.fqdns)].map((address) => ({ pool: pool.name, address })));
    const unresolved = addresses.filter((a) => isTerraformExpression(a.address) && !PRIVATE_ATTRIBUTE.test(a.address));
    if (unresolved.length > 0) {
      return unknown(`backend address ${unresolved[0].address} of pool ${unresolved[0].pool} is not known at synth time`);
    }
    const isPublic = (address: string) =>
      !isTerraformExpression(address) && ((IPV4.test(address) && !isPrivateIpv4(address)) || (IPV6.test(address) && !/^f[cd]/i.test(address)));
    const publics = addresses.filter((a) => isPublic(String(a.address)));
    return check(publics.length === 0, `public backend address(es): ${publics.map((a) => `${a.address} (pool ${a.pool})`).join(', ')}`);
  },
);

function list(value: unknown): any[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}
