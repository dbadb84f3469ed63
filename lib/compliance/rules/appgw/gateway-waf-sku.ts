import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The gateway runs the WAF_v2 tier. */
export const gatewayWafSku = defineRule(
  {
    id: 'appgw-waf-v2-sku',
    title: 'Application Gateway uses the WAF_v2 tier',
    severity: RuleSeverity.ERROR,
    remediation: 'Use TlsIngressGateway, or set sku { name = "WAF_v2", tier = "WAF_v2" }.',
    remediationTargets: ['TlsIngressGateway'],
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: sku.tier = "WAF_v2"',
  },
  (r) => {
    const tier = r.get('sku.tier');
    return check(tier === 'WAF_v2', `sku.tier=${tier}`);
  },
);
