import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** A WAF policy is attached to the gateway. */
export const gatewayFirewallPolicy = defineRule(
  {
    id: 'appgw-firewall-policy-attached',
    title: 'Application Gateway has a Web Application Firewall policy attached',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use TlsIngressGateway, or set firewall_policy_id (with force_firewall_policy_association = true) to an azurerm_web_application_firewall_policy.',
    remediationTargets: ['TlsIngressGateway'],
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: firewall_policy_id of its WAF policy, force_firewall_policy_association = true',
  },
  // The id is normally a reference to the policy resource: its presence is what matters.
  (r) => check(r.has('firewall_policy_id') && (r.isUnresolved('firewall_policy_id') || r.get('firewall_policy_id') !== ''), 'firewall_policy_id is not set'),
);
