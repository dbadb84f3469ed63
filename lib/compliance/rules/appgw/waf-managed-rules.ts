import { compliant, defineRule, literalList, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** OWASP CRS 3.2+ (or Microsoft DRS 2.x) plus bot protection. */
export const wafPolicyManagedRules = defineRule(
  {
    id: 'waf-policy-managed-rules',
    title: 'WAF policy runs OWASP CRS 3.2+ (or DRS 2.x) and the bot manager rule set',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep the OWASP 3.2 and Microsoft_BotManagerRuleSet managed rule sets.',
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: OWASP 3.2 + Microsoft_BotManagerRuleSet 1.0',
  },
  (r) => {
    const sets = literalList(r, 'managed_rules.managed_rule_set').map((s: any) => ({ type: s.type ?? 'OWASP', version: String(s.version) }));
    const core = sets.some((s) => (s.type === 'OWASP' && Number(s.version) >= 3.2) || (s.type === 'Microsoft_DefaultRuleSet' && Number(s.version) >= 2));
    const bots = sets.some((s) => s.type === 'Microsoft_BotManagerRuleSet');
    if (!core) {
      return nonCompliant(`no OWASP 3.2+ or DRS 2.x rule set (${sets.map((s) => `${s.type} ${s.version}`).join(', ') || 'none'})`);
    }
    return bots ? compliant() : nonCompliant('no bot manager rule set');
  },
);
