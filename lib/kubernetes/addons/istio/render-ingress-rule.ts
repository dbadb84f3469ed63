// Internal: validates a MeshIngressRule and renders the AuthorizationPolicy and NetworkPolicy that admit its traffic.
import { invalidProp } from '../../../errors';
import { ISTIO_MTLS_RULE_ID } from '../../rule-ids';
import { MeshIngressPath, MeshIngressRule, MeshIngressSource } from './mesh-ingress';
import { meshRuleConstruct } from './mesh-namespaces';
import { MeshObject, namespaceSelector, tcpPorts, TrafficRendering } from './traffic-objects';
import { matchLabels, validPorts } from './traffic-validation';

function strings(construct: string, prop: string, values: string[] | undefined): string[] {
  if (values !== undefined && values !== null && (!Array.isArray(values) || values.some((v) => typeof v !== 'string' || v === ''))) {
    throw invalidProp(construct, prop, values, 'a list of non-empty strings', prop === 'paths' ? 'e.g. ["/api/*"]' : 'e.g. ["GET"]');
  }
  return [...(values ?? [])];
}

/** The objects of one ingress rule; `covered` are the namespaces in the mesh. */
export function renderIngressRule(rule: MeshIngressRule, covered: Set<string>, trustDomain: string): TrafficRendering {
  const construct = meshRuleConstruct('MeshIngressRule', rule, 'name, namespace, workloadLabels, ports, source', covered);
  const labels = matchLabels(construct, 'workloadLabels', rule.workloadLabels, true);
  const ports = validPorts(construct, 'ports', rule.ports, true);
  const source = rule.source;
  if (!(source instanceof MeshIngressSource)) {
    throw invalidProp(
      construct,
      'source',
      source,
      'MeshIngressSource.applicationGatewaySubnet(cidr) or MeshIngressSource.istioIngressGateway(namespace, serviceAccount)',
      'name where the route\'s traffic comes from',
    );
  }
  const paths = strings(construct, 'paths', rule.paths);
  const methods = strings(construct, 'methods', rule.methods);
  const name = `ingress-${rule.name}`;
  const metadata = { name, namespace: rule.namespace };
  const selector = { matchLabels: labels };
  const fromGateway = source.path === MeshIngressPath.APPLICATION_GATEWAY;
  const operation: any = { ports: ports.map(String), ...(methods.length ? { methods } : {}), ...(paths.length ? { paths } : {}) };
  const objects: MeshObject[] = [
    {
      id: `${rule.namespace}-${name}-authorization`,
      manifest: {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata,
        spec: {
          action: 'ALLOW',
          selector,
          rules: [
            {
              from: [
                fromGateway
                  ? { source: { ipBlocks: [source.cidr] } }
                  : { source: { principals: [`${trustDomain}/ns/${source.namespace}/sa/${source.serviceAccount}`] } },
              ],
              to: [{ operation }],
            },
          ],
        },
      },
    },
  ];
  if (fromGateway) {
    // The Application Gateway cannot present an Istio certificate: these ports take plain connections,
    // which the AuthorizationPolicy and NetworkPolicy limit to the gateway subnet.
    objects.push({
      id: `${rule.namespace}-${name}-peer-authentication`,
      manifest: {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata,
        spec: { selector, mtls: { mode: 'STRICT' }, portLevelMtls: Object.fromEntries(ports.map((p) => [String(p), { mode: 'PERMISSIVE' }])) },
      },
      waiver: {
        ruleId: ISTIO_MTLS_RULE_ID,
        reason: `Application Gateway ingress: ports ${ports.join(', ')} of ${rule.namespace}/${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')} accept plain connections from ${source.cidr} only (AuthorizationPolicy ipBlocks and NetworkPolicy); AGIC cannot speak Istio mutual TLS`,
      },
    });
  }
  const from = fromGateway
    ? [{ ipBlock: { cidr: source.cidr } }]
    : [{ namespaceSelector: namespaceSelector(source.namespace!), ...(source.podLabels.length ? { podSelector: { matchLabels: matchLabels(construct, 'source.podLabels', source.podLabels, false) } } : {}) }];
  return {
    objects,
    policies: [{ id: `${rule.namespace}-${name}-network-policy`, namespace: rule.namespace, name, spec: { podSelector: selector, policyTypes: ['Ingress'], ingress: [{ from, ports: tcpPorts(ports) }] } }],
    sidecarHosts: [],
    gatewaySubsets: [],
    gatewayEgress: [],
  };
}
