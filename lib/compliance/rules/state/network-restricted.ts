import { WIDEST_RUNNER_PREFIX } from '../../../azure/state/runner-prefix';
import { parseCidr } from '../../../azure/network/cidr';
import { compliant, literalList, nonCompliant, references, valueOr } from '../../define-rule';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** True when a private endpoint of the stack connects to the account's blob service. */
function hasBlobEndpoint(account: IResolvedResource, context: IRuleContext): boolean {
  return context.resourcesOfType('azurerm_private_endpoint').some((endpoint) => {
    const connections = [endpoint.config.private_service_connection].flat().filter((c) => c);
    return connections.some((c: any) => references(c.private_connection_resource_id, account) && [c.subresource_names].flat().includes('blob'));
  });
}

/** Allowlist entries wider than a runner's egress (or not an address at all). */
function tooWide(rules: string[]): string[] {
  return rules.filter((rule) => {
    const block = parseCidr(rule.includes('/') ? rule : `${rule}/32`);
    return !block || block.prefix < WIDEST_RUNNER_PREFIX;
  });
}

/** Only private endpoints, or the runners' named egress addresses, reach the state. */
export const stateAccountNetworkRestricted = defineStateAccountRule(
  {
    id: 'state-account-network-restricted',
    title: `State account is reachable through a private endpoint, or only from named runner addresses (/${WIDEST_RUNNER_PREFIX} or narrower)`,
    severity: RuleSeverity.ERROR,
    remediation:
      'Give HardenedStateBackend privateEndpointSubnetId and privateDnsZoneId (public access off), or runnerEgressIpRanges (public endpoint with default action Deny for every other address).',
    remediationTargets: ['HardenedStateBackendProps.privateEndpointSubnetId', 'HardenedStateBackendProps.privateDnsZoneId', 'HardenedStateBackendProps.runnerEgressIpRanges'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: public_network_access_enabled = false with a blob private endpoint, or network_rules default Deny with the runner allowlist',
  },
  (account, context) => {
    const publicAccess = valueOr(account, 'public_network_access_enabled', true);
    if (publicAccess === false) {
      return hasBlobEndpoint(account, context)
        ? compliant('public network access off; blob private endpoint')
        : nonCompliant('public network access off but no private endpoint for the blob service in this stack: no runner reaches the state');
    }
    const action = valueOr(account, 'network_rules.default_action', 'Allow');
    if (action !== 'Deny') {
      return nonCompliant(`public network access on and network_rules.default_action=${action}: any address on the Internet reaches the state endpoint`);
    }
    const wide = tooWide(literalList(account, 'network_rules.ip_rules'));
    return wide.length ? nonCompliant(`network_rules.ip_rules too wide for runner egress: ${wide.join(', ')}`) : compliant('public endpoint limited to the runner allowlist');
  },
);
