import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { managedRuleSets, versionAtLeast } from './managed-rule-sets';

/** The WAF policy runs the OWASP core rule set 3.2 or newer (or Microsoft's Default Rule Set 2.1+, its successor). */
export const wafPolicyCoreRuleSet = defineRule(
  {
    id: 'appgw-waf-policy-owasp-rule-set',
    title: 'Web Application Firewall policy uses OWASP CRS 3.2 or newer (or Microsoft_DefaultRuleSet 2.1+)',
    severity: RuleSeverity.ERROR,
    remediation: 'Use TlsIngressGateway (OWASP 3.2), or add managed_rule_set { type = "OWASP", version = "3.2" }.',
    remediationTargets: ['TlsIngressGateway'],
    cisControls: [],
    resourceTypes: ['azurerm_web_application_firewall_policy'],
    constructDefault: 'TlsIngressGateway: managed_rule_set OWASP 3.2',
    // The gateway is what the policy protects: one whose policy is outside the app (or gone) has no evidence.
    evidence: { protects: ['azurerm_application_gateway'] },
  },
  (r) => {
    const sets = managedRuleSets(r);
    const ok = sets.some(
      (s) => (s.type === 'OWASP' && versionAtLeast(s.version, '3.2')) || (s.type === 'Microsoft_DefaultRuleSet' && versionAtLeast(s.version, '2.1')),
    );
    return check(ok, `managed rule sets: ${sets.map((s) => `${s.type} ${s.version}`).join(', ') || 'none'}`);
  },
);
