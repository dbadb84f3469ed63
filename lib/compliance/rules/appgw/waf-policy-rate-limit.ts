import { check, defineRule, literalList } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';

const ENFORCING = new Set(['Block', 'JSChallenge']);

/** Why a custom rule does not limit the rate of requests, or undefined when it does. */
function notLimiting(rule: any, i: number): string | undefined {
  for (const field of ['rule_type', 'action', 'enabled', 'rate_limit_threshold', 'rate_limit_duration']) {
    if (isTerraformExpression(rule?.[field])) {
      throw new UnresolvedValueError(`custom_rules.${i}.${field}`, rule[field]);
    }
  }
  if (rule?.rule_type !== 'RateLimitRule') {
    return `rule_type ${rule?.rule_type ?? 'unset'}`;
  }
  if (rule.enabled === false) {
    return 'disabled';
  }
  if (!ENFORCING.has(rule.action)) {
    return `action ${rule.action} does not stop requests`;
  }
  if (typeof rule.rate_limit_threshold !== 'number' || rule.rate_limit_threshold < 1 || !rule.rate_limit_duration) {
    return 'no rate_limit_threshold and rate_limit_duration';
  }
  return undefined;
}

/** The WAF policy limits the rate of requests (floods, credential stuffing, scraping). */
export const wafPolicyRateLimit = defineRule(
  {
    id: 'appgw-waf-policy-rate-limit',
    title: 'Web Application Firewall policy carries an enforcing rate-limit custom rule',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep TlsIngressGateway rateLimitRules at its default (TlsIngressGateway.DEFAULT_RATE_LIMIT) or list your own RateLimitRule with action RateLimitAction.BLOCK; ' +
      'elsewhere add a custom_rules block with rule_type = "RateLimitRule", action = "Block", rate_limit_threshold and rate_limit_duration.',
    remediationTargets: ['TlsIngressGatewayProps.rateLimitRules', 'TlsIngressGateway.DEFAULT_RATE_LIMIT', 'RateLimitRule', 'RateLimitAction.BLOCK'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: RateLimitRule perClientAddress, 1000 requests per client address per minute, Block',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const rules = literalList(r, 'custom_rules');
    const reasons = rules.map((rule, i) => notLimiting(rule, i));
    const limiting = reasons.filter((reason) => reason === undefined).length;
    const why = rules.length === 0 ? 'no custom_rules' : `no enforcing rate limit (${reasons.map((reason, i) => `${rules[i]?.name ?? i}: ${reason}`).join('; ')})`;
    return check(limiting > 0, why);
  },
);
