import * as fs from 'fs';
import * as path from 'path';
import {
  IstioAddonProps,
  RulePack,
  MeshEgressProtocol,
  MeshEgressRule,
  MeshIngressSource,
  Compliance,
} from '../../lib';
import { kubernetesObject, schemaProblems } from '../helpers/k8s-schema';
import { KUBERNETES_RULES } from '../../lib/compliance/rules/kubernetes';
import { findingsOf, synthWithPacks, testApp } from '../helpers/synth';
import { baseline, cluster, manifests, resources, synthJson } from './baseline-helpers';

const VAULT: MeshEgressRule = {
  name: 'key-vault',
  host: 'kv-platform.vault.azure.net',
  port: 443,
  protocol: MeshEgressProtocol.HTTPS,
  namespaces: ['apps'],
  cidrs: ['10.240.9.0/27'],
};
const GATEWAY = { namespace: 'istio-egress', serviceName: 'egressgateway', selectorLabels: [{ key: 'istio', value: 'egressgateway' }], targetPort: 8443 };
const API = [{ key: 'app', value: 'api' }];

/** The mesh alone (no other add-ons: they do not change the traffic objects and would only slow the tests). */
const MESH_ONLY = { gatekeeper: false, trivy: false, falco: false, kubeBench: false };
/** The mesh's rules alone: the full pack would also require the evidence of the add-ons turned off here. */
const meshRules = () => new RulePack('mesh', KUBERNETES_RULES.filter((r) => r.metadata.id.startsWith('istio-')));

/** A mesh with the apps and web namespaces; bad input throws before anything is created, so one serves many cases. */
function mesh(istioOptions: IstioAddonProps = {}, managedIstioRevision?: string) {
  return baseline({ ...MESH_ONLY, cluster: cluster({ managedIstioRevision }), namespaces: [{ name: 'apps' }, { name: 'web' }], istioOptions });
}

function traffic(istioOptions: IstioAddonProps, managedIstioRevision?: string) {
  const b = baseline({ ...MESH_ONLY, cluster: cluster({ managedIstioRevision }), namespaces: [{ name: 'apps' }, { name: 'web' }], istioOptions });
  const json = synthJson(b.objectsStack);
  const objects = manifests(json);
  const policies = Object.values<any>(resources(json, 'kubernetes_network_policy_v1')).map((c) => kubernetesObject('networking.k8s.io/v1', 'NetworkPolicy', c));
  const find = (kind: string, namespace: string, name: string) => [...objects, ...policies].find((o) => o.kind === kind && o.metadata.namespace === namespace && o.metadata.name === name);
  return { b, objects, policies, find };
}

