import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { managedRuleSets } from './managed-rule-sets';

/** The WAF policy blocks known bad bots. */
export const wafPolicyBotManager = defineRule(
  {
    id: 'appgw-waf-policy-bot-manager',
    title: 'Web Application Firewall policy includes the Microsoft_BotManagerRuleSet',
    severity: RuleSeverity.WARNING,
    remediation:
      'Keep TlsIngressGateway botManagerRuleSetVersion (BotManagerRuleSetVersion.V1_0 by default), or add managed_rule_set { type = "Microsoft_BotManagerRuleSet", version = "1.0" }.',
    remediationTargets: ['TlsIngressGatewayProps.botManagerRuleSetVersion', 'BotManagerRuleSetVersion.V1_0'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: managed_rule_set Microsoft_BotManagerRuleSet 1.0',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => check(managedRuleSets(r).some((s) => s.type === 'Microsoft_BotManagerRuleSet'), 'no Microsoft_BotManagerRuleSet'),
);
