import { check, defineRule, literalList, notApplicable, valueOr } from '../../define-rule';
import { IResolvedResource, RuleSeverity } from '../../types';

const INTERNET = new Set(['*', 'Internet', '0.0.0.0/0', 'Any', 'any']);
const WEB_PORTS = new Set(['80', '443']);

function sources(rule: IResolvedResource): string[] {
  return [rule.get('source_address_prefix'), ...literalList(rule, 'source_address_prefixes')].filter((s): s is string => typeof s === 'string');
}

/** Inbound allow rules from the internet only reach web ports (the Application Gateway's 80/443). */
export const nsgNoInternetInbound = defineRule(
  {
    id: 'nsg-no-internet-inbound',
    title: 'NSG rules allow inbound internet traffic only to ports 80/443',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove the rule, or narrow its source to your ranges; only the Application Gateway subnet takes internet traffic, on 80/443, from AksNetwork applicationGatewayAllowedSources.',
    remediationTargets: ['AksNetworkProps.applicationGatewayAllowedSources'],
    cisControls: [],
    resourceTypes: ['azurerm_network_security_rule'],
    constructDefault: 'AksNetwork: no internet inbound rules on node and private endpoint subnets',
  },
  (r) => {
    if (valueOr(r, 'direction', 'Inbound') !== 'Inbound' || valueOr(r, 'access', 'Allow') !== 'Allow') {
      return notApplicable();
    }
    const fromInternet = sources(r).some((s) => INTERNET.has(s));
    if (!fromInternet) {
      return notApplicable('source is not the internet');
    }
    const ports = [r.get('destination_port_range'), ...literalList(r, 'destination_port_ranges')].filter((p): p is string => typeof p === 'string');
    const others = ports.filter((p) => !WEB_PORTS.has(p));
    return check(ports.length > 0 && others.length === 0, `internet inbound to ports ${others.join(', ') || '(any)'}`);
  },
);
