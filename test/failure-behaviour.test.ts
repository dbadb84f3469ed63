// Every public construct fed bad input: wrong types, empty strings, numbers out of range, unresolved tokens
// where a literal is needed, and well-typed values that mean something Azure or Kubernetes refuses or that
// weaken the platform. Each must fail at construction with an error that names the construct and the prop
// (leaving nothing in the output directory), or fail synth with a finding naming the rule and the CIS
// control. Every public constructor and static method, enumerated from the jsii assembly, gets null and
// undefined for each required argument and prop, as a JavaScript caller may pass them.
import * as fs from 'fs';
import * as path from 'path';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { App, TerraformResource, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import * as lib from '../lib';
import {
  AksNetwork,
  AksNodePool,
  CisAksPack,
  CisBenchmark,
  CisRke2Pack,
  ClusterBaseline,
  Compliance,
  ControlImplementation,
  ExistingCluster,
  FalcoVersion,
  HardenedAksCluster,
  HardenedContainerRegistry,
  HardenedHelmRelease,
  HardenedK8sErrors,
  HardenedKeyVault,
  HardenedNamespace,
  HardenedRke2Cluster,
  IngressGatewayMode,
  IRulePack,
  KeyVaultObjectType,
  KeyVaultSecretProviderClass,
  KmsKey,
  Kubelogin,
  KubeloginMode,
  KubernetesBaselinePack,
  KubernetesDistribution,
  GatekeeperPolicy,
  MeshEgressProtocol,
  MeshIngressSource,
  MeshOutboundTrafficPolicy,
  PlatformMonitoring,
  Rancher2Provider,
  TlsIngressGateway,
  TlsProtocolVersion,
  WorkloadIdentity,
} from '../lib';
import { aksProps } from './azure/aks-fixtures';
import { azureStack, synthWithPacks, testApp } from './helpers/synth';

const base = { name: 'prod', resourceGroupName: 'rg', location: 'westeurope' };
const rke2 = (scope: Construct, overrides: Record<string, unknown>) =>
  new HardenedRke2Cluster(scope, 'x', {
    clusterName: 'rke2',
    kubernetesVersion: 'v1.32.5+rke2r1',
    azureClientId: 'client',
    azureClientSecret: new TerraformVariable(scope, 'secret', { type: 'string', sensitive: true }).stringValue,
    azureSubscriptionId: 'sub',
    location: 'westeurope',
    resourceGroupName: 'rg',
    virtualNetworkName: 'vnet',
    subnetName: 'snet',
    networkSecurityGroup: 'nsg',
    allowedRegistries: ['acrprod.azurecr.io/'],
    ...overrides,
  } as any);
const cluster = () => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: 'https://api.example.com:6443', exec: Kubelogin.exec() } });
const variable = (scope: Construct) => new TerraformVariable(scope, 'v', { type: 'list(string)' }).listValue;
const vault = { ...base, name: 'kv-prod', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z', logAnalyticsWorkspaceId: 'law' };
const gateway = { ...base, subnetId: 'a', logAnalyticsWorkspaceId: 'law', certificateSecretId: 'https://kv-prod.vault.azure.net/secrets/tls' };

type Build = (scope: TerraformStack, app: App) => unknown;
const CASES: Array<[string, string, Build]> = [
  ['HardenedAksCluster', 'name', (s) => new HardenedAksCluster(s, 'x', aksProps({ name: 42 as any }))],
  ['HardenedAksCluster', 'resourceGroupName', (s) => new HardenedAksCluster(s, 'x', aksProps({ resourceGroupName: '' }))],
  ['HardenedAksCluster', 'adminGroupObjectIds', (s) => new HardenedAksCluster(s, 'x', aksProps({ adminGroupObjectIds: 'group' as any }))],
  ['HardenedAksCluster', 'maxPods', (s) => new HardenedAksCluster(s, 'x', aksProps({ systemNodePool: { maxPods: 1000 } }))],
  ['HardenedAksCluster', 'minCount', (s) => new HardenedAksCluster(s, 'x', aksProps({ systemNodePool: { minCount: '3' as any } }))],
  ['HardenedAksCluster', 'kubernetesVersion', (s) => new HardenedAksCluster(s, 'x', aksProps({ kubernetesVersion: 1.33 as any }))],
  ['HardenedAksCluster', 'imageCleanerIntervalHours', (s) => new HardenedAksCluster(s, 'x', aksProps({ imageCleanerIntervalHours: 1.5 }))],
  ['AksNodePool', 'kubernetesClusterId', (s) => new AksNodePool(s, 'x', { name: 'apps', subnetId: 'snet', kubernetesClusterId: '' })],
  ['AksNodePool', 'maxCount', (s) => new AksNodePool(s, 'x', { name: 'apps', subnetId: 'snet', kubernetesClusterId: 'id', maxCount: 0 })],
  ['AksNetwork', 'addressSpace', (s) => new AksNetwork(s, 'x', { ...base, addressSpace: '10.0.0.0/33' })],
  ['AksNetwork', 'location', (s) => new AksNetwork(s, 'x', { ...base, location: undefined as any })],
  ['AksNetwork', 'egressFirewallIp', (s) => new AksNetwork(s, 'x', { ...base, egressFirewallIp: 'firewall' })],
  ['HardenedContainerRegistry', 'name', (s) => new HardenedContainerRegistry(s, 'x', { ...base, name: 'acr', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z' })],
  ['HardenedContainerRegistry', 'retentionDays', (s) => new HardenedContainerRegistry(s, 'x', { ...base, name: 'acrprod', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z', retentionDays: 1000 })],
  ['PlatformMonitoring', 'retentionDays', (s) => new PlatformMonitoring(s, 'x', { ...base, retentionDays: -1 })],
  ['HardenedKeyVault', 'softDeleteRetentionDays', (s) => new HardenedKeyVault(s, 'x', { ...base, name: 'kv-prod', tenantId: 't', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z', logAnalyticsWorkspaceId: 'law', softDeleteRetentionDays: 365 })],
  ['HardenedKeyVault', 'logAnalyticsWorkspaceId', (s) => new HardenedKeyVault(s, 'x', { ...base, name: 'kv-prod', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z', logAnalyticsWorkspaceId: null as any })],
  ['TlsIngressGateway', 'certificateSecretId', (s) => new TlsIngressGateway(s, 'x', { ...base, subnetId: 'a', logAnalyticsWorkspaceId: 'law', certificateSecretId: 'not-a-uri', backendAddresses: ['10.0.0.1'] })],
  ['TlsIngressGateway', 'backendAddresses', (s) => new TlsIngressGateway(s, 'x', { ...base, subnetId: 'a', logAnalyticsWorkspaceId: 'law', mode: IngressGatewayMode.STANDALONE, certificateSecretId: 'https://kv-prod.vault.azure.net/secrets/tls', backendAddresses: ['8.8.8.8'] })],
  ['WorkloadIdentity', 'oidcIssuerUrl', (s) => new WorkloadIdentity(s, 'x', { ...base, oidcIssuerUrl: '', namespace: 'apps', serviceAccountName: 'api', keyVaultId: 'kv' })],
  ['KeyVaultSecretProviderClass', 'objects', (s) => new KeyVaultSecretProviderClass(s, 'x', { name: 'spc', namespace: 'apps', keyVaultName: 'kv', tenantId: 't', clientId: 'c', objects: undefined as any })],
  ['HardenedNamespace', 'name', (s) => new HardenedNamespace(s, 'x', { name: 'Not A Label' })],
  ['HardenedNamespace', 'resourceQuota.pods', (s) => new HardenedNamespace(s, 'x', { name: 'apps', resourceQuota: { pods: -5 } })],
  ['ClusterBaseline', 'cluster', (_s, app) => new ClusterBaseline(app, 'b', { cluster: undefined as any })],
  // The policy library validates the registries the baseline hands it.
  ['GatekeeperPoliciesAddon', 'allowedRegistries', (s, app) => new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: variable(s) })],
  ['GatekeeperPoliciesAddon', 'allowedRegistries', (_s, app) => new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['docker.io'] })],
  ['ExistingCluster', 'endpoint.host', () => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: 'http://api:6443', exec: Kubelogin.exec() } })],
  ['ExistingCluster', 'endpoint.token', () => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: 'https://api:6443', token: 'eyJhbGciOiJSUzI1NiJ9.literal' } })],
  ['HardenedRke2Cluster', 'kubernetesVersion', (s) => rke2(s, { kubernetesVersion: '1.32.5' })],
  ['HardenedRke2Cluster', 'azureClientSecret', (s) => rke2(s, { azureClientSecret: 'literal-secret' })],
  ['HardenedRke2Cluster', 'clusterName', (s) => rke2(s, { clusterName: '' })],
  ['Compliance.waive', 'reason', (s) => Compliance.waive(s, 'aks-private-cluster', '')],
  ['HardenedNamespace', 'resourceQuota.limitsMemory', (s) => new HardenedNamespace(s, 'x', { name: 'apps', resourceQuota: { limitsMemory: '4 GB' } })],
  ['Compliance.waive', 'ruleId', (s) => Compliance.waive(s, '' as any, 'a reason long enough')],
  // What Azure or Kubernetes would refuse at apply time.
  ['HardenedAksCluster', 'serviceCidr', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '10.0.0.0/8' }))],
  ['HardenedAksCluster', 'serviceCidr', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '172.31.0.0/16', dnsServiceIp: '172.31.0.10' }))],
  ['HardenedAksCluster', 'dnsServiceIp', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '10.100.0.0/16' }))],
  ['HardenedAksCluster', 'dnsServiceIp', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '10.100.0.0/16', dnsServiceIp: '10.100.0.1' }))],
  ['HardenedAksCluster', 'dnsServiceIp', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '10.100.0.0/16', dnsServiceIp: '10.100.255.255' }))],
  ['HardenedAksCluster', 'dnsServiceIp', (s) => new HardenedAksCluster(s, 'x', aksProps({ serviceCidr: '10.100.0.0/16', dnsServiceIp: '10.100.0.0' }))],
  ['HardenedAksCluster', 'dnsPrefix (derived from name)', (s) => new HardenedAksCluster(s, 'x', aksProps({ name: 'aks_prod' }))],
  ['HardenedAksCluster', 'dnsPrefix (derived from name)', (s) => new HardenedAksCluster(s, 'x', aksProps({ name: `a${'b'.repeat(58)}c` }))],
  ['HardenedAksCluster', 'dnsPrefix', (s) => new HardenedAksCluster(s, 'x', aksProps({ dnsPrefix: '-aks' }))],
  ['HardenedAksCluster', 'name', (s) => new HardenedAksCluster(s, 'x', aksProps({ name: 'aks-' }))],
  ['HardenedAksCluster', 'kmsKeyVaultKeyId', (s) => new HardenedAksCluster(s, 'x', aksProps({ kmsKeyVaultKeyId: 'https://kv-prod.vault.azure.net/keys/kms', apiServerSubnetId: 'snet' }))],
  ['HardenedNamespace', 'name', (s) => new HardenedNamespace(s, 'x', { name: 'kube-system' })],
  ['HardenedNamespace', 'name', (s) => new HardenedNamespace(s, 'x', { name: 'default' })],
  ['HardenedNamespace', 'name', (s) => new HardenedNamespace(s, 'x', { name: 'gatekeeper-system' })],
  ['HardenedNamespace', 'name', (_s, app) => new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], namespaces: [{ name: 'kube-public' }] })],
  ['HardenedNamespace', 'labels[].key', (s) => new HardenedNamespace(s, 'x', { name: 'apps', labels: [{ key: 'istio-injection', value: 'disabled' }] })],
  ['HardenedNamespace', 'labels[].key', (s) => new HardenedNamespace(s, 'x', { name: 'apps', labels: [{ key: 'admission.gatekeeper.sh/ignore', value: 'yes' }] })],
  ['WorkloadIdentity', 'serviceAccountName', (s) => new WorkloadIdentity(s, 'x', { ...base, oidcIssuerUrl: 'https://issuer.example.com/', namespace: 'apps', serviceAccountName: 'default', keyVaultId: 'kv' })],
  ['WorkloadIdentity', 'namespace', (s) => new WorkloadIdentity(s, 'x', { ...base, oidcIssuerUrl: 'https://issuer.example.com/', namespace: 'kube-system', serviceAccountName: 'api', keyVaultId: 'kv' })],
  ['HardenedKeyVault', 'allowedIpRanges[0]', (s) => new HardenedKeyVault(s, 'x', { ...vault, publicNetworkAccessEnabled: true, allowedIpRanges: ['0.0.0.0/0'] })],
  ['HardenedKeyVault', 'allowedIpRanges[1]', (s) => new HardenedKeyVault(s, 'x', { ...vault, allowedIpRanges: ['203.0.113.7', '10.0.0.0/8'] })],
  ['TlsIngressGateway', 'certificateSecretId', (s) => new TlsIngressGateway(s, 'x', { ...gateway, certificateSecretId: 'https://kv-prod.vault.microsoftazure.de/secrets/tls' })],
  // Exemptions and exceptions wider than what they name.
  ['GatekeeperPoliciesAddon', 'parameters.namespaces', (_s, app) =>
    new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], policyConstraints: [{ policy: GatekeeperPolicy.DISALLOWED_NAMESPACES, parameters: { namespaces: [] } }] })],
  ['GatekeeperPoliciesAddon', 'parameters.requiredLimits', (_s, app) =>
    new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], policyConstraints: [{ policy: GatekeeperPolicy.REQUIRED_RESOURCES, parameters: { requiredLimits: ['cpu'] } }] })],
  ['MeshIngressSource.applicationGatewaySubnet', 'cidr', () => MeshIngressSource.applicationGatewaySubnet('0.0.0.0/0')],
  ['MeshIngressSource.applicationGatewaySubnet', 'cidr', () => MeshIngressSource.applicationGatewaySubnet('10.0.0.0/8')],
  ['MeshEgressRule', 'cidrs', (_s, app) =>
    new ClusterBaseline(app, 'b', {
      cluster: cluster(),
      allowedRegistries: ['acrprod.azurecr.io/'],
      namespaces: [{ name: 'apps' }],
      istioOptions: { egressRules: [{ name: 'api', host: 'api.example.com', port: 443, protocol: MeshEgressProtocol.HTTPS, namespaces: ['apps'], cidrs: ['0.0.0.0/0'] }] },
    })],
];

