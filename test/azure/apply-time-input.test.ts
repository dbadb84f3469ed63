// Input Azure would refuse at apply is refused at construction (the refusals are in the failure-behaviour
// table); this file holds what must stay accepted next to it, and the checks that need the synthesized stack.
import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { Testing, TerraformStack } from 'cdktf';
import { AksNetwork, CisAksPack, HardenedAksCluster, HardenedKeyVault, KmsKey, TlsIngressGateway, WorkloadIdentity } from '../../lib';
import { aksServiceCidrOutsideVnet } from '../../lib/compliance/rules/aks/service-cidr-outside-vnet';
import { evaluateRule } from '../helpers/rule-harness';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';
import { aksProps } from './aks-fixtures';
import { stack } from './helpers';

const VERSION = '0123456789abcdef0123456789abcdef';

describe('valid input stays accepted', () => {
  test.each(['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net'])('Key Vault URIs of every cloud that runs Key Vault: %s', (suffix) => {
    expect(() => new HardenedAksCluster(stack(), 'aks', aksProps({ kmsKeyVaultKeyId: `https://kv-platform.${suffix}/keys/kms/${VERSION}`, apiServerSubnetId: 'snet-api' }))).not.toThrow();
    const gateway = { name: 'agw', resourceGroupName: 'rg', location: 'chinanorth3', subnetId: 's', logAnalyticsWorkspaceId: 'law' };
    expect(() => new TlsIngressGateway(stack(), 'gw', { ...gateway, certificateSecretId: `https://kv-platform.${suffix}/secrets/tls` })).not.toThrow();
    expect(() => new TlsIngressGateway(stack(), 'gw', { ...gateway, certificateSecretId: `https://kv-platform.${suffix}/secrets/tls/${VERSION}` })).not.toThrow();
  });

  test('Azure Germany closed in 2021: its vault suffix is refused with the clouds that exist', () => {
    const make = () => new HardenedAksCluster(stack(), 'aks', aksProps({ kmsKeyVaultKeyId: `https://kv-platform.vault.microsoftazure.de/keys/kms/${VERSION}`, apiServerSubnetId: 'snet-api' }));
    expect(make).toThrow(/vault\.azure\.cn or vault\.usgovcloudapi\.net in Azure China and Azure Government/);
  });

  test.each([
    ['a /12 service network with a DNS IP inside it', { serviceCidr: '10.0.0.0/12', dnsServiceIp: '10.0.0.10' }],
    ['a /24 service network and its last usable address', { serviceCidr: '10.100.0.0/24', dnsServiceIp: '10.100.0.254' }],
    ['the second usable address', { serviceCidr: '10.100.0.0/24', dnsServiceIp: '10.100.0.2' }],
    ['a cluster name that is a DNS prefix', { name: 'aks-prod-1' }],
    ['an underscore name with its own DNS prefix', { name: 'aks_prod', dnsPrefix: 'aks-prod' }],
    ['a 63-character name with a short DNS prefix', { name: `a${'b'.repeat(61)}c`, dnsPrefix: 'aks' }],
  ])('AKS: %s', (_what, props) => {
    expect(() => new HardenedAksCluster(stack(), 'aks', aksProps(props))).not.toThrow();
  });

  test('a service account name with dots (Kubernetes allows DNS subdomains) gets a credential name Azure accepts', () => {
    const s = stack();
    const props = { name: 'id-api', resourceGroupName: 'rg', location: 'westeurope', oidcIssuerUrl: 'https://issuer.example.com/x/', keyVaultId: 'kv' };
    new WorkloadIdentity(s, 'wi', { ...props, namespace: 'payments', serviceAccountName: 'payments.api' });
    new WorkloadIdentity(s, 'long', { ...props, namespace: 'n'.repeat(63), serviceAccountName: 's'.repeat(100) });
    const names = Object.values<any>(JSON.parse(Testing.synth(s)).resource.azurerm_federated_identity_credential).map((c) => c.name);
    expect(names).toContainEqual('payments-payments-api');
    const long = names.find((n: string) => n.startsWith('nnn'));
    expect(long).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,119}$/);
    expect(long).toMatch(/-[0-9a-f]{8}$/);
    expect(Testing.synth(s)).toHaveResourceWithProperties(FederatedIdentityCredential, { subject: 'system:serviceaccount:payments:payments.api' });
  });

  test('Key Vault IP rules: public addresses and CIDRs', () => {
    const vault = { name: 'kv-platform', resourceGroupName: 'rg', location: 'westeurope', privateEndpointSubnetId: 'pe', virtualNetworkId: 'vnet', logAnalyticsWorkspaceId: 'law' };
    expect(() => new HardenedKeyVault(stack(), 'kv', { ...vault, publicNetworkAccessEnabled: true, allowedIpRanges: ['203.0.113.7', '198.51.100.0/24', '20.0.0.0/8'] })).not.toThrow();
  });
});