describe('egress allow rules', () => {
  const { objects, policies, find } = traffic({
    egressRules: [
      VAULT,
      { name: 'github', host: 'api.github.com', port: 443, protocol: MeshEgressProtocol.TLS, namespaces: ['web', 'apps'], egressGateway: GATEWAY, cidrs: ['140.82.112.0/20'] },
      { name: 'pypi', host: 'pypi.org', port: 443, protocol: MeshEgressProtocol.HTTPS, namespaces: ['apps'], egressGateway: GATEWAY },
      { name: 'registry', host: 'registry.example.com', port: 8443, protocol: MeshEgressProtocol.TLS, namespaces: ['web'], egressGateway: GATEWAY, cidrs: ['198.51.100.0/24'] },
      { name: 'legacy', host: 'legacy.example.com', port: 80, protocol: MeshEgressProtocol.HTTP, namespaces: ['web'], cidrs: ['20.1.2.3/32'], tlsOrigination: true },
      { name: 'postgres', host: 'db.example.com', port: 5432, protocol: MeshEgressProtocol.TCP, namespaces: ['apps'], cidrs: ['10.50.0.0/28'] },
      { name: 'redis', host: 'cache.example.com', port: 6380, protocol: MeshEgressProtocol.TCP, namespaces: ['apps'], cidrs: ['10.50.1.4/32', '10.50.1.5/32'] },
    ],
  });

  test('a named host: ServiceEntry in each allowed namespace only, resolved by DNS', () => {
    expect(find('ServiceEntry', 'apps', 'egress-key-vault').spec).toEqual({
      hosts: ['kv-platform.vault.azure.net'],
      exportTo: ['.'],
      location: 'MESH_EXTERNAL',
      ports: [{ number: 443, name: 'https-443', protocol: 'HTTPS' }],
      resolution: 'DNS',
    });
    expect(find('ServiceEntry', 'web', 'egress-key-vault')).toBeUndefined();
  });

  test('the NetworkPolicy egress agrees: the same namespaces, the host\'s CIDRs, the same port', () => {
    expect(find('NetworkPolicy', 'apps', 'egress-key-vault').spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [{ ipBlock: { cidr: '10.240.9.0/27' } }], ports: [{ port: 443, protocol: 'TCP' }] }],
    });
  });

  test('each namespace\'s Sidecar sees in-cluster services and exactly its allowed hosts, pinned REGISTRY_ONLY', () => {
    expect(find('Sidecar', 'apps', 'default').spec).toEqual({
      egress: [{ hosts: ['*/*.svc.cluster.local', './api.github.com', './cache.example.com', './db.example.com', './kv-platform.vault.azure.net', './pypi.org'] }],
      outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
    });
    expect(find('Sidecar', 'web', 'default').spec.egress[0].hosts).toEqual(['*/*.svc.cluster.local', './api.github.com', './legacy.example.com', './registry.example.com']);
  });

  test('TLS origination: plain HTTP from the workload, TLS to the host with its server name; the NetworkPolicy opens the TLS port', () => {
    expect(find('ServiceEntry', 'web', 'egress-legacy').spec.ports).toEqual([{ number: 80, name: 'http-80', protocol: 'HTTP', targetPort: 443 }]);
    expect(find('DestinationRule', 'web', 'egress-legacy').spec).toEqual({
      host: 'legacy.example.com',
      exportTo: ['.'],
      trafficPolicy: { portLevelSettings: [{ port: { number: 80 }, tls: { mode: 'SIMPLE', sni: 'legacy.example.com' } }] },
    });
    expect(find('NetworkPolicy', 'web', 'egress-legacy').spec.egress[0].ports).toEqual([{ port: 443, protocol: 'TCP' }]);
  });

  test('TCP: matched by the given addresses, in the mesh and in the NetworkPolicy; a range passes through (Istio admits CIDRs with resolution NONE only)', () => {
    expect(find('ServiceEntry', 'apps', 'egress-postgres').spec).toMatchObject({ addresses: ['10.50.0.0/28'], resolution: 'NONE', ports: [{ number: 5432, protocol: 'TCP' }] });
    expect(find('NetworkPolicy', 'apps', 'egress-postgres').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.50.0.0/28' } }]);
  });

  test('TCP to single addresses: listed as plain IPs, so the sidecar still connects to what the name resolves to', () => {
    expect(find('ServiceEntry', 'apps', 'egress-redis').spec).toMatchObject({ addresses: ['10.50.1.4', '10.50.1.5'], resolution: 'DNS', ports: [{ number: 6380, protocol: 'TCP' }] });
    expect(find('NetworkPolicy', 'apps', 'egress-redis').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '10.50.1.4/32' } }, { ipBlock: { cidr: '10.50.1.5/32' } }]);
  });

  test('through an egress gateway: mutual TLS to the gateway by server name, one DestinationRule subset per rule', () => {
    expect(find('VirtualService', 'apps', 'egress-github').spec).toEqual({
      hosts: ['api.github.com'],
      exportTo: ['.'],
      gateways: ['mesh'],
      tls: [{ match: [{ gateways: ['mesh'], port: 443, sniHosts: ['api.github.com'] }], route: [{ destination: { host: 'egressgateway.istio-egress.svc.cluster.local', subset: 'github', port: { number: 443 } } }] }],
    });
    expect(find('DestinationRule', 'apps', 'egressgw-egressgateway-istio-egress').spec).toEqual({
      host: 'egressgateway.istio-egress.svc.cluster.local',
      exportTo: ['.'],
      subsets: [
        { name: 'github', trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'ISTIO_MUTUAL', sni: 'api.github.com' } }] } },
        { name: 'pypi', trafficPolicy: { portLevelSettings: [{ port: { number: 443 }, tls: { mode: 'ISTIO_MUTUAL', sni: 'pypi.org' } }] } },
      ],
    });
    expect(find('DestinationRule', 'web', 'egressgw-egressgateway-istio-egress').spec.subsets.map((s: any) => s.name)).toEqual(['github', 'registry']);
  });

  test('the gateway side: its Gateway, route to the host, the allowed namespaces through allow-nothing', () => {
    expect(find('Gateway', 'istio-egress', 'egress-github-gateway').spec).toEqual({
      selector: { istio: 'egressgateway' },
      servers: [{ port: { number: 443, name: 'tls-github', protocol: 'TLS' }, hosts: ['api.github.com'], tls: { mode: 'ISTIO_MUTUAL' } }],
    });
    expect(find('VirtualService', 'istio-egress', 'egress-github').spec.tcp).toEqual([
      { match: [{ gateways: ['egress-github-gateway'], port: 443 }], route: [{ destination: { host: 'api.github.com', port: { number: 443 } } }] },
    ]);
    expect(find('AuthorizationPolicy', 'istio-egress', 'egress-github').spec).toEqual({
      action: 'ALLOW',
      selector: { matchLabels: { istio: 'egressgateway' } },
      rules: [{ from: [{ source: { namespaces: ['apps', 'web'] } }], to: [{ operation: { ports: ['8443'] } }] }],
    });
    expect(find('ServiceEntry', 'istio-egress', 'egress-github')).toBeDefined();
  });

  test('the gateway\'s own egress: one policy for every rule through it, keeping DNS and istiod, since selecting its pods isolates them', () => {
    expect(find('NetworkPolicy', 'istio-egress', 'egress-gateway-egressgateway').spec).toEqual({
      podSelector: { matchLabels: { istio: 'egressgateway' } },
      policyTypes: ['Egress'],
      egress: [
        { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] },
        { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-system' } } }], ports: [{ port: 15012, protocol: 'TCP' }] },
        // pypi gives no addresses, so 443 stays open to any address (github's range alone would cut pypi off).
        { ports: [{ port: 443, protocol: 'TCP' }] },
        { to: [{ ipBlock: { cidr: '198.51.100.0/24' } }], ports: [{ port: 8443, protocol: 'TCP' }] },
      ],
    });
    expect(policies.filter((p) => p.metadata.namespace === 'istio-egress').map((p) => p.metadata.name)).toEqual(['egress-gateway-egressgateway']);
  });

  test('the client namespaces\' NetworkPolicy egress goes to the gateway pods only, on its container port', () => {
    expect(find('NetworkPolicy', 'web', 'egress-github').spec.egress).toEqual([
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-egress' } }, podSelector: { matchLabels: { istio: 'egressgateway' } } }], ports: [{ port: 8443, protocol: 'TCP' }] },
    ]);
  });

  test('every object is valid against the Istio and Kubernetes schemas', () => {
    const kinds = [...objects, ...policies].map((o) => o.kind);
    expect(new Set(kinds)).toEqual(new Set(['AuthorizationPolicy', 'PeerAuthentication', 'ServiceEntry', 'DestinationRule', 'VirtualService', 'Gateway', 'Sidecar', 'NetworkPolicy']));
    expect(schemaProblems([...objects, ...policies])).toEqual([]);
  });

  test('the schema check also refuses what Istio\'s admission refuses beyond the schema', () => {
    const se = (spec: any) => ({ apiVersion: 'networking.istio.io/v1', kind: 'ServiceEntry', metadata: { name: 'x', namespace: 'apps' }, spec: { hosts: ['db.example.com'], ports: [{ number: 5432, name: 'tcp', protocol: 'TCP' }], ...spec } });
    const admitted = [se({ addresses: ['10.0.0.0/28'], resolution: 'NONE' }), se({ addresses: ['10.0.0.4'], resolution: 'DNS' }), se({ addresses: ['10.0.0.0/28'] })];
    const refused = [
      se({ addresses: ['10.0.0.0/28'], resolution: 'DNS' }),
      se({ hosts: ['*.example.com'], resolution: 'DNS' }),
      { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', metadata: { name: 'default', namespace: 'apps' }, spec: { egress: [{ hosts: ['api.github.com'] }] } },
      { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'p', namespace: 'apps' }, spec: { portLevelMtls: { 8080: { mode: 'PERMISSIVE' } } } },
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'VirtualService',
        metadata: { name: 'v', namespace: 'apps' },
        spec: { hosts: ['api.github.com'], tls: [{ match: [{ port: 443, sniHosts: ['pypi.org'] }], route: [{ destination: { host: 'egressgateway.istio-egress.svc.cluster.local' } }] }] },
      },
    ];
    expect(schemaProblems([...admitted, ...refused]).map((p) => [p.index, p.error])).toEqual([
      [3, 'admission: CIDR addresses need resolution NONE or STATIC, not DNS'],
      [4, 'admission: resolution DNS without endpoints needs host names, not wildcards'],
      [5, 'admission: egress host "api.github.com" is not "<namespace>/<host>"'],
      [6, 'admission: portLevelMtls needs a selector with labels'],
      [7, 'admission: SNI host pypi.org is not one of the hosts api.github.com'],
    ]);
  });
});