describe.each(CASES)('%s rejects a bad %s', (construct, prop, build) => {
  test('with an error naming the construct and the prop, leaving no output', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'stack');
    let error: Error | undefined;
    try {
      build(stack, app);
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeDefined();
    expect(error?.message).toContain(construct);
    expect(error?.message).toContain(prop);
    expect(error?.message).toMatch(/Fix:|Allowed:/);
    const written = fs.readdirSync(app.outdir).flatMap((entry) => (entry === 'stacks' ? fs.readdirSync(path.join(app.outdir, entry)) : [entry]));
    expect(written).toEqual([]);
  });
});

// Escape hatches and semantic weakening that only the synthesized configuration shows: synth fails with the
// rule, naming the CIS control where the rule proves one.
type SynthCase = [string, string, RegExp | undefined, (app: App) => IRulePack];
const infraStack = (app: App) => azureStack(app, 'infra');
const rancherStack = (app: App) => {
  const s = new TerraformStack(app, 'rke2');
  new Rancher2Provider(s, 'rancher2', {});
  return s;
};
const privateGateway = (s: TerraformStack) =>
  new TlsIngressGateway(s, 'gw', { ...gateway, mode: IngressGatewayMode.STANDALONE, backendAddresses: ['10.0.0.10'], publicFrontend: false, privateFrontendIpAddress: '10.0.8.10' });
