import { cisAks } from '../../../cis/refs';
import { compliant, defineRule, literalList, nonCompliant, unknown } from '../../define-rule';
import { RuleSeverity } from '../../types';

const ACCEPTED_PREDEFINED = ['AppGwSslPolicy20220101S'];
const ACCEPTED_MIN_VERSIONS = ['TLSv1_2', 'TLSv1_3'];

/** Why an ssl_policy block is not acceptable, or undefined when it is. */
function problemOf(policy: any, where: string): string | undefined {
  const type = policy.policy_type;
  if (type === 'Predefined') {
    return ACCEPTED_PREDEFINED.includes(policy.policy_name) ? undefined : `${where}: predefined policy ${policy.policy_name} (accepted: ${ACCEPTED_PREDEFINED.join(', ')})`;
  }
  if (type === 'Custom' || type === 'CustomV2') {
    if (!ACCEPTED_MIN_VERSIONS.includes(policy.min_protocol_version)) {
      return `${where}: min_protocol_version=${policy.min_protocol_version ?? 'unset'}`;
    }
    const cbc = (policy.cipher_suites ?? []).filter((s: string) => s.includes('_CBC_'));
    return cbc.length ? `${where}: CBC cipher suites ${cbc.join(', ')}` : undefined;
  }
  return `${where}: policy_type=${type ?? 'unset'} (use Predefined ${ACCEPTED_PREDEFINED[0]} or CustomV2 with TLS 1.2+ and no CBC)`;
}

/** Listeners negotiate TLS 1.2 or newer with AEAD cipher suites only. */
export const gatewayTlsPolicy = defineRule(
  {
    id: 'appgw-tls-policy',
    title: 'Application Gateway TLS policy: AppGwSslPolicy20220101S, or custom TLS 1.2+ without CBC cipher suites',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep TlsIngressGateway tlsPolicy at GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S (or GatewayTlsPolicy.custom with TLS 1.2+ and GCM suites), or set ssl_policy accordingly.',
    remediationTargets: ['TlsIngressGatewayProps.tlsPolicy', 'GatewayTlsPolicy.APPGW_SSL_POLICY_20220101_S', 'GatewayTlsPolicy.custom'],
    // CIS AKS 5.4.5: traffic to the load balancer is TLS with strong protocol versions and cipher suites only.
    cisControls: [cisAks('5.4.5')],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: ssl_policy Predefined AppGwSslPolicy20220101S',
  },
  (r) => {
    if (!r.has('ssl_policy')) {
      return nonCompliant('no ssl_policy: the Azure default policy applies');
    }
    const policies = [{ policy: literalList(r, 'ssl_policy')[0], where: 'ssl_policy' }];
    for (const profile of literalList(r, 'ssl_profile')) {
      const profilePolicy = Array.isArray(profile.ssl_policy) ? profile.ssl_policy[0] : profile.ssl_policy;
      if (profilePolicy) {
        policies.push({ policy: profilePolicy, where: `ssl_profile ${profile.name}` });
      }
    }
    if (JSON.stringify(policies).includes('${')) {
      return unknown('an ssl_policy value is a Terraform expression');
    }
    const problems = policies.map((p) => problemOf(p.policy, p.where)).filter((p): p is string => p !== undefined);
    return problems.length ? nonCompliant(problems.join('; ')) : compliant();
  },
);
