import { compliant, defineRule, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The WAF blocks attacks: enabled, Prevention mode, request bodies inspected. */
export const wafPolicyPrevention = defineRule(
  {
    id: 'waf-policy-prevention',
    title: 'WAF policy is enabled in Prevention mode and inspects request bodies',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep wafMode PREVENTION; use DETECTION only while tuning, with a waiver.',
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: policy_settings enabled, mode Prevention, request_body_check',
  },
  (r) => {
    const problems = [
      valueOr(r, 'policy_settings.enabled', true) === true ? undefined : 'disabled',
      valueOr(r, 'policy_settings.mode', 'Prevention') === 'Prevention' ? undefined : 'Detection mode',
      valueOr(r, 'policy_settings.request_body_check', true) === true ? undefined : 'request body check off',
    ].filter((p): p is string => !!p);
    return problems.length ? nonCompliant(problems.join('; ')) : compliant();
  },
);