const SYNTH_CASES: SynthCase[] = [
  [
    'raw Helm values widen Gatekeeper exemptions',
    'helm-hardened-values',
    undefined,
    (app) => {
      new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], gatekeeperOptions: { values: { controllerManager: { exemptNamespacePrefixes: ['team-'] } } } });
      return new KubernetesBaselinePack();
    },
  ],
  [
    'an override of the Falco release sets a privileged container through a comma in a set value',
    'helm-hardened-values',
    undefined,
    (app) => {
      const b = new ClusterBaseline(app, 'b', { cluster: cluster(), gatekeeper: false, istio: false, trivy: false, kubeBench: false });
      const falco = b.chartsStack.node.findAll().find((c) => c instanceof HardenedHelmRelease) as HardenedHelmRelease;
      falco.release.addOverride('set', [{ name: 'tty', value: 'true,containerSecurityContext.privileged=true' }]);
      return new KubernetesBaselinePack();
    },
  ],
  [
    "istiod's legacy pilot prefix turns the Istio CNI off",
    'helm-hardened-values',
    undefined,
    (app) => {
      new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], istioOptions: { istiodValues: { pilot: { cni: { enabled: false } } } } });
      return new KubernetesBaselinePack();
    },
  ],
  [
    "an override adds a public address to the gateway's backend pool",
    'appgw-backend-private',
    undefined,
    (app) => {
      privateGateway(infraStack(app)).gateway.addOverride('backend_address_pool.0.ip_addresses', ['10.0.0.10', '20.50.1.2']);
      return new CisAksPack();
    },
  ],
  [
    'an override adds a public frontend to a gateway built private',
    'appgw-frontend-exposure',
    undefined,
    (app) => {
      privateGateway(infraStack(app)).gateway.addOverride('frontend_ip_configuration.1', { name: 'public', public_ip_address_id: '/subscriptions/s/publicIPAddresses/pip' });
      return new CisAksPack();
    },
  ],
  [
    'an override routes the HTTP listener to the backends instead of redirecting',
    'appgw-http-listener-redirect',
    /aks-1\.8\/5\.4\.5/,
    (app) => {
      const gw = privateGateway(infraStack(app)).gateway;
      gw.addOverride('request_routing_rule.0.redirect_configuration_name', null);
      gw.addOverride('request_routing_rule.0.backend_address_pool_name', 'backend');
      gw.addOverride('request_routing_rule.0.backend_http_settings_name', 'backend-settings');
      return new CisAksPack();
    },
  ],
  [
    'an override lets the whole Internet through the Key Vault firewall',
    'keyvault-network-acl-deny',
    /aks-1\.8\/4\.5\.2/,
    (app) => {
      new HardenedKeyVault(infraStack(app), 'kv', vault).vault.addOverride('network_acls.ip_rules', ['0.0.0.0/0']);
      return new CisAksPack();
    },
  ],
  [
    'a service CIDR inside the VNet the cluster runs in',
    'aks-service-cidr-outside-vnet',
    undefined,
    (app) => {
      const s = infraStack(app);
      const network = new AksNetwork(s, 'net', { ...base });
      new HardenedAksCluster(s, 'aks', aksProps({ systemSubnetId: network.systemSubnetId, serviceCidr: '10.240.128.0/20', dnsServiceIp: '10.240.128.10' }));
      return new CisAksPack();
    },
  ],
  [
    'an RKE2 selector entry keeps the hardened keys and re-enables anonymous auth on the control plane',
    'rke2-api-server-args',
    /rke2-cis-1\.8\/1\.2\.1\b/,
    (app) => {
      const s = rancherStack(app);
      const global = { 'kube-apiserver-arg': ['enable-admission-plugins=NodeRestriction,AlwaysPullImages,DenyServiceExternalIPs,EventRateLimit', 'anonymous-auth=true'] };
      rke2(s, { machineSelectorConfigs: [{ config: JSON.stringify(global), machineLabelSelector: { matchLabels: { 'rke.cattle.io/control-plane-role': 'true' } } }] });
      return new CisRke2Pack();
    },
  ],
  [
    "an RKE2 selector entry for the workers replaces their kubelet arguments (and drops the cipher suites)",
    'rke2-kubelet-strong-ciphers',
    /rke2-cis-1\.8\/4\.2\.12/,
    (app) => {
      rke2(rancherStack(app), { machineSelectorConfigs: [{ config: JSON.stringify({ 'kubelet-arg': ['pod-max-pids=4096'] }), machineLabelSelector: { matchLabels: { 'rke.cattle.io/worker-role': 'true' } } }] });
      return new CisRke2Pack();
    },
  ],
  // Terraform's meta-arguments and the objects around the constraints.
  [
    "an override sets count 0 on the cluster's audit diagnostic setting",
    'aks-audit-logs',
    /aks-1\.8\/2\.1\.1\b/,
    (app) => {
      const s = infraStack(app);
      new HardenedAksCluster(s, 'aks', aksProps());
      s.node.findAll().filter((c): c is TerraformResource => c instanceof TerraformResource && c.terraformResourceType === 'azurerm_monitor_diagnostic_setting').forEach((d) => d.addOverride('count', 0));
      return new CisAksPack();
    },
  ],
  [
    "an override replaces a ConstraintTemplate's validations with true",
    'gatekeeper-template-unchanged',
    /aks-1\.8\/4\.2\.1\b/,
    (app) => {
      const b = new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], istio: false, trivy: false, falco: false, kubeBench: false });
      const template = b.objectsStack.node.findAll().find((c) => c instanceof Manifest && c.node.id === GatekeeperPolicy.PRIVILEGED_CONTAINER) as Manifest;
      template.addOverride('manifest.spec.targets.0.code.0.source.validations', [{ expression: 'true', messageExpression: "'ok'" }]);
      return new KubernetesBaselinePack();
    },
  ],
  [
    'an override points a pod constraint at ConfigMaps',
    'gatekeeper-constraint-enforced',
    /aks-1\.8\/4\.2\.2\b/,
    (app) => {
      const b = new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], istio: false, trivy: false, falco: false, kubeBench: false });
      const constraint = b.policiesStack.node.findAll().find((c) => c instanceof Manifest && c.node.id === GatekeeperPolicy.HOST_NAMESPACES) as Manifest;
      constraint.addOverride('manifest.spec.match.kinds.0.kinds.0', 'ConfigMap');
      return new KubernetesBaselinePack();
    },
  ],
  [
    "a Gatekeeper Config excludes a workload namespace from the webhook",
    'gatekeeper-constraint-exemptions',
    /aks-1\.8\/4\.2\.1\b/,
    (app) => {
      const b = new ClusterBaseline(app, 'b', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'], istio: false, trivy: false, falco: false, kubeBench: false });
      new Manifest(b.objectsStack, 'gatekeeper-config', {
        manifest: { apiVersion: 'config.gatekeeper.sh/v1alpha1', kind: 'Config', metadata: { name: 'config', namespace: 'gatekeeper-system' }, spec: { match: [{ excludedNamespaces: ['payments'], processes: ['*'] }] } },
      });
      return new KubernetesBaselinePack();
    },
  ],
  [
    'the AKS managed mesh lets sidecars reach any external host',
    'istio-outbound-registry-only',
    undefined,
    (app) => {
      const aks = ExistingCluster.fromAttributes({ clusterName: 'c', managedIstioRevision: 'asm-1-30', endpoint: { host: 'https://api.example.com:6443', exec: Kubelogin.exec() } });
      new ClusterBaseline(app, 'b', { cluster: aks, gatekeeper: false, trivy: false, falco: false, kubeBench: false, istioOptions: { outboundTrafficPolicy: MeshOutboundTrafficPolicy.ALLOW_ANY } });
      return new KubernetesBaselinePack();
    },
  ],
  [
    'an override adds an Allow custom rule to the WAF policy',
    'appgw-waf-policy-no-bypass',
    undefined,
    (app) => {
      privateGateway(infraStack(app)).wafPolicy.addOverride('custom_rules', [
        { name: 'office', priority: 1, rule_type: 'MatchRule', action: 'Allow', match_conditions: [{ match_variables: [{ variable_name: 'RemoteAddr' }], operator: 'IPMatch', match_values: ['0.0.0.0/0'] }] },
      ]);
      return new CisAksPack();
    },
  ],
];

