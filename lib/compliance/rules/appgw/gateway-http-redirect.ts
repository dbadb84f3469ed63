import { cisAks } from '../../../cis/refs';
import { check, defineRule, literalList, notApplicable } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Plain-HTTP listeners only redirect to HTTPS. */
export const gatewayHttpRedirect = defineRule(
  {
    id: 'appgw-http-listener-redirect',
    title: 'Every HTTP listener of the Application Gateway only redirects to HTTPS',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use TlsIngressGateway (its HTTP listener is a permanent redirect), or route each Http listener through a redirect_configuration whose target is an Https listener.',
    remediationTargets: ['TlsIngressGateway'],
    // CIS AKS 5.4.5: plain HTTP to the load balancer only redirects to TLS.
    cisControls: [cisAks('5.4.5')],
    resourceTypes: ['azurerm_application_gateway'],
    constructDefault: 'TlsIngressGateway: HTTP listener -> redirect_configuration (Permanent) -> HTTPS listener',
  },
  (r) => {
    const listeners = literalList(r, 'http_listener');
    const httpNames = listeners.filter((l) => String(l.protocol).toLowerCase() === 'http').map((l) => l.name);
    if (httpNames.length === 0) {
      return notApplicable('no HTTP listener');
    }
    const httpsNames = new Set(listeners.filter((l) => String(l.protocol).toLowerCase() === 'https').map((l) => l.name));
    const redirects = new Map(literalList(r, 'redirect_configuration').map((c) => [c.name, c]));
    const rules = literalList(r, 'request_routing_rule');
    const toHttps = (name: string | undefined): boolean => {
      const redirect = name ? redirects.get(name) : undefined;
      if (!redirect) {
        return false;
      }
      return httpsNames.has(redirect.target_listener_name) || (typeof redirect.target_url === 'string' && redirect.target_url.startsWith('https://'));
    };
    const offenders = httpNames.filter((name) => {
      const routing = rules.filter((rule) => rule.http_listener_name === name);
      return routing.length === 0 || routing.some((rule) => rule.backend_address_pool_name || rule.url_path_map_name || !toHttps(rule.redirect_configuration_name));
    });
    return check(offenders.length === 0, `HTTP listener(s) not redirected to HTTPS: ${offenders.join(', ')}`);
  },
);
