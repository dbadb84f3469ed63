import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The WAF policy blocks what it detects. */
export const wafPolicyPrevention = defineRule(
  {
    id: 'appgw-waf-policy-prevention',
    title: 'Web Application Firewall policy runs in Prevention mode',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep TlsIngressGateway wafMode at WafMode.PREVENTION (policy_settings.mode = "Prevention"), or waive this rule with the reason and the date Detection mode ends.',
    remediationTargets: ['TlsIngressGatewayProps.wafMode', 'WafMode.PREVENTION'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: policy_settings.mode = "Prevention"',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const mode = valueOr(r, 'policy_settings.mode', 'Prevention');
    return check(mode === 'Prevention', `policy_settings.mode=${mode}: matching requests are only logged`);
  },
);
