import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { NetworkSecurityRule } from '@cdktf/provider-azurerm/lib/network-security-rule';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { RouteTable } from '@cdktf/provider-azurerm/lib/route-table';
import { SecurityCenterSubscriptionPricing } from '@cdktf/provider-azurerm/lib/security-center-subscription-pricing';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { Testing, TerraformStack } from 'cdktf';
import { AksNetwork, AksNetworkProps, HardenedContainerRegistry, HardenedContainerRegistryProps, PlatformMonitoring } from '../../lib';

const base = { name: 'prod', resourceGroupName: 'rg', location: 'westeurope' };
const stack = () => new TerraformStack(Testing.app(), 'test');

describe('AksNetwork', () => {
  const s = stack();
  const network = new AksNetwork(s, 'network', { ...base, egressFirewallIp: '10.0.0.4', apiServerSubnetCidr: '10.240.9.32/28' });
  network.privateDnsZone('privatelink.azurecr.io');
  network.privateDnsZone('privatelink.azurecr.io');
  const out = Testing.synth(s);

  test('VNet and subnets with the documented defaults, no default outbound access', () => {
    expect(out).toHaveResourceWithProperties(VirtualNetwork, { address_space: ['10.240.0.0/16'] });
    for (const [name, cidr] of [['snet-system', '10.240.0.0/22'], ['snet-user', '10.240.4.0/22'], ['snet-appgw', '10.240.8.0/24']]) {
      expect(out).toHaveResourceWithProperties(Subnet, { name, address_prefixes: [cidr], default_outbound_access_enabled: false });
    }
    expect(out).toHaveResourceWithProperties(Subnet, { name: 'snet-private-endpoints', address_prefixes: ['10.240.9.0/27'], private_endpoint_network_policies: 'Enabled' });
  });

  test('API server subnet delegated to AKS', () => {
    expect(out).toHaveResourceWithProperties(Subnet, {
      name: 'snet-api-server',
      delegation: [{ name: 'aks-api-server', service_delegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }],
    });
  });

  test('Application Gateway NSG rules: GatewayManager, load balancer probes, 80/443', () => {
    expect(out).toHaveResourceWithProperties(NetworkSecurityRule, { name: 'allow-gateway-manager', source_address_prefix: 'GatewayManager', destination_port_ranges: ['65200-65535'] });
    expect(out).toHaveResourceWithProperties(NetworkSecurityRule, { name: 'allow-https', source_address_prefix: 'Internet', destination_port_ranges: ['443', '80'] });
    expect(Object.keys(JSON.parse(out).resource.azurerm_network_security_rule)).toHaveLength(3);
  });

  test('egress through the firewall and one private DNS zone per name', () => {
    expect(out).toHaveResourceWithProperties(RouteTable, {
      route: [{ name: 'default-to-firewall', address_prefix: '0.0.0.0/0', next_hop_type: 'VirtualAppliance', next_hop_in_ip_address: '10.0.0.4' }],
    });
    expect(Object.keys(JSON.parse(out).resource.azurerm_private_dns_zone)).toHaveLength(1);
    expect(out).toHaveResourceWithProperties(PrivateDnsZone, { name: 'privatelink.azurecr.io' });
  });

  test.each<[string, Partial<AksNetworkProps>, RegExp]>([
    ['invalid CIDR', { systemSubnetCidr: '10.240.0.1/22' }, /invalid systemSubnetCidr "10.240.0.1\/22"/],
    ['subnet outside the VNet', { userSubnetCidr: '10.241.0.0/22' }, /invalid userSubnetCidr "10.241.0.0\/22".*inside addressSpace/],
    ['overlapping subnets', { userSubnetCidr: '10.240.2.0/23' }, /invalid userSubnetCidr "10.240.2.0\/23".*not overlapping systemSubnetCidr/],
    ['gateway subnet too small', { applicationGatewaySubnetCidr: '10.240.8.0/27' }, /applicationGatewaySubnetCidr .*\/26 or larger/],
    ['node subnet too small for Azure CNI flat', { systemSubnetCidr: '10.240.0.0/24' }, /systemSubnetCidr "10.240.0.0\/24".*408 usable addresses.*has 251/],
    ['empty name', { name: '' }, /name is required/],
    ['an API server CIDR with the subnet turned off', { apiServerSubnetEnabled: false, apiServerSubnetCidr: '10.240.9.32/28' }, /invalid apiServerSubnetCidr "10.240.9.32\/28".*no CIDR when apiServerSubnetEnabled is false/],
    ['an API server subnet smaller than /28', { apiServerSubnetCidr: '10.240.9.48/29' }, /invalid apiServerSubnetCidr "10.240.9.48\/29".*\/28 or larger/],
    [
      'another address space, keeping a default subnet CIDR',
      { addressSpace: '10.50.0.0/16', systemSubnetCidr: '10.50.0.0/22', userSubnetCidr: '10.50.4.0/22', applicationGatewaySubnetCidr: '10.50.8.0/24', privateEndpointSubnetCidr: '10.50.9.0/27' },
      /invalid apiServerSubnetCidr "10.240.9.32\/28".*inside addressSpace 10.50.0.0\/16.*Fix: set apiServerSubnetCidr inside the address space \(10.240.9.32\/28 is its default/,
    ],
  ])('rejects %s', (_label, props, message) => {
    expect(() => new AksNetwork(stack(), 'n', { ...base, ...props } as AksNetworkProps)).toThrow(message);
  });

  test('the API server subnet KMS needs exists by default, delegated to AKS (CIS AKS 1.8 5.3.1)', () => {
    const s2 = stack();
    const byDefault = new AksNetwork(s2, 'network', base);
    expect(byDefault.apiServerSubnetId).toBeDefined();
    expect(Testing.synth(s2)).toHaveResourceWithProperties(Subnet, {
      name: 'snet-api-server',
      address_prefixes: ['10.240.9.32/28'],
      delegation: [{ name: 'aks-api-server', service_delegation: { name: 'Microsoft.ContainerService/managedClusters', actions: ['Microsoft.Network/virtualNetworks/subnets/join/action'] } }],
    });
  });

  test('apiServerSubnetEnabled: false leaves the API server subnet out', () => {
    const s2 = stack();
    const without = new AksNetwork(s2, 'network', { ...base, apiServerSubnetEnabled: false });
    expect(without.apiServerSubnetId).toBeUndefined();
    expect(Object.values<any>(JSON.parse(Testing.synth(s2)).resource.azurerm_subnet).map((sn) => sn.name).sort()).toEqual([
      'snet-appgw',
      'snet-private-endpoints',
      'snet-system',
      'snet-user',
    ]);
  });

  test('bring your own subnets', () => {
    const byo = AksNetwork.fromSubnetIds({ systemSubnetId: 'a', userSubnetId: 'b', applicationGatewaySubnetId: 'c', privateEndpointSubnetId: 'd' });
    expect(byo.userSubnetId).toBe('b');
    expect(() => AksNetwork.fromSubnetIds({ systemSubnetId: 'a', userSubnetId: '', applicationGatewaySubnetId: 'c', privateEndpointSubnetId: 'd' })).toThrow(/userSubnetId is required/);
  });
});

describe('HardenedContainerRegistry', () => {
  const props: HardenedContainerRegistryProps = { ...base, name: 'acrprod', privateEndpointSubnetId: 'snet-pe', privateDnsZoneId: 'zone', logAnalyticsWorkspaceId: 'log' };
  const s = stack();
  const registry = new HardenedContainerRegistry(s, 'registry', props);
  registry.grantPull('kubelet', 'kubelet-principal');
  registry.grantPush('ci', 'ci-principal');
  const out = Testing.synth(s);

  test('Premium, private, no admin, no anonymous pull, quarantine, retention, trust, zone redundant (CIS AKS 1.8 5.1.2)', () => {
    expect(out).toHaveResourceWithProperties(ContainerRegistry, {
      sku: 'Premium',
      admin_enabled: false,
      anonymous_pull_enabled: false,
      public_network_access_enabled: false,
      network_rule_set: [{ default_action: 'Deny', ip_rule: null }],
      network_rule_bypass_option: 'AzureServices',
      export_policy_enabled: false,
      quarantine_policy_enabled: true,
      retention_policy_in_days: 7,
      trust_policy_enabled: true,
      zone_redundancy_enabled: true,
      data_endpoint_enabled: true,
    });
  });

  test('private endpoint in its DNS zone and diagnostics', () => {
    expect(out).toHaveResourceWithProperties(PrivateEndpoint, { subnet_id: 'snet-pe', private_dns_zone_group: { name: 'registry', private_dns_zone_ids: ['zone'] } });
    expect(out).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      enabled_log: [{ category: 'ContainerRegistryLoginEvents' }, { category: 'ContainerRegistryRepositoryEvents' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
  });

  test('grants: AcrPull for the kubelet identity (CIS AKS 1.8 5.1.3), AcrPush for CI', () => {
    expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: 'AcrPull', principal_id: 'kubelet-principal' });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: 'AcrPush', principal_id: 'ci-principal' });
  });

  test('no geo-replication by default (a single-region registry)', () => {
    const registryConfig = Object.values<any>(JSON.parse(out).resource.azurerm_container_registry)[0];
    expect(registryConfig.sku).toBe('Premium');
    expect(registryConfig).not.toHaveProperty('georeplications');
  });

  test('replicas: zone redundant by default, locations normalized and sorted as azurerm expects (CKV_AZURE_165)', () => {
    const s2 = stack();
    new HardenedContainerRegistry(s2, 'registry', {
      ...props,
      replicas: [{ location: 'Sweden Central' }, { location: 'northeurope', zoneRedundancyEnabled: false }],
    });
    const registryConfig = Object.values<any>(JSON.parse(Testing.synth(s2)).resource.azurerm_container_registry)[0];
    expect(registryConfig.georeplications).toEqual([
      { location: 'northeurope', zone_redundancy_enabled: false },
      { location: 'swedencentral', zone_redundancy_enabled: true },
    ]);
  });

  test.each([
    ['the home region', [{ location: 'West Europe' }], /invalid replicas\[0\].location "West Europe". Allowed: a region other than the registry's own \(westeurope\)/],
    ['a region twice', [{ location: 'northeurope' }, { location: 'North Europe' }], /invalid replicas\[1\].location "North Europe". Allowed: each region once/],
    ['not a region', [{ location: 'north-europe!' }], /invalid replicas\[0\].location "north-europe!". Allowed: an Azure region name/],
    ['no location (JavaScript)', [{} as any], /invalid replicas\[0\].location undefined/],
    ['null entry (JavaScript)', [null as any], /invalid replicas\[0\].location undefined/],
  ])('rejects replicas with %s', (_label, replicas, message) => {
    expect(() => new HardenedContainerRegistry(stack(), 'r', { ...props, replicas })).toThrow(message);
  });

  test('quarantine can be left to the pipeline', () => {
    const s2 = stack();
    new HardenedContainerRegistry(s2, 'registry', { ...props, quarantinePolicyEnabled: false });
    expect(Testing.synth(s2)).toHaveResourceWithProperties(ContainerRegistry, { quarantine_policy_enabled: false });
  });

  test.each([
    ['a name with hyphens', { name: 'acr-prod' }, /invalid name "acr-prod".*5-50 letters and digits/],
    ['negative retention', { retentionDays: -1 }, /invalid retentionDays -1/],
    ['no private endpoint subnet', { privateEndpointSubnetId: '' }, /privateEndpointSubnetId is required/],
  ])('rejects %s', (_label, overrides, message) => {
    expect(() => new HardenedContainerRegistry(stack(), 'r', { ...props, ...overrides })).toThrow(message);
  });
});

