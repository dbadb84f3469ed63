import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The WAF policy inspects traffic. */
export const wafPolicyEnabled = defineRule(
  {
    id: 'appgw-waf-policy-enabled',
    title: 'Web Application Firewall policy is enabled',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use TlsIngressGateway (always enabled), or set policy_settings.enabled = true on the azurerm_web_application_firewall_policy.',
    remediationTargets: ['TlsIngressGateway'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: policy_settings.enabled = true',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const enabled = valueOr(r, 'policy_settings.enabled', true);
    return check(enabled === true, `policy_settings.enabled=${enabled}`);
  },
);