describe('a KMS key whose fixed expiry has passed', () => {
  const warnings = (expirationDate: string) => {
    const s = stack();
    const vault = new HardenedKeyVault(s, 'kv', { name: 'kv-platform', resourceGroupName: 'rg', location: 'westeurope', privateEndpointSubnetId: 'pe', virtualNetworkId: 'vnet', logAnalyticsWorkspaceId: 'law' });
    const key = new KmsKey(s, 'kms', { name: 'aks-kms', keyVault: vault, expirationDate });
    return key.node.metadata.map((m) => String(m.data)).filter((d) => d.startsWith('[kms-key-expired]'));
  };
  test('warns with a stable id, compared with the library release date (never the clock)', () => {
    expect(KmsKey.REFERENCE_DATE).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    expect(warnings('2025-06-30T00:00:00Z')).toEqual([expect.stringMatching(/^\[kms-key-expired\] KmsKey .*2025-06-30T00:00:00Z, before 2026-12-01T00:00:00Z/)]);
    expect(warnings(KmsKey.REFERENCE_DATE)).toHaveLength(1);
  });
  test('a key that expires after the reference date does not warn', () => {
    expect(warnings('2028-12-31T00:00:00Z')).toEqual([]);
  });
});

describe('aks-service-cidr-outside-vnet', () => {
  const AKS = 'azurerm_kubernetes_cluster';
  const stackOf = (serviceCidr: string, space = ['10.240.0.0/16'], subnet = ['10.240.0.0/22']) => ({
    azurerm_virtual_network: { vnet: { name: 'vnet', address_space: space } },
    azurerm_subnet: { system: { name: 'system', virtual_network_name: '${azurerm_virtual_network.vnet.name}', address_prefixes: subnet } },
    cluster: { network_profile: { service_cidr: serviceCidr }, default_node_pool: { vnet_subnet_id: '${azurerm_subnet.system.id}' } },
  });
  const judge = (s: ReturnType<typeof stackOf>) => evaluateRule(aksServiceCidrOutsideVnet, AKS, s.cluster, { azurerm_virtual_network: s.azurerm_virtual_network, azurerm_subnet: s.azurerm_subnet });

  test('compliant: outside the VNet', () => expect(judge(stackOf('172.16.0.0/16')).status).toBe('compliant'));
  test('non-compliant: inside the VNet, or a second address space, or a subnet', () => {
    expect(judge(stackOf('10.240.128.0/20'))).toEqual({ status: 'non-compliant', message: 'service_cidr 10.240.128.0/20 overlaps VNet azurerm_virtual_network.vnet (10.240.0.0/16)' });
    expect(judge(stackOf('172.16.0.0/16', ['10.240.0.0/16', '172.16.0.0/12'])).status).toBe('non-compliant');
    expect(judge(stackOf('10.0.0.0/8')).message).toMatch(/overlaps VNet .* subnet azurerm_subnet\.system \(10\.240\.0\.0\/22\)/);
  });
  test('unknown: an address space from a variable', () => expect(judge(stackOf('172.16.0.0/16', ['${var.space}'])).status).toBe('unknown'));
  test('not applicable: subnets of another stack, or no service CIDR', () => {
    expect(evaluateRule(aksServiceCidrOutsideVnet, AKS, { network_profile: { service_cidr: '10.0.0.0/8' }, default_node_pool: { vnet_subnet_id: '/subscriptions/s/x' } }).status).toBe('not-applicable');
    expect(evaluateRule(aksServiceCidrOutsideVnet, AKS, { network_profile: {} }).status).toBe('not-applicable');
  });

  test('end to end: an AksNetwork whose address space holds the default service CIDR fails synth', () => {
    const app = testApp();
    const infra: TerraformStack = azureStack(app, 'infra');
    const network = new AksNetwork(infra, 'net', {
      name: 'platform',
      resourceGroupName: 'rg',
      location: 'westeurope',
      addressSpace: '172.16.0.0/16',
      systemSubnetCidr: '172.16.0.0/22',
      userSubnetCidr: '172.16.4.0/22',
      applicationGatewaySubnetCidr: '172.16.8.0/24',
      privateEndpointSubnetCidr: '172.16.9.0/27',
      apiServerSubnetCidr: '172.16.9.32/28',
    });
    new HardenedAksCluster(infra, 'aks', aksProps({ systemSubnetId: network.systemSubnetId }));
    expect(() => synthWithPacks(app, [new CisAksPack()])).toThrow(/aks-service-cidr-outside-vnet .*service_cidr 172\.16\.0\.0\/16 overlaps VNet azurerm_virtual_network\./);
  });
});
