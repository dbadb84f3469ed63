import { check, defineRule, literalList } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';

/**
 * What lets requests past the managed rules: an enabled custom rule with action Allow (Azure WAF stops
 * processing at it, so the managed rule sets never see what it matches), and a managed-rule exclusion with
 * selector_match_operator EqualsAny (every header, cookie or argument of its kind goes uninspected).
 */
function bypasses(policy: { custom: any[]; exclusions: any[] }): string[] {
  const found: string[] = [];
  policy.custom.forEach((rule, i) => {
    for (const field of ['action', 'enabled']) {
      if (isTerraformExpression(rule?.[field])) {
        throw new UnresolvedValueError(`custom_rules.${i}.${field}`, rule[field]);
      }
    }
    if (rule?.action === 'Allow' && rule?.enabled !== false) {
      found.push(`custom rule ${rule?.name ?? i} allows the requests it matches past every managed rule`);
    }
  });
  policy.exclusions.forEach((exclusion, i) => {
    const operator = exclusion?.selector_match_operator;
    if (isTerraformExpression(operator)) {
      throw new UnresolvedValueError(`managed_rules.exclusion.${i}.selector_match_operator`, operator);
    }
    if (operator === 'EqualsAny') {
      found.push(`exclusion ${i} leaves every ${exclusion?.match_variable ?? 'value'} uninspected (selector_match_operator EqualsAny)`);
    }
  });
  return found;
}

/** Nothing in the WAF policy lets requests past its managed rules wholesale. */
export const wafPolicyNoBypass = defineRule(
  {
    id: 'appgw-waf-policy-no-bypass',
    title: 'Web Application Firewall policy lets no request past its managed rules (no Allow custom rule, no EqualsAny exclusion)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove custom_rules with action = "Allow" (block or log what they match instead) and managed_rules exclusions with selector_match_operator = "EqualsAny" (name the header, cookie or argument to exclude), or waive the finding with the reason.',
    remediationTargets: [],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: only the rate-limit custom rules, no exclusions',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const found = bypasses({ custom: literalList(r, 'custom_rules'), exclusions: literalList(r, 'managed_rules.exclusion') });
    return check(found.length === 0, found.join('; '));
  },
);