describe('egress gateways on the AKS managed mesh', () => {
  const managed = { namespace: 'aks-istio-egress', serviceName: 'asm-egress-platform', selectorLabels: [{ key: 'istio', value: 'asm-egress-platform' }] };
  const other = { namespace: 'aks-istio-egress', serviceName: 'asm-egress-partners', selectorLabels: [{ key: 'istio', value: 'asm-egress-partners' }] };
  const { policies, find } = traffic(
    {
      egressRules: [
        { name: 'github', host: 'api.github.com', port: 443, protocol: MeshEgressProtocol.TLS, namespaces: ['apps'], egressGateway: managed, cidrs: ['140.82.112.0/20'] },
        { name: 'pypi', host: 'pypi.org', port: 443, protocol: MeshEgressProtocol.HTTPS, namespaces: ['apps'], egressGateway: other },
      ],
    },
    'asm-1-30',
  );

  test('the gateway keeps reaching the add-on\'s istiod; a gateway whose rules give no addresses keeps its egress as it is', () => {
    expect(find('NetworkPolicy', 'aks-istio-egress', 'egress-gateway-asm-egress-platform').spec.egress.slice(1)).toEqual([
      { to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'aks-istio-system' } } }], ports: [{ port: 15012, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '140.82.112.0/20' } }], ports: [{ port: 443, protocol: 'TCP' }] },
    ]);
    expect(policies.filter((p) => p.metadata.namespace === 'aks-istio-egress').map((p) => p.metadata.name)).toEqual(['egress-gateway-asm-egress-platform']);
  });

  test('one gateway Service is selected by one set of labels', () => {
    const shared = mesh({}, 'asm-1-30');
    shared.istio!.allowEgress({ name: 'a', host: 'a.example.com', port: 443, protocol: MeshEgressProtocol.TLS, namespaces: ['apps'], egressGateway: managed, cidrs: ['198.51.100.0/24'] });
    expect(() =>
      shared.istio!.allowEgress({ name: 'b', host: 'b.example.com', port: 443, protocol: MeshEgressProtocol.TLS, namespaces: ['apps'], egressGateway: { ...managed, selectorLabels: [{ key: 'app', value: 'egress' }] } }),
    ).toThrow(/MeshEgressRule b: egress gateway aks-istio-egress\/asm-egress-platform is selected by \{"app":"egress"\}, but rule a selects it by \{"istio":"asm-egress-platform"\}/);
  });
});