describe.each(SYNTH_CASES)('%s', (_what, ruleId, control, build) => {
  test(`fails synth with ${ruleId}`, () => {
    const app = testApp();
    const pack = build(app);
    let blocked = '';
    try {
      synthWithPacks(app, [pack]);
    } catch (e) {
      blocked = (e as Error).message;
    }
    const line = blocked.split('\n').find((l) => l.includes(`FAIL ${ruleId} `));
    expect([ruleId, line]).toEqual([ruleId, expect.any(String)]);
    if (control) {
      expect(line).toMatch(control);
    }
  });
});

test('a KMS key whose fixed expiry has passed synthesizes with the kms-key-expired warning', () => {
  const s = infraStack(testApp());
  const key = new KmsKey(s, 'kms', { name: 'aks-kms', keyVault: new HardenedKeyVault(s, 'kv', vault), expirationDate: '2024-01-01T00:00:00Z' });
  expect(key.node.metadata.map((m) => String(m.data))).toContainEqual(expect.stringMatching(/^\[kms-key-expired\]/));
});

// Every public constructor and static method of the jsii assembly, called with null and undefined for each
// required argument and each required prop of a props argument, as JavaScript callers can. VALID holds one
// valid call per entry point; the cases are derived from the assembly, so a new entry point fails the first
// test until it is listed here, and a new required prop is covered without a change.
interface JsiiParam {
  readonly name: string;
  readonly optional?: boolean;
  readonly type: { fqn?: string; primitive?: string; collection?: unknown; union?: unknown };
}
interface JsiiCallable {
  readonly name?: string;
  readonly static?: boolean;
  readonly protected?: boolean;
  readonly parameters?: JsiiParam[];
}
interface JsiiType {
  readonly kind: string;
  readonly abstract?: boolean;
  readonly initializer?: JsiiCallable;
  readonly methods?: JsiiCallable[];
  readonly properties?: JsiiParam[];
  readonly interfaces?: string[];
  readonly datatype?: boolean;
}
const ASSEMBLY: Record<string, JsiiType> = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf-8')).types;
const FQN = 'cdktf-hardened-k8s.';

