import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The gateway is the WAF_v2 SKU with a WAF policy attached. */
export const appGatewayWafV2 = defineRule(
  {
    id: 'appgw-waf-v2',
    title: 'Application Gateway is WAF_v2 with a WAF policy attached',
    severity: RuleSeverity.ERROR,
    remediation: 'Use TlsIngressGateway (WAF_v2 SKU, firewall_policy_id).',
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: sku WAF_v2, firewall_policy_id of a Prevention WAF policy',
  },
  (r) => {
    const tier = valueOr(r, 'sku.tier', 'none');
    const policy = r.has('firewall_policy_id') || valueOr(r, 'waf_configuration.enabled', false) === true;
    return check(tier === 'WAF_v2' && policy, `sku tier ${tier}${policy ? '' : ', no WAF policy'}`);
  },
);