describe('egress: wildcards and IP ranges are explicit choices, reported', () => {
  const rules: MeshEgressRule[] = [
    { name: 'blobs', host: '*.blob.core.windows.net', port: 443, protocol: MeshEgressProtocol.HTTPS, namespaces: ['apps'], cidrs: ['20.60.0.0/16'], allowWildcardHost: true },
    { name: 'partner', host: '203.0.113.0/24', port: 9000, protocol: MeshEgressProtocol.TCP, namespaces: ['apps'], allowIpRange: true },
  ];

  test('rendered as pass-through entries: the wildcard by server name, the range by address', () => {
    const { find } = traffic({ egressRules: rules });
    expect(find('ServiceEntry', 'apps', 'egress-blobs').spec).toMatchObject({ hosts: ['*.blob.core.windows.net'], resolution: 'NONE' });
    expect(find('ServiceEntry', 'apps', 'egress-partner').spec).toMatchObject({ hosts: ['partner.egress.internal'], addresses: ['203.0.113.0/24'], resolution: 'NONE' });
    expect(find('NetworkPolicy', 'apps', 'egress-partner').spec.egress[0].to).toEqual([{ ipBlock: { cidr: '203.0.113.0/24' } }]);
  });

  test('a TCP host behind a range passes connections through to the range, which the rule reports; behind single addresses it is resolved by name and passes', () => {
    const app = testApp();
    const b = baseline({
      ...MESH_ONLY,
      namespaces: [{ name: 'apps' }],
      istioOptions: {
        egressRules: [
          { name: 'db-subnet', host: 'db.example.com', port: 5432, protocol: MeshEgressProtocol.TCP, namespaces: ['apps'], cidrs: ['10.50.0.0/28'] },
          { name: 'db-address', host: 'db2.example.com', port: 5432, protocol: MeshEgressProtocol.TCP, namespaces: ['apps'], cidrs: ['10.50.0.4/32'] },
        ],
      },
    }, app);
    Compliance.waive(b.objectsStack, 'istio-service-entry-named-hosts', 'database subnet holds the database endpoints only, ticket SEC-43');
    const findings = findingsOf(synthWithPacks(app, [meshRules()]), 'baseline-objects', 'istio-service-entry-named-hosts').filter((f) => f.status !== 'not-applicable');
    expect(findings.map((f) => [f.address, f.status, f.waiverReason !== undefined]).sort()).toEqual([
      [expect.stringContaining('db-address'), 'compliant', false],
      [expect.stringContaining('db-subnet'), 'non-compliant', true],
    ]);
  });

  test('the istio-service-entry-named-hosts rule fails synth until each is waived', () => {
    const app = testApp();
    baseline({ ...MESH_ONLY, namespaces: [{ name: 'apps' }], istioOptions: { egressRules: rules } }, app);
    expect(() => synthWithPacks(app, [meshRules()])).toThrow(/istio-service-entry-named-hosts[\s\S]*egress-blobs[\s\S]*egress-partner|istio-service-entry-named-hosts/);

    const waived = testApp();
    const b = baseline({ ...MESH_ONLY, namespaces: [{ name: 'apps' }], istioOptions: { egressRules: rules } }, waived);
    Compliance.waive(b.objectsStack, 'istio-service-entry-named-hosts', 'partner network and blob storage accounts approved by security, ticket SEC-42');
    const findings = findingsOf(synthWithPacks(waived, [meshRules()]), 'baseline-objects', 'istio-service-entry-named-hosts');
    expect(findings.filter((f) => f.status !== 'not-applicable').map((f) => [f.status, f.waiverReason !== undefined])).toEqual([
      ['non-compliant', true],
      ['non-compliant', true],
    ]);
  });
});

