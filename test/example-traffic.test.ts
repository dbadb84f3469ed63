// The default example's traffic controls: an edge rate limit, an egress rule to its vault and an ingress
// rule for its sample route, each object checked against its schema.
import { Testing } from 'cdktf';
import { addAksPlatform } from '../examples/aks/platform';
import { kubernetesObject, schemaProblems } from './helpers/k8s-schema';
import { manifests, resources } from './kubernetes/baseline-helpers';

describe('the default example (examples/aks): traffic controls', () => {
  const { infrastructure, baseline } = addAksPlatform(Testing.app(), 'platformprod');
  const infra = JSON.parse(Testing.synth(infrastructure));
  const objects = JSON.parse(Testing.synth(baseline.objectsStack));
  const istio = manifests(objects).filter((m) => /istio\.io\//.test(m.apiVersion));
  const policies = Object.values<any>(resources(objects, 'kubernetes_network_policy_v1')).map((c) => kubernetesObject('networking.k8s.io/v1', 'NetworkPolicy', c));
  const named = (kind: string, name: string) => [...istio, ...policies].filter((o) => o.kind === kind && o.metadata.name === name);

  test('the WAF policy carries the per-client rate limit', () => {
    const waf = Object.values<any>(infra.resource.azurerm_web_application_firewall_policy)[0];
    expect(waf.custom_rules).toEqual([expect.objectContaining({ name: 'perClientAddress', rule_type: 'RateLimitRule', action: 'Block', rate_limit_threshold: 1000 })]);
  });

  test('apps may reach the vault by name through its private endpoint subnet, and nothing else outside', () => {
    expect(named('ServiceEntry', 'egress-key-vault')).toEqual([expect.objectContaining({ metadata: { name: 'egress-key-vault', namespace: 'apps' } })]);
    expect(named('ServiceEntry', 'egress-key-vault')[0].spec.hosts).toEqual(['kv-platformprod.vault.azure.net']);
    expect(named('NetworkPolicy', 'egress-key-vault')[0].spec.egress).toEqual([{ to: [{ ipBlock: { cidr: '10.240.9.0/27' } }], ports: [{ port: 443, protocol: 'TCP' }] }]);
    expect(named('Sidecar', 'default')[0].spec.egress[0].hosts).toEqual(['*/*.svc.cluster.local', './kv-platformprod.vault.azure.net']);
  });

  test('the sample route: the gateway subnet reaches the apps-api pods on 8080 for /api only', () => {
    expect(named('AuthorizationPolicy', 'ingress-apps-api')[0].spec.rules).toEqual([
      { from: [{ source: { ipBlocks: ['10.240.8.0/24'] } }], to: [{ operation: { ports: ['8080'], paths: ['/api', '/api/*'] } }] },
    ]);
    expect(named('NetworkPolicy', 'ingress-apps-api')[0].spec.ingress).toEqual([{ from: [{ ipBlock: { cidr: '10.240.8.0/24' } }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
    const route = Object.values<any>(JSON.parse(Testing.synth(baseline.chartsStack)).resource.kubernetes_ingress_v1)[0];
    expect(route.spec.rule[0].http.path[0].backend.service).toEqual({ name: 'apps-api', port: { number: 8080 } });
  });

  test('every Istio object and NetworkPolicy of the objects stack is schema-valid', () => {
    expect(istio.map((o) => o.kind).sort()).toEqual(['AuthorizationPolicy', 'AuthorizationPolicy', 'PeerAuthentication', 'PeerAuthentication', 'ServiceEntry', 'Sidecar']);
    expect(schemaProblems([...istio, ...policies])).toEqual([]);
  });
});