/** An entry point: `Class` (its constructor) or `Class.method` (a static method). */
interface EntryPoint {
  readonly id: string;
  readonly className: string;
  readonly callable: JsiiCallable;
}
const ENTRY_POINTS: EntryPoint[] = Object.entries(ASSEMBLY).flatMap(([fqn, type]) => {
  if (type.kind !== 'class') {
    return [];
  }
  const className = fqn.slice(FQN.length);
  const ctor = type.initializer && !type.abstract && !type.initializer.protected ? [{ id: className, className, callable: type.initializer }] : [];
  const statics = (type.methods ?? []).filter((m) => m.static).map((m) => ({ id: `${className}.${m.name}`, className, callable: m }));
  return [...ctor, ...statics];
});

/** Required props of a struct, own and inherited from the library's structs. */
function requiredProps(fqn: string | undefined): JsiiParam[] {
  const type = fqn ? ASSEMBLY[fqn] : undefined;
  if (!type?.datatype) {
    return [];
  }
  return [...(type.properties ?? []).filter((p) => !p.optional), ...(type.interfaces ?? []).flatMap(requiredProps)];
}

/** A value of type `any` may be null: only typed arguments and props are required to be given. */
const typed = (p: JsiiParam) => p.type.primitive !== 'any';

const secret = (s: Construct) => new TerraformVariable(s, `secret-${s.node.children.length}`, { type: 'string', sensitive: true }).stringValue;
const rke2Props = (s: Construct) => ({
  clusterName: 'rke2',
  kubernetesVersion: 'v1.32.5+rke2r1',
  azureClientId: 'client',
  azureClientSecret: secret(s),
  azureSubscriptionId: 'sub',
  location: 'westeurope',
  resourceGroupName: 'rg',
  virtualNetworkName: 'vnet',
  subnetName: 'snet',
  networkSecurityGroup: 'nsg',
  allowedRegistries: ['acrprod.azurecr.io/'],
});
const keyVault = (s: TerraformStack) => new HardenedKeyVault(s, `kv-${s.node.children.length}`, vault);