describe('egress bad input', () => {
  const shared = mesh();
  const make = (rule: Partial<MeshEgressRule>) => () => shared.istio!.allowEgress({ ...VAULT, ...rule } as MeshEgressRule);

  test.each([
    [{ host: '*.vault.azure.net' }, /MeshEgressRule key-vault: invalid host "\*\.vault\.azure\.net". Allowed: a host name; a wildcard only with allowWildcardHost: true/],
    [{ host: '10.0.0.0/8', protocol: MeshEgressProtocol.TCP }, /invalid host "10\.0\.0\.0\/8". Allowed: a host name; an IP address or range only with allowIpRange: true/],
    [{ host: '10.0.0.1/8', protocol: MeshEgressProtocol.TCP, allowIpRange: true, cidrs: undefined }, /invalid host "10\.0\.0\.1\/8". Allowed: an IPv4 address or a CIDR with the host bits zero/],
    [{ host: 'Vault' }, /invalid host "Vault". Allowed: a lower-case fully qualified host name/],
    [{ host: '' }, /host is required/],
    [{ port: 0 }, /invalid port 0. Allowed: a port number from 1 to 65535/],
    [{ port: 70000 }, /invalid port 70000/],
    [{ protocol: 'UDP' as any }, /invalid protocol "UDP". Allowed: HTTPS, TLS, HTTP, TCP/],
    [{ namespaces: [] }, /namespaces is required/],
    [{ namespaces: ['payments'] }, /invalid namespaces\[0\] "payments". Allowed: a namespace the mesh covers .*: apps, web. Fix: create the namespace first with ClusterBaseline.addNamespace/],
    [{ cidrs: undefined }, /cidrs is required .*a NetworkPolicy cannot match a host name: give the addresses behind the host .* or route the rule through an egressGateway/],
    [{ cidrs: ['10.240.9.1/27'] }, /invalid cidrs "10\.240\.9\.1\/27". Allowed: IPv4 CIDRs with the host bits zero/],
    [{ protocol: MeshEgressProtocol.TCP, cidrs: undefined, egressGateway: GATEWAY }, /invalid egressGateway "egressgateway". Allowed: HTTPS or TLS traffic to a named host/],
    [{ tlsOrigination: true }, /invalid tlsOrigination true. Allowed: only for protocol HTTP to a named host/],
    [{ tlsOriginationPort: 8443 }, /invalid tlsOriginationPort 8443. Allowed: only with tlsOrigination: true/],
    [{ host: '*.blob.core.windows.net', allowWildcardHost: true, protocol: MeshEgressProtocol.TCP }, /invalid protocol "TCP". Allowed: HTTPS, TLS or HTTP for a wildcard host/],
    [{ host: '203.0.113.0/24', allowIpRange: true }, /invalid protocol "HTTPS". Allowed: TCP for an IP range host/],
    [{ egressGateway: { ...GATEWAY, selectorLabels: [] } }, /egressGateway.selectorLabels is required/],
    [{ egressGateway: { ...GATEWAY, targetPort: 0 } }, /invalid egressGateway.targetPort 0/],
  ])('%j', (rule, message) => {
    expect(make(rule)).toThrow(message);
  });

  test('one rule per host and namespace; one rule per name; null from JavaScript', () => {
    expect(() => traffic({ egressRules: [VAULT, { ...VAULT, name: 'vault-again' }] })).toThrow(
      /MeshEgressRule vault-again: host kv-platform.vault.azure.net is already allowed in namespace apps by MeshEgressRule key-vault/,
    );
    expect(() => traffic({ egressRules: [VAULT, { ...VAULT, host: 'other.vault.azure.net' }] })).toThrow(/MeshEgressRule key-vault: its objects .* already exist for another rule/);
    expect(() => shared.istio!.allowEgress(null as any)).toThrow(/MeshEgressRule: invalid rule null/);
    expect(() => mesh({ egressRules: [{ ...VAULT, port: 0 }] })).toThrow(/MeshEgressRule key-vault: invalid port 0/);
  });
});

