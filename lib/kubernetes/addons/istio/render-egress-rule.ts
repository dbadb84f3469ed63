// Internal: validates a MeshEgressRule and renders the Istio objects and NetworkPolicies that admit its traffic.
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../../errors';
import { parseCidr } from '../../../azure/network/cidr';
import { validateDnsLabel } from '../../../validation';
import { MeshEgressGateway, MeshEgressProtocol, MeshEgressRule } from './mesh-egress';
import { requireMeshNamespace } from './mesh-namespaces';
import { namespaceSelector, NetworkPolicyObject, MeshObject, tcpPorts, TrafficRendering } from './traffic-objects';
import { isIpOrCidr, matchLabels, validCidrs, validPort } from './traffic-validation';

const FQDN = /^(?=.{1,253}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
const WILDCARD = /^\*\.(?=.{1,251}$)([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)+[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

type HostKind = 'name' | 'wildcard' | 'range';

interface Gateway {
  readonly namespace: string;
  readonly serviceName: string;
  readonly host: string;
  readonly labels: Record<string, string>;
  readonly port: number;
  readonly targetPort: number;
}

function hostKind(construct: string, rule: MeshEgressRule): HostKind {
  const host = rule.host;
  if (host === undefined || host === null || host === '') {
    throw missingProp(construct, 'host', 'name the external host, e.g. "kv-platform.vault.azure.net"');
  }
  if (Token.isUnresolved(host) || typeof host !== 'string') {
    throw invalidProp(construct, 'host', Token.isUnresolved(host) ? '<unresolved token>' : host, 'a literal host name', 'write the host name: the rule is checked and exported at synth');
  }
  if (isIpOrCidr(host)) {
    const cidr = host.includes('/') ? host : `${host}/32`;
    if (!parseCidr(cidr)) {
      throw invalidProp(construct, 'host', host, 'an IPv4 address or a CIDR with the host bits zero', 'fix the address range');
    }
    if (!rule.allowIpRange) {
      throw invalidProp(
        construct,
        'host',
        host,
        'a host name; an IP address or range only with allowIpRange: true',
        'name the host, or set allowIpRange: true to admit every host behind the range (the istio-service-entry-named-hosts rule then reports it, to waive)',
      );
    }
    return 'range';
  }
  if (host.startsWith('*')) {
    if (!WILDCARD.test(host)) {
      throw invalidProp(construct, 'host', host, 'a wildcard of one leading label, e.g. "*.blob.core.windows.net"', 'write the wildcard as "*." followed by a domain');
    }
    if (!rule.allowWildcardHost) {
      throw invalidProp(
        construct,
        'host',
        host,
        'a host name; a wildcard only with allowWildcardHost: true',
        'name the one host the workloads need, or set allowWildcardHost: true to admit the whole domain (the istio-service-entry-named-hosts rule then reports it, to waive)',
      );
    }
    return 'wildcard';
  }
  if (!FQDN.test(host)) {
    throw invalidProp(construct, 'host', host, 'a lower-case fully qualified host name such as "kv-platform.vault.azure.net"', 'write the host name the workload connects to');
  }
  return 'name';
}

function gatewayOf(construct: string, gateway: MeshEgressGateway): Gateway {
  validateDnsLabel(construct, 'egressGateway.namespace', gateway.namespace);
  validateDnsLabel(construct, 'egressGateway.serviceName', gateway.serviceName);
  const port = validPort(construct, 'egressGateway.port', gateway.port ?? 443);
  return {
    namespace: gateway.namespace,
    serviceName: gateway.serviceName,
    host: `${gateway.serviceName}.${gateway.namespace}.svc.cluster.local`,
    labels: matchLabels(construct, 'egressGateway.selectorLabels', gateway.selectorLabels, true),
    port,
    targetPort: validPort(construct, 'egressGateway.targetPort', gateway.targetPort ?? port),
  };
}

/**
 * How a ServiceEntry finds the destination. A named host is resolved by DNS: the sidecar connects to what the
 * name resolves to, never to an address the client picked. Plain TCP carries no name, so the entry also
 * lists the addresses whose connections it takes: single addresses keep DNS resolution (Istio admits only
 * plain IPs with it), while a range (or an IP-range host) can only pass the connection through to the address
 * the client chose (resolution NONE, the one Istio admits for CIDRs), which the
 * istio-service-entry-named-hosts rule reports.
 */
function entryAddressing(kind: HostKind, protocol: MeshEgressProtocol, rangeCidr: string | undefined, cidrs: string[]): any {
  if (rangeCidr) {
    return { resolution: 'NONE', addresses: [rangeCidr] };
  }
  if (kind !== 'name') {
    return { resolution: 'NONE' };
  }
  if (protocol !== MeshEgressProtocol.TCP) {
    return { resolution: 'DNS' };
  }
  const singles = cidrs.every((c) => !Token.isUnresolved(c) && c.endsWith('/32'));
  return singles ? { resolution: 'DNS', addresses: cidrs.map((c) => c.slice(0, -'/32'.length)) } : { resolution: 'NONE', addresses: cidrs };
}

function serviceEntry(name: string, namespace: string, spec: any): any {
  return {
    apiVersion: 'networking.istio.io/v1',
    kind: 'ServiceEntry',
    metadata: { name, namespace },
    spec: { exportTo: ['.'], location: 'MESH_EXTERNAL', ...spec },
  };
}

/**
 * The objects of one egress rule. `covered` are the namespaces in the mesh. Rules are independent except for
 * what the caller aggregates: each namespace's Sidecar hosts and the subsets of a gateway's DestinationRule.
 */
export function renderEgressRule(rule: MeshEgressRule, covered: Set<string>): TrafficRendering {
  const construct = `MeshEgressRule ${rule?.name}`;
  if (!rule || typeof rule !== 'object') {
    throw invalidProp('MeshEgressRule', 'rule', rule, 'a MeshEgressRule { name, host, port, protocol, namespaces }', 'pass an object per rule');
  }
  validateDnsLabel(construct, 'name', rule.name);
  if (!Object.values(MeshEgressProtocol).includes(rule.protocol)) {
    throw invalidProp(construct, 'protocol', rule.protocol, Object.values(MeshEgressProtocol).join(', '), 'use a MeshEgressProtocol member');
  }
  const kind = hostKind(construct, rule);
  const port = validPort(construct, 'port', rule.port);
  if (!Array.isArray(rule.namespaces) || rule.namespaces.length === 0) {
    throw missingProp(construct, 'namespaces', 'list the namespaces whose workloads may reach the host, e.g. ["apps"]');
  }
  const namespaces = [...new Set(rule.namespaces)].sort();
  namespaces.forEach((ns, i) => {
    validateDnsLabel(construct, `namespaces[${i}]`, ns);
    requireMeshNamespace(construct, `namespaces[${i}]`, ns, covered);
  });
  const cidrs = validCidrs(construct, 'cidrs', rule.cidrs);
  const protocol = rule.protocol;
  const tlsOrigination = rule.tlsOrigination ?? false;
  if (rule.tlsOriginationPort !== undefined && !tlsOrigination) {
    throw invalidProp(construct, 'tlsOriginationPort', rule.tlsOriginationPort, 'only with tlsOrigination: true', 'remove tlsOriginationPort, or set tlsOrigination: true');
  }
  const tlsPort = validPort(construct, 'tlsOriginationPort', rule.tlsOriginationPort ?? 443);
  if (tlsOrigination && (protocol !== MeshEgressProtocol.HTTP || kind !== 'name')) {
    throw invalidProp(construct, 'tlsOrigination', true, 'only for protocol HTTP to a named host', 'let the workload speak HTTPS itself (protocol HTTPS), or name the host');
  }
  if (kind === 'wildcard' && protocol === MeshEgressProtocol.TCP) {
    throw invalidProp(construct, 'protocol', protocol, 'HTTPS, TLS or HTTP for a wildcard host (plain TCP carries no host name to match)', 'name the host and give its cidrs');
  }
  if (kind === 'range' && protocol !== MeshEgressProtocol.TCP) {
    throw invalidProp(construct, 'protocol', protocol, 'TCP for an IP range host', 'name the host for HTTPS, TLS or HTTP traffic');
  }
  if (kind === 'range' && cidrs.length > 0) {
    throw invalidProp(construct, 'cidrs', cidrs, 'none when the host is an IP range (the range is the destination)', 'remove cidrs');
  }
  const gateway = rule.egressGateway === undefined ? undefined : gatewayOf(construct, rule.egressGateway);
  if (gateway && (kind !== 'name' || tlsOrigination || (protocol !== MeshEgressProtocol.HTTPS && protocol !== MeshEgressProtocol.TLS))) {
    throw invalidProp(
      construct,
      'egressGateway',
      rule.egressGateway?.serviceName,
      'HTTPS or TLS traffic to a named host, without tlsOrigination (the gateway forwards it by server name inside mutual TLS)',
      'route HTTPS or TLS through the gateway, or let this rule leave from the sidecars with cidrs',
    );
  }
  if (protocol === MeshEgressProtocol.TCP && kind === 'name' && cidrs.length === 0) {
    throw missingProp(construct, 'cidrs', 'give the addresses of the TCP host: plain TCP carries no host name, so the mesh and the NetworkPolicy match it by address');
  }
  if (!gateway && kind !== 'range' && cidrs.length === 0) {
    throw missingProp(
      construct,
      'cidrs',
      'a NetworkPolicy cannot match a host name: give the addresses behind the host (e.g. its private endpoint subnet), or route the rule through an egressGateway',
    );
  }

  const name = `egress-${rule.name}`;
  const rangeCidr = kind === 'range' ? (rule.host.includes('/') ? rule.host : `${rule.host}/32`) : undefined;
  // An IP range has no host name: the ServiceEntry gets a placeholder name and matches by address.
  const host = kind === 'range' ? `${rule.name}.egress.internal` : rule.host;
  const portName = `${protocol.toLowerCase()}-${port}`;
  const entrySpec: any = {
    hosts: [host],
    ports: [{ number: port, name: portName, protocol, ...(tlsOrigination ? { targetPort: tlsPort } : {}) }],
    ...entryAddressing(kind, protocol, rangeCidr, cidrs),
  };
  const objects: MeshObject[] = [];
  const policies: NetworkPolicyObject[] = [];
  const upstreamPort = tlsOrigination ? tlsPort : port;
  const destinations = rangeCidr ? [rangeCidr] : cidrs;

  for (const ns of namespaces) {
    objects.push({ id: `${ns}-${name}-service-entry`, manifest: serviceEntry(name, ns, entrySpec) });
    if (tlsOrigination) {
      objects.push({
        id: `${ns}-${name}-tls-origination`,
        manifest: {
          apiVersion: 'networking.istio.io/v1',
          kind: 'DestinationRule',
          metadata: { name, namespace: ns },
          spec: { host, exportTo: ['.'], trafficPolicy: { portLevelSettings: [{ port: { number: port }, tls: { mode: 'SIMPLE', sni: host } }] } },
        },
      });
    }
    if (gateway) {
      objects.push({
        id: `${ns}-${name}-to-gateway`,
        manifest: {
          apiVersion: 'networking.istio.io/v1',
          kind: 'VirtualService',
          metadata: { name, namespace: ns },
          spec: {
            hosts: [host],
            exportTo: ['.'],
            gateways: ['mesh'],
            tls: [{ match: [{ gateways: ['mesh'], port, sniHosts: [host] }], route: [{ destination: { host: gateway.host, subset: rule.name, port: { number: gateway.port } } }] }],
          },
        },
      });
    }
    policies.push({
      id: `${ns}-${name}-network-policy`,
      namespace: ns,
      name,
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          gateway
            ? { to: [{ namespaceSelector: namespaceSelector(gateway.namespace), podSelector: { matchLabels: gateway.labels } }], ports: tcpPorts([gateway.targetPort]) }
            : { to: destinations.map((cidr) => ({ ipBlock: { cidr } })), ports: tcpPorts([upstreamPort]) },
        ],
      },
    });
  }

  if (gateway) {
    const gatewayName = `${name}-gateway`;
    objects.push(
      { id: `${gateway.namespace}-${name}-service-entry`, manifest: serviceEntry(name, gateway.namespace, entrySpec) },
      {
        id: `${gateway.namespace}-${gatewayName}`,
        manifest: {
          apiVersion: 'networking.istio.io/v1',
          kind: 'Gateway',
          metadata: { name: gatewayName, namespace: gateway.namespace },
          spec: { selector: gateway.labels, servers: [{ port: { number: gateway.port, name: `tls-${rule.name}`, protocol: 'TLS' }, hosts: [host], tls: { mode: 'ISTIO_MUTUAL' } }] },
        },
      },
      {
        id: `${gateway.namespace}-${name}-from-gateway`,
        manifest: {
          apiVersion: 'networking.istio.io/v1',
          kind: 'VirtualService',
          metadata: { name, namespace: gateway.namespace },
          spec: {
            hosts: [host],
            exportTo: ['.'],
            gateways: [gatewayName],
            tcp: [{ match: [{ gateways: [gatewayName], port: gateway.port }], route: [{ destination: { host, port: { number: port } } }] }],
          },
        },
      },
      {
        // The mesh-wide allow-nothing policy covers the gateway too: admit the client namespaces, on the TLS port.
        id: `${gateway.namespace}-${name}-authorization`,
        manifest: {
          apiVersion: 'security.istio.io/v1',
          kind: 'AuthorizationPolicy',
          metadata: { name, namespace: gateway.namespace },
          spec: {
            action: 'ALLOW',
            selector: { matchLabels: gateway.labels },
            rules: [{ from: [{ source: { namespaces: namespaces } }], to: [{ operation: { ports: [String(gateway.targetPort)] } }] }],
          },
        },
      },
    );
  }

  return {
    objects,
    policies,
    sidecarHosts: namespaces.map((namespace) => ({ namespace, host })),
    gatewaySubsets: gateway
      ? namespaces.map((namespace) => ({
        namespace,
        gatewayHost: gateway.host,
        subset: { name: rule.name, trafficPolicy: { portLevelSettings: [{ port: { number: gateway.port }, tls: { mode: 'ISTIO_MUTUAL', sni: host } }] } },
      }))
      : [],
    gatewayEgress: gateway ? [{ namespace: gateway.namespace, serviceName: gateway.serviceName, labels: gateway.labels, rule: rule.name, port, cidrs }] : [],
  };
}
