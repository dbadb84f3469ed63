import { compliant, defineRule, literalList, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Every plain-HTTP listener only redirects to HTTPS. */
export const appGatewayHttpsOnly = defineRule(
  {
    id: 'appgw-https-only',
    title: 'Application Gateway serves HTTPS only; HTTP listeners only redirect',
    severity: RuleSeverity.ERROR,
    remediation: 'Route each Http listener to a redirect configuration targeting an Https listener (TlsIngressGateway does).',
    cisControls: [],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: port 80 listener with a permanent redirect to the 443 listener',
  },
  (r) => {
    const listeners = literalList(r, 'http_listener');
    const rules = literalList(r, 'request_routing_rule');
    const redirects = literalList(r, 'redirect_configuration');
    const httpsListeners = new Set(listeners.filter((l) => l.protocol === 'Https').map((l) => l.name));
    const plain = listeners.filter((l) => l.protocol === 'Http').map((l) => l.name);
    const serving = plain.filter((listener) =>
      rules
        .filter((rule) => rule.http_listener_name === listener)
        .some((rule) => {
          const redirect = redirects.find((c) => c.name === rule.redirect_configuration_name);
          return !redirect || !httpsListeners.has(redirect.target_listener_name);
        }),
    );
    if (httpsListeners.size === 0) {
      return nonCompliant('no Https listener');
    }
    return serving.length ? nonCompliant(`HTTP listeners serving content: ${serving.join(', ')}`) : compliant();
  },
);