describe('egress rules added after the baseline, for namespaces added after it', () => {
  test('rendered at once into the objects stack; a namespace not in the mesh (yet) is refused', () => {
    const b = baseline({ ...MESH_ONLY, namespaces: [{ name: 'apps' }] });
    expect(() => b.istio!.allowEgress({ ...VAULT, namespaces: ['later'] })).toThrow(/invalid namespaces\[0\] "later"/);
    b.addNamespace({ name: 'later' });
    b.addNamespace({ name: 'plain', meshInjection: false });
    expect(() => b.istio!.allowEgress({ ...VAULT, name: 'plain', namespaces: ['plain'] })).toThrow(/invalid namespaces\[0\] "plain"/);
    b.istio!.allowEgress({ ...VAULT, namespaces: ['later'] });
    b.istio!.allow({ name: 'web-to-api', namespace: 'later', from: [{ namespace: 'web', serviceAccount: 'frontend' }] });
    const kinds = manifests(synthJson(b.objectsStack)).filter((m) => m.metadata.namespace === 'later').map((m) => m.kind).sort();
    expect(kinds).toEqual(['AuthorizationPolicy', 'ServiceEntry', 'Sidecar']);
  });
});

describe('ingress rules', () => {
  const { objects, find, b } = traffic({
    ingressRules: [
      { name: 'api', namespace: 'apps', workloadLabels: API, ports: [8080], source: MeshIngressSource.applicationGatewaySubnet('10.240.8.0/24'), paths: ['/api/*'], methods: ['GET', 'POST'] },
      { name: 'web', namespace: 'web', workloadLabels: [{ key: 'app', value: 'web' }], ports: [8443, 8080], source: MeshIngressSource.istioIngressGateway('istio-ingress', 'istio-ingressgateway', [{ key: 'istio', value: 'ingressgateway' }]) },
    ],
  });

  test('from the Application Gateway subnet: ALLOW to the route\'s workloads and ports only', () => {
    expect(find('AuthorizationPolicy', 'apps', 'ingress-api').spec).toEqual({
      action: 'ALLOW',
      selector: { matchLabels: { app: 'api' } },
      rules: [{ from: [{ source: { ipBlocks: ['10.240.8.0/24'] } }], to: [{ operation: { ports: ['8080'], methods: ['GET', 'POST'], paths: ['/api/*'] } }] }],
    });
    expect(find('NetworkPolicy', 'apps', 'ingress-api').spec).toEqual({
      podSelector: { matchLabels: { app: 'api' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ ipBlock: { cidr: '10.240.8.0/24' } }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    });
  });

  test('AGIC cannot speak Istio mTLS: those ports alone are PERMISSIVE, a built-in waiver says why', () => {
    expect(find('PeerAuthentication', 'apps', 'ingress-api').spec).toEqual({ selector: { matchLabels: { app: 'api' } }, mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'PERMISSIVE' } } });
    const app = testApp();
    baseline({ ...MESH_ONLY, namespaces: [{ name: 'apps' }], istioOptions: { ingressRules: [{ name: 'api', namespace: 'apps', workloadLabels: API, ports: [8080], source: MeshIngressSource.applicationGatewaySubnet('10.240.8.0/24') }] } }, app);
    const findings = findingsOf(synthWithPacks(app, [meshRules()]), 'baseline-objects', 'istio-peer-authentication-strict');
    expect(findings.map((f) => [f.status, f.builtInWaiver ?? false, f.waiverReason ?? ''])).toEqual(
      expect.arrayContaining([
        ['compliant', false, ''],
        ['non-compliant', true, expect.stringMatching(/^Application Gateway ingress: ports 8080 of apps\/app=api accept plain connections from 10\.240\.8\.0\/24 only/)],
      ]),
    );
  });

  test('from an Istio ingress gateway: its mTLS identity, and its namespace and pods in the NetworkPolicy; mTLS stays strict', () => {
    expect(find('AuthorizationPolicy', 'web', 'ingress-web').spec.rules).toEqual([
      { from: [{ source: { principals: ['cluster.local/ns/istio-ingress/sa/istio-ingressgateway'] } }], to: [{ operation: { ports: ['8080', '8443'] } }] },
    ]);
    expect(find('NetworkPolicy', 'web', 'ingress-web').spec.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'istio-ingress' } }, podSelector: { matchLabels: { istio: 'ingressgateway' } } }],
        ports: [{ port: 8080, protocol: 'TCP' }, { port: 8443, protocol: 'TCP' }],
      },
    ]);
    expect(find('PeerAuthentication', 'web', 'ingress-web')).toBeUndefined();
  });

  test('schema-valid', () => {
    const policies = Object.values<any>(resources(synthJson(b.objectsStack), 'kubernetes_network_policy_v1')).map((c) => kubernetesObject('networking.k8s.io/v1', 'NetworkPolicy', c));
    expect(schemaProblems([...objects.filter((o) => o.metadata.name.startsWith('ingress-')), ...policies])).toEqual([]);
  });

  const shared = mesh();
  test.each([
    [{ namespace: 'default' }, /MeshIngressRule api: invalid namespace "default". Allowed: a namespace the mesh covers/],
    [{ workloadLabels: [] }, /workloadLabels is required/],
    [{ workloadLabels: [{ key: 'app', value: 'a b' }] }, /invalid workloadLabels\[0\]/],
    [{ ports: [] }, /ports is required/],
    [{ ports: [65536] }, /invalid ports\[0\] 65536. Allowed: a port number from 1 to 65535/],
    [{ source: '10.240.8.0/24' as any }, /invalid source "10.240.8.0\/24". Allowed: MeshIngressSource.applicationGatewaySubnet\(cidr\) or MeshIngressSource.istioIngressGateway/],
    [{ paths: [''] }, /invalid paths \[""\]/],
  ])('bad input %j', (rule, message) => {
    expect(() => shared.istio!.allowIngress({ name: 'api', namespace: 'apps', workloadLabels: API, ports: [8080], source: MeshIngressSource.applicationGatewaySubnet('10.240.8.0/24'), ...rule })).toThrow(message);
  });

  test('two Application Gateway rules for the same workloads are refused: Istio would apply only the older PeerAuthentication', () => {
    const m = mesh();
    const agw = MeshIngressSource.applicationGatewaySubnet('10.240.8.0/24');
    m.istio!.allowIngress({ name: 'api', namespace: 'apps', workloadLabels: API, ports: [8080], source: agw });
    // Other workloads, another namespace, or the Istio ingress gateway (no PeerAuthentication) are fine.
    m.istio!.allowIngress({ name: 'api', namespace: 'web', workloadLabels: API, ports: [8080], source: agw });
    m.istio!.allowIngress({ name: 'admin', namespace: 'apps', workloadLabels: [{ key: 'app', value: 'admin' }], ports: [9090], source: agw });
    m.istio!.allowIngress({ name: 'api-mesh', namespace: 'apps', workloadLabels: API, ports: [9090], source: MeshIngressSource.istioIngressGateway('istio-ingress', 'istio-ingressgateway') });
    expect(() => m.istio!.allowIngress({ name: 'api-metrics', namespace: 'apps', workloadLabels: API, ports: [9090], source: agw })).toThrow(
      /MeshIngressRule api-metrics: MeshIngressRule api already sets the mutual TLS of the workloads apps\/\{"app":"api"\}\. Istio applies only the oldest .*Fix: list all of the workloads' ports \(and paths\) in one rule/,
    );
  });

  test('bad sources', () => {
    expect(() => MeshIngressSource.applicationGatewaySubnet('10.240.8.1/24')).toThrow(/MeshIngressSource.applicationGatewaySubnet: invalid cidr "10.240.8.1\/24"/);
    expect(() => MeshIngressSource.istioIngressGateway('Istio', 'gw')).toThrow(/MeshIngressSource.istioIngressGateway: invalid namespace "Istio"/);
  });
});