describe('PlatformMonitoring', () => {
  test('workspace without shared keys, 90-day retention, cluster audit logs (CIS AKS 1.8 2.1.1)', () => {
    const s = stack();
    const monitoring = new PlatformMonitoring(s, 'monitoring', base);
    monitoring.addClusterDiagnostics('audit', 'cluster-id');
    const out = Testing.synth(s);
    expect(out).toHaveResourceWithProperties(LogAnalyticsWorkspace, { sku: 'PerGB2018', retention_in_days: 90, local_authentication_enabled: false });
    expect(out).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: 'cluster-id',
      enabled_log: [{ category: 'guard' }, { category: 'kube-apiserver' }, { category: 'kube-audit-admin' }],
      enabled_metric: [{ category: 'AllMetrics' }],
    });
    expect(JSON.parse(out).resource.azurerm_security_center_subscription_pricing).toBeUndefined();
  });

  test('existing workspace and the optional Defender for Containers plan (CIS AKS 1.8 5.1.1)', () => {
    const s = stack();
    const monitoring = new PlatformMonitoring(s, 'monitoring', { ...base, existingWorkspaceId: 'law', defenderForContainersPlan: true });
    expect(monitoring.workspaceId).toBe('law');
    const out = Testing.synth(s);
    expect(JSON.parse(out).resource.azurerm_log_analytics_workspace).toBeUndefined();
    expect(out).toHaveResourceWithProperties(SecurityCenterSubscriptionPricing, { resource_type: 'Containers', tier: 'Standard' });
  });

  test('rejects retention outside 30-730 days', () => {
    expect(() => new PlatformMonitoring(stack(), 'm', { ...base, retentionDays: 7 })).toThrow(/invalid retentionDays 7.*30 to 730/);
  });
});
