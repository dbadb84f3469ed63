import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The WAF inspects request bodies. */
export const wafPolicyRequestBodyCheck = defineRule(
  {
    id: 'appgw-waf-policy-request-body-check',
    title: 'Web Application Firewall policy inspects request bodies',
    severity: RuleSeverity.ERROR,
    remediation: 'Use TlsIngressGateway, or set policy_settings.request_body_check = true.',
    remediationTargets: ['TlsIngressGateway'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: policy_settings.request_body_check = true',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const body = valueOr(r, 'policy_settings.request_body_check', true);
    return check(body === true, `policy_settings.request_body_check=${body}`);
  },
);