describe('mesh rate limits', () => {
  const ENVOY = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'envoy-local-ratelimit.json'), 'utf-8')).messages;
  const { find, objects } = traffic({
    rateLimits: [
      { name: 'api', namespace: 'apps', workloadLabels: API, requestsPerInterval: 100 },
      { name: 'login', namespace: 'web', workloadLabels: [{ key: 'app', value: 'web' }], requestsPerInterval: 10, intervalSeconds: 1, burst: 20, port: 8080 },
    ],
  });
  const filter = find('EnvoyFilter', 'apps', 'ratelimit-api');

  test('an EnvoyFilter inserting the local rate limit before the router of the workloads\' inbound HTTP', () => {
    expect(filter.spec.workloadSelector).toEqual({ labels: { app: 'api' } });
    const patch = filter.spec.configPatches[0];
    expect([patch.applyTo, patch.match, patch.patch.operation, patch.patch.value.name]).toEqual([
      'HTTP_FILTER',
      { context: 'SIDECAR_INBOUND', listener: { filterChain: { filter: { name: 'envoy.filters.network.http_connection_manager', subFilter: { name: 'envoy.filters.http.router' } } } } },
      'INSERT_BEFORE',
      'envoy.filters.http.local_ratelimit',
    ]);
    expect(patch.patch.value.typed_config).toMatchObject({ token_bucket: { max_tokens: 100, tokens_per_fill: 100, fill_interval: '60s' } });
  });

  test('interval, burst and one port', () => {
    const patch = find('EnvoyFilter', 'web', 'ratelimit-login').spec.configPatches[0];
    expect(patch.match.listener.portNumber).toBe(8080);
    expect(patch.patch.value.typed_config.token_bucket).toEqual({ max_tokens: 20, tokens_per_fill: 10, fill_interval: '1s' });
  });

  /** Keys not in the Envoy message they sit in, and enum values the message does not define. */
  function envoyProblems(config: any): string[] {
    const problems: string[] = [];
    const walk = (value: any, message: string, at: string) => {
      for (const [key, v] of Object.entries<any>(value)) {
        const type: string | undefined = key === '@type' ? 'string' : ENVOY[message]?.[key];
        const inner = type?.replace(/^repeated /, '');
        if (type === undefined) {
          problems.push(`${at}.${key}: not a field of ${message}`);
        } else if (ENVOY[inner!]) {
          (Array.isArray(v) ? v : [v]).forEach((item: any) => walk(item, inner!, `${at}.${key}`));
        } else if (type.startsWith('enum ') && !type.split(' ').slice(1).includes(v)) {
          problems.push(`${at}.${key}: ${v} is not one of ${type.slice(5)}`);
        }
      }
    };
    walk(config, 'envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit', 'typed_config');
    return problems;
  }

  test('every key of the filter config is a field of the Envoy message it sits in; enabled and enforced for all requests', () => {
    const config = filter.spec.configPatches[0].patch.value.typed_config;
    expect(config['@type']).toBe('type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit');
    expect(envoyProblems(config)).toEqual([]);
    expect([config.filter_enabled.default_value, config.filter_enforced.default_value]).toEqual([
      { numerator: 100, denominator: 'HUNDRED' },
      { numerator: 100, denominator: 'HUNDRED' },
    ]);
  });

  test('the Envoy field check catches a misspelt field and an unknown enum value', () => {
    const config = JSON.parse(JSON.stringify(filter.spec.configPatches[0].patch.value.typed_config));
    config.token_bucket.max_token = 1;
    config.response_headers_to_add[0].append_action = 'REPLACE';
    expect(envoyProblems(config).sort()).toEqual([
      'typed_config.response_headers_to_add.append_action: REPLACE is not one of APPEND_IF_EXISTS_OR_ADD ADD_IF_ABSENT OVERWRITE_IF_EXISTS_OR_ADD OVERWRITE_IF_EXISTS',
      'typed_config.token_bucket.max_token: not a field of envoy.type.v3.TokenBucket',
    ]);
  });

  test('schema-valid (networking.istio.io/v1alpha3 EnvoyFilter)', () => {
    expect(schemaProblems(objects.filter((o) => o.kind === 'EnvoyFilter'))).toEqual([]);
  });

  test('the AKS managed add-on: refused unless EnvoyFilters are accepted as unsupported, then reported', () => {
    const limit = { name: 'api', namespace: 'apps', workloadLabels: API, requestsPerInterval: 100 };
    expect(() => mesh({ rateLimits: [limit] }, 'asm-1-27')).toThrow(
      /MeshRateLimit api: invalid IstioAddonProps.allowEnvoyFiltersOnManagedMesh false. Allowed: true to run an EnvoyFilter on the AKS managed Istio add-on, which admits EnvoyFilters but leaves issues arising from them outside Azure support/,
    );
    const { b, find: managed } = traffic({ rateLimits: [limit], allowEnvoyFiltersOnManagedMesh: true }, 'asm-1-27');
    expect(managed('EnvoyFilter', 'apps', 'ratelimit-api')).toBeDefined();
    const warnings = b.objectsStack.node.metadata.map((m) => String(m.data));
    expect(warnings).toContainEqual(expect.stringMatching(/^\[istio-envoyfilter-unsupported\] MeshRateLimit api: an EnvoyFilter on the AKS managed Istio add-on runs/));
  });

  const shared = mesh();
  test.each([
    [{ requestsPerInterval: 0 }, /MeshRateLimit api: invalid requestsPerInterval 0. Allowed: an integer from 1 to .*a limit of 0 refuses every request/],
    [{ requestsPerInterval: undefined }, /requestsPerInterval is required/],
    [{ intervalSeconds: 0 }, /invalid intervalSeconds 0/],
    [{ burst: 50 }, /invalid burst 50. Allowed: an integer from 100/],
    [{ workloadLabels: [] }, /workloadLabels is required .*select the workloads/],
    [{ port: 0 }, /invalid port 0/],
    [{ namespace: 'default' }, /invalid namespace "default". Allowed: a namespace the mesh covers/],
  ])('bad input %j', (change, message) => {
    expect(() => shared.istio!.limitRate({ name: 'api', namespace: 'apps', workloadLabels: API, requestsPerInterval: 100, ...change } as any)).toThrow(message);
  });
});