/** One valid call of each entry point: the arguments, given a fresh stack in a fresh app. */
const VALID: Record<string, (s: TerraformStack, app: App) => any[]> = {
  'AksNetwork': (s) => [s, 'x', { ...base }],
  'AksNetwork.fromSubnetIds': () => [{ systemSubnetId: 'a', userSubnetId: 'b', applicationGatewaySubnetId: 'c', privateEndpointSubnetId: 'd' }],
  'AksNodePool': (s) => [s, 'x', { name: 'apps', subnetId: 'snet', kubernetesClusterId: 'id' }],
  'AzureKeyVaultProviderVersion.of': () => ['1.8.3', '1.8.3'],
  'CisAksPack': () => [],
  'CisCatalog': () => [],
  'CisCatalog.benchmark': () => [CisBenchmark.AKS_1_8],
  'CisCatalog.benchmarks': () => [],
  'CisCatalog.controls': () => [CisBenchmark.AKS_1_8],
  'CisCatalog.controlsImplementedBy': () => [CisBenchmark.AKS_1_8, ControlImplementation.IAC],
  'CisCatalog.find': () => [CisBenchmark.AKS_1_8, '5.4.2'],
  'CisCatalog.releaseFor': () => [CisBenchmark.AKS_1_8, 33],
  'CisCatalog.resolve': () => [{ benchmark: CisBenchmark.AKS_1_8, id: '5.4.2' }],
  'CisCatalog.tryFind': () => [CisBenchmark.AKS_1_8, '5.4.2'],
  'CisRke2Pack': () => [],
  'ClusterBaseline': (_s, app) => [app, 'b', { cluster: cluster(), gatekeeper: false }],
  'Compliance.of': (s) => [s, {}],
  'Compliance.waive': (s) => [s, 'aks-private-cluster', 'a reason long enough'],
  'ExistingCluster.fromAttributes': () => [{ clusterName: 'c', endpoint: { host: 'https://api.example.com:6443', exec: Kubelogin.exec() } }],
  'FalcoAddon': () => [{}],
  'FalcoVersion.of': () => ['9.1.1', '0.44.2'],
  'GatekeeperAddon': () => [{}],
  'GatekeeperPoliciesAddon': () => [{ allowedRegistries: ['acrprod.azurecr.io/'] }],
  'GatekeeperVersion.of': () => ['3.23.1', 'v3.23.1'],
  'GatewayTlsPolicy.custom': () => [TlsProtocolVersion.TLSV1_2, ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384']],
  'HardenedAksCluster': (s) => [s, 'x', aksProps()],
  'HardenedContainerRegistry': (s) => [s, 'x', { ...base, name: 'acrprod', privateEndpointSubnetId: 'a', privateDnsZoneId: 'z' }],
  'HardenedHelmRelease': (s) => [s, 'x', { pin: FalcoVersion.V9_1_0, releaseName: 'falco', namespace: 'falco', hardenedValues: {} }],
  'HardenedKeyVault': (s) => [s, 'x', vault],
  'HardenedNamespace': (s) => [s, 'x', { name: 'apps' }],
  'HardenedRke2Cluster': (s) => [s, 'x', rke2Props(s)],
  'HardenedValuesRegistry.charts': () => [],
  'HardenedValuesRegistry.keysFor': () => ['falco', undefined],
  'HardenedValuesRegistry.register': () => ['my-agent', [{ path: 'securityContext.privileged', value: false, reason: 'never privileged' }]],
  'HardenedK8sErrors.isHardenedK8sError': () => [new Error('x')],
  'HelmValues.fromKeys': () => [[{ path: 'a', value: 1, reason: 'r' }]],
  'HelmValues.mergeAll': () => [[{ a: 1 }]],
  'HelmValues.overriddenKeys': () => [[{ path: 'a', value: 1, reason: 'r' }], { a: 1 }],
  'HelmValues.resolve': () => [{ a: 1 }],
  'HelmValues.stableJson': () => [{ a: 1 }],
  'HelmValues.valueAt': () => [{ a: 1 }, 'a'],
  'HelmValues.withPath': () => [{}, 'a.b', 1],
  'IstioAddon': () => [{}],
  'IstioVersion.of': () => ['1.30.4'],
  'KeyVaultSecretProviderClass': (s) => [
    s,
    'x',
    { name: 'spc', namespace: 'apps', keyVaultName: 'kv-prod', tenantId: 't', clientId: 'c', objects: [{ objectName: 'db', objectType: KeyVaultObjectType.SECRET }] },
  ],
  'KmsKey': (s) => [s, 'x', { name: 'aks-kms', keyVault: keyVault(s), expirationDate: '2028-01-01T00:00:00Z' }],
  'KubeBenchAddon': () => [{}],
  'KubeBenchBenchmark.of': () => ['rke2-cis-1.8', KubernetesDistribution.RKE2],
  'KubeBenchVersion.of': () => ['docker.io/aquasec/kube-bench', 'v0.15.6'],
  'Kubelogin.exec': () => [KubeloginMode.AZURE_CLI],
  'KubernetesBaselinePack': () => [],
  'PlatformMonitoring': (s) => [s, 'x', { ...base }],
  'PodSecurityVersion.all': () => [],
  'PodSecurityVersion.of': () => ['v1.33'],
  'Rancher2AppV2': (s) => [s, 'x', { clusterId: 'c-m-1', name: 'app', namespace: 'ns', repoName: 'rancher-charts', chartName: 'chart' }],
  'Rancher2CloudCredential': (s) => [s, 'x', { name: 'cred' }],
  'Rancher2ClusterV2': (s) => [s, 'x', { name: 'c', kubernetesVersion: 'v1.32.5+rke2r1' }],
  'Rancher2MachineConfigV2': (s) => [s, 'x', { generateName: 'pool' }],
  'Rancher2Provider': (s) => [s, 'x', {}],
  'RancherComplianceScan': (s) => [s, 'scan', { cluster: new HardenedRke2Cluster(s, 'rke2', rke2Props(s)) }],
  'RkeClusterPolicyPack': () => [{}],
  'RulePack': () => ['mine', []],
  'SecretsStoreCsiAddon': () => [{}],
  'SecretsStoreCsiDriverVersion.of': () => ['1.6.1', '1.6.1'],
  'TlsIngressGateway': (s) => [s, 'x', gateway],
  'TrivyOperatorAddon': () => [{}],
  'TrivyOperatorVersion.of': () => ['0.34.1', '0.32.1'],
  'VaultSecret': (s) => [s, 'x', { name: 'db', value: secret(s), contentType: 'text/plain', expirationDate: '2028-01-01T00:00:00Z', keyVault: keyVault(s) }],
  'WorkloadIdentity': (s) => [s, 'x', { ...base, oidcIssuerUrl: 'https://issuer.example.com/', namespace: 'apps', serviceAccountName: 'api', keyVaultId: 'kv' }],
  'HardenedStateBackend': (_s, app) => [
    app,
    'tfstate',
    {
      storageAccountName: 'sttfstatetest',
      resourceGroupName: 'rg-tfstate',
      location: 'westeurope',
      privateEndpointSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pe',
      privateDnsZoneId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net',
      logAnalyticsWorkspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
      pipelinePrincipalIds: ['11111111-1111-1111-1111-111111111111'],
    },
  ],
  'MeshIngressSource.applicationGatewaySubnet': () => ['10.240.8.0/24'],
  'MeshIngressSource.istioIngressGateway': () => ['istio-ingress', 'istio-ingressgateway', undefined],
  'Rancher2ClusterRoleTemplateBinding': (s) => [s, 'x', { name: 'owners', clusterId: 'c-m-abc12', roleTemplateId: 'cluster-owner', groupPrincipalId: 'azuread_group://00000000-0000-0000-0000-000000000001' }],
  'Rancher2GlobalRoleBinding': (s) => [s, 'x', { globalRoleId: 'clusters-create', groupPrincipalId: 'azuread_group://00000000-0000-0000-0000-000000000001' }],
  'Rancher2Project': (s) => [s, 'x', { name: 'payments', clusterId: 'c-m-abc12' }],
  'Rancher2ProjectRoleTemplateBinding': (s) => [s, 'x', { name: 'members', projectId: 'c-m-abc12:p-abc12', roleTemplateId: 'project-member', groupPrincipalId: 'azuread_group://00000000-0000-0000-0000-000000000001' }],
  'RancherAccess': (s) => [s, 'x', {}],
  'RancherClusterRole.custom': () => ['rt-abc12'],
  'RancherGlobalRole.custom': () => ['gr-abc12'],
  'RancherGroup.entraId': () => ['00000000-0000-0000-0000-00000000a0a0'],
  'RancherGroup.principal': () => ['github_team://1234'],
  'RancherProjectRole.custom': () => ['rt-abc12'],
  'RemoteState.azureStorage': (_s, app) => [app, { storageAccountName: 'sttfstatetest' }],
  'RemoteState.hcpTerraform': (_s, app) => [app, { organization: 'platform-team' }],
  'TerraformStatePack': () => [],
};

/** Calls an entry point with the given arguments; returns the error, or undefined. */
function call(entry: EntryPoint, args: any[]): Error | undefined {
  const cls = (lib as any)[entry.className];
  try {
    if (entry.id === entry.className) {
      new cls(...args);
    } else {
      cls[entry.callable.name!](...args);
    }
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

function fresh(entry: EntryPoint): { stack: TerraformStack; args: any[] } {
  const app = testApp();
  const stack = azureStack(app, 'stack');
  return { stack, args: VALID[entry.id](stack, app) };
}

test('every public constructor and static method of the assembly has a valid call to start from', () => {
  expect(ENTRY_POINTS.map((e) => e.id).filter((id) => !VALID[id])).toEqual([]);
  expect(Object.keys(VALID).filter((id) => !ENTRY_POINTS.some((e) => e.id === id))).toEqual([]);
});

test.each(ENTRY_POINTS.map((e) => [e.id, e]))('%s: the valid call succeeds', (_id, entry) => {
  expect(call(entry, fresh(entry).args)).toBeUndefined();
});

interface NullCase {
  readonly entry: EntryPoint;
  readonly what: string;
  readonly name: string;
  readonly optional: boolean;
  readonly make: (args: any[], value: null | undefined) => any[];
}
const NULL_CASES: NullCase[] = ENTRY_POINTS.flatMap((entry) =>
  (entry.callable.parameters ?? []).flatMap((param, i): NullCase[] => {
    const replaceArg = (args: any[], value: null | undefined) => args.map((a, j) => (j === i ? value : a));
    const argument = typed(param) ? [{ entry, what: 'argument', name: param.name, optional: param.optional === true, make: replaceArg }] : [];
    const props = requiredProps(param.type.fqn)
      .filter(typed)
      .map((prop) => ({
        entry,
        what: `${param.name} prop`,
        name: prop.name,
        optional: false,
        make: (args: any[], value: null | undefined) => args.map((a, j) => (j === i ? { ...a, [prop.name]: value } : a)),
      }));
    return [...argument, ...props];
  }),
);

describe.each(NULL_CASES.map((c) => [`${c.entry.id} ${c.what} ${c.name}`, c]))('%s', (_label, c) => {
  test.each([[null], [undefined]])('given %p', (value) => {
    const error = call(c.entry, c.make(fresh(c.entry).args, value));
    if (c.optional) {
      // jsii reads null as "not given": an optional argument may be left out either way.
      expect(error?.message).toBeUndefined();
      return;
    }
    expect(error).toBeDefined();
    expect({ name: error!.name, isLibraryError: HardenedK8sErrors.isHardenedK8sError(error) }).toEqual({ name: 'HardenedK8sError', isLibraryError: true });
    expect(error!.message).toContain(c.entry.id.replace(/\..*/, ''));
    expect(error!.message).toContain(c.name === 'scope' ? 'scope' : c.name);
  });
});
