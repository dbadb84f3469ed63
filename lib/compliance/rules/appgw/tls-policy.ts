import { compliant, defineRule, literalList, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const STRONG_PREDEFINED = new Set(['AppGwSslPolicy20220101S', 'AppGwSslPolicy20220101']);
const STRONG_MINIMUM = new Set(['TLSv1_2', 'TLSv1_3']);

/** Listeners negotiate TLS 1.2+ without CBC ciphers. */
export const appGatewayTlsPolicy = defineRule(
  {
    id: 'appgw-tls-policy',
    title: 'Application Gateway TLS policy is TLS 1.2+ without CBC cipher suites',
    severity: RuleSeverity.ERROR,
    remediation: 'Use TlsPolicy.PREDEFINED_2022_STRICT or TlsPolicy.custom(TLS1_2, GCM suites).',
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: ssl_policy Predefined AppGwSslPolicy20220101S',
  },
  (r) => {
    if (!r.has('ssl_policy')) {
      return nonCompliant('no ssl_policy: the gateway falls back to the platform default policy');
    }
    const type = valueOr(r, 'ssl_policy.policy_type', 'Predefined');
    if (type === 'Predefined') {
      const name = r.get('ssl_policy.policy_name');
      return STRONG_PREDEFINED.has(name) ? compliant(name) : nonCompliant(`predefined policy ${name}`);
    }
    const minimum = r.get('ssl_policy.min_protocol_version');
    const cbc = literalList(r, 'ssl_policy.cipher_suites').filter((c: string) => c.includes('CBC'));
    if (!STRONG_MINIMUM.has(minimum)) {
      return nonCompliant(`minimum TLS version ${minimum}`);
    }
    return cbc.length ? nonCompliant(`CBC cipher suites: ${cbc.join(', ')}`) : compliant();
  },
);
