// Every public construct fed bad input from a JavaScript caller: wrong types, empty strings, numbers out of
// range, unresolved tokens where a literal is needed. Each must fail at construction with an error that names
// the prop, and leave nothing in the output directory.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  AksNetwork,
  AksNodePool,
  ClusterBaseline,
  Compliance,
  ExistingCluster,
  HardenedAksCluster,
  HardenedContainerRegistry,
  HardenedKeyVault,
  HardenedNamespace,
  HardenedRke2Cluster,
  IngressGatewayMode,
  KeyVaultSecretProviderClass,
  Kubelogin,
  PlatformMonitoring,
  TlsIngressGateway,
  WorkloadIdentity,
} from '../lib';
import { aksProps } from './azure/aks-fixtures';
import { testApp } from './helpers/synth';

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
