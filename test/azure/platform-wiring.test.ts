// A cluster wired to the registry and gateway of its app grants what a working platform needs (AcrPull for
// the kubelet, AGIC's roles on the gateway) and exports its audit logs; the hand-built ways keep working
// without creating anything twice, and the rules catch an app that forgets a grant.
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, Testing, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import {
  AksNetwork,
  CisAksPack,
  HardenedAksCluster,
  HardenedAksClusterProps,
  HardenedContainerRegistry,
  IngressGatewayMode,
  PlatformMonitoring,
  RulePack,
  TlsIngressGateway,
} from '../../lib';
import { aksAgicPermissions } from '../../lib/compliance/rules/aks/agic-permissions';
import { aksDiagnosticSettingsDistinct } from '../../lib/compliance/rules/aks/diagnostic-settings-distinct';
import { aksKubeletAcrPull } from '../../lib/compliance/rules/aks/kubelet-acr-pull';
import { aksAuditLogs } from '../../lib/compliance/rules/monitoring/audit-logs';
import { azureStack, findingsOf, synthWithPacks, testApp } from '../helpers/synth';
import { aksProps } from './aks-fixtures';

const GRANT_RULES = new RulePack('grants', [aksKubeletAcrPull, aksAgicPermissions, aksDiagnosticSettingsDistinct, aksAuditLogs]);
const ACR_ID = '/subscriptions/s/resourceGroups/rg-shared/providers/Microsoft.ContainerRegistry/registries/acrshared';

interface Platform {
  readonly network: AksNetwork;
  readonly monitoring: PlatformMonitoring;
  readonly registry: HardenedContainerRegistry;
  readonly gateway: TlsIngressGateway;
}

/** The Azure pieces a cluster is wired to, in one scope. */
function platform(scope: Construct, options: { gatewayMode?: IngressGatewayMode } = {}): Platform {
  const base = { resourceGroupName: 'rg-platform', location: 'westeurope' };
  const network = new AksNetwork(scope, 'network', { ...base, name: 'platform' });
  const monitoring = new PlatformMonitoring(scope, 'monitoring', { ...base, name: 'platform' });
  const registry = new HardenedContainerRegistry(scope, 'registry', {
    ...base,
    name: 'acrplatform',
    privateEndpointSubnetId: network.privateEndpointSubnetId,
    privateDnsZoneId: network.privateDnsZone('privatelink.azurecr.io'),
  });
  const standalone = options.gatewayMode === IngressGatewayMode.STANDALONE;
  const gateway = new TlsIngressGateway(scope, 'ingress', {
    ...base,
    name: 'agw-platform',
    subnetId: network.applicationGatewaySubnetId,
    certificateSecretId: 'https://kv-platform.vault.azure.net/secrets/ingress-tls',
    logAnalyticsWorkspaceId: monitoring.workspaceId,
    mode: options.gatewayMode,
    backendAddresses: standalone ? ['10.240.4.10'] : undefined,
  });
  return { network, monitoring, registry, gateway };
}

function wiredCluster(scope: Construct, p: Platform, overrides: Partial<HardenedAksClusterProps> = {}): HardenedAksCluster {
  const cluster = new HardenedAksCluster(scope, 'aks', {
    ...aksProps({ systemSubnetId: p.network.systemSubnetId, logAnalyticsWorkspaceId: p.monitoring.workspaceId }),
    containerRegistries: [p.registry],
    applicationGateway: p.gateway,
    ...overrides,
  });
  cluster.addUserNodePool('apps', p.network.userSubnetId);
  return cluster;
}

const rolesIn = (tf: any) =>
  Object.entries<any>(tf.resource.azurerm_role_assignment ?? {})
    .map(([name, r]) => ({ name, role: r.role_definition_name, scope: r.scope, principal: r.principal_id, principalType: r.principal_type }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));

describe('a cluster wired to the registry and gateway of its stack', () => {
  const app = testApp();
  const stack = azureStack(app, 'infra');
  const p = platform(stack);
  const cluster = wiredCluster(stack, p);
  // The hand-built calls of earlier versions give back what the wiring created, nothing twice.
  const pullAgain = p.registry.grantPull('kubelet-pull', cluster.kubeletIdentityObjectId);
  const auditAgain = p.monitoring.addClusterDiagnostics('aks-audit', cluster.clusterId);
  const result = synthWithPacks(app, [GRANT_RULES]);
  const tf = result.terraform('infra');
  const roles = rolesIn(tf);
  const kubelet = '${azurerm_user_assigned_identity.aks_kubelet-identity_A03C496A.principal_id}';
  const agic = '${azurerm_kubernetes_cluster.aks_cluster_D4B35EC5.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id}';

  test('AGIC manages the gateway', () => {
    expect(Testing.synth(stack)).toHaveResourceWithProperties(KubernetesCluster, { ingress_application_gateway: { gateway_id: '${azurerm_application_gateway.ingress_gateway_5B1E2826.id}' } });
  });

  test('the kubelet identity gets AcrPull, once, on the registry (CIS AKS 1.8 5.1.3)', () => {
    expect(roles.filter((r) => r.role === 'AcrPull')).toEqual([
      { name: 'aks_acr-pull_infra-registry_F61FC80B', role: 'AcrPull', scope: '${azurerm_container_registry.registry_71CE07F6.id}', principal: kubelet, principalType: 'ServicePrincipal' },
    ]);
    expect(cluster.acrPullRoleAssignments).toEqual([pullAgain]);
  });

  test('the AGIC identity gets its four roles: gateway, its resource group, its subnet, its identity', () => {
    expect(roles.filter((r) => r.principal === agic).map(({ role, scope, principalType }) => ({ role, scope, principalType }))).toEqual([
      { role: 'Contributor', scope: '${azurerm_application_gateway.ingress_gateway_5B1E2826.id}', principalType: 'ServicePrincipal' },
      { role: 'Managed Identity Operator', scope: '${azurerm_user_assigned_identity.ingress_identity_C2DE184B.id}', principalType: 'ServicePrincipal' },
      { role: 'Reader', scope: '${regex("^/subscriptions/[^/]+/resourceGroups/[^/]+", azurerm_application_gateway.ingress_gateway_5B1E2826.id)}', principalType: 'ServicePrincipal' },
      { role: 'Network Contributor', scope: '${azurerm_subnet.network_snet-appgw_ACF943A0.id}', principalType: 'ServicePrincipal' },
    ]);
    expect(cluster.agicRoleAssignments).toHaveLength(4);
  });

  test('one audit setting, which addClusterDiagnostics returns instead of writing a second', () => {
    expect(Object.keys(tf.resource.azurerm_monitor_diagnostic_setting).filter((k) => k.startsWith('aks_') || k.startsWith('monitoring_'))).toEqual(['aks_audit-logs_29F7DEFF']);
    expect(auditAgain).toBe(cluster.auditDiagnosticSetting);
  });

  test.each(['aks-kubelet-acr-pull', 'aks-agic-permissions', 'aks-diagnostic-settings-distinct', 'aks-audit-logs'])('%s is compliant', (ruleId) => {
    expect(findingsOf(result, 'infra', ruleId).map((f) => f.status)).toEqual(['compliant']);
  });
});

describe('registry and gateway in a shared stack, the cluster in its own', () => {
  const app = testApp();
  const shared = azureStack(app, 'shared');
  const infra = azureStack(app, 'infra');
  const p = platform(shared);
  wiredCluster(infra, p);
  const result = synthWithPacks(app, [GRANT_RULES]);

  test('the grants live with the cluster, so only the cluster stack depends on the shared one', () => {
    expect(rolesIn(result.terraform('shared')).map((r) => r.role)).toEqual([]);
    expect(rolesIn(result.terraform('infra')).map((r) => r.role).sort()).toEqual(
      ['AcrPull', 'Contributor', 'Managed Identity Operator', 'Managed Identity Operator', 'Network Contributor', 'Network Contributor', 'Reader'].sort(),
    );
    expect(JSON.stringify(result.terraform('shared'))).not.toContain('remote_state');
    expect(JSON.stringify(result.terraform('infra'))).toContain('terraform_remote_state');
  });

  test('the grant rules judge the cluster stack compliant', () => {
    for (const ruleId of ['aks-kubelet-acr-pull', 'aks-agic-permissions']) {
      expect([ruleId, findingsOf(result, 'infra', ruleId).map((f) => f.status)]).toEqual([ruleId, ['compliant']]);
    }
  });
});

describe('registries and gateways created elsewhere', () => {
  test('containerRegistryIds: AcrPull on each id', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const cluster = new HardenedAksCluster(stack, 'aks', aksProps({ containerRegistryIds: [ACR_ID] }));
    const pulls = rolesIn(JSON.parse(Testing.synth(stack))).filter((r) => r.role === 'AcrPull');
    expect(pulls.map((r) => [r.name, r.scope])).toEqual([['aks_acr-pull_acrshared_887089EF', ACR_ID]]);
    expect(cluster.acrPullRoleAssignments).toHaveLength(1);
  });

  test('applicationGatewayId: AGIC on, grants left to grantAgic, which the rule then accepts', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const p = platform(stack);
    const rg = new ResourceGroup(stack, 'rg', { name: 'rg-platform', location: 'westeurope' });
    const cluster = wiredCluster(stack, p, { applicationGateway: undefined, applicationGatewayId: p.gateway.gatewayId });
    expect(cluster.agicRoleAssignments).toEqual([]);
    p.gateway.grantAgic(cluster.agicIdentityObjectId, p.network.applicationGatewaySubnetId, rg.id);
    const result = synthWithPacks(app, [GRANT_RULES]);
    expect(findingsOf(result, 'infra', 'aks-agic-permissions').map((f) => f.status)).toEqual(['compliant']);
  });
});

describe('a hand-built app that forgets a grant fails synth naming the rule and the fix', () => {
  const build = (wire: (app: App, stack: TerraformStack, p: Platform, cluster: HardenedAksCluster) => void) => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const p = platform(stack);
    const cluster = wiredCluster(stack, p, { containerRegistries: undefined, applicationGateway: undefined, applicationGatewayId: p.gateway.gatewayId });
    wire(app, stack, p, cluster);
    return () => synthWithPacks(app, [new CisAksPack()]);
  };

  test('no AcrPull for the kubelet: aks-kubelet-acr-pull', () => {
    const synth = build((_app, _stack, p, cluster) => p.gateway.grantAgic(cluster.agicIdentityObjectId, p.network.applicationGatewaySubnetId, '/subscriptions/s/resourceGroups/rg-platform'));
    expect(synth).toThrow(/aks-kubelet-acr-pull .*the kubelet identity has no AcrPull: the nodes cannot pull from azurerm_container_registry\.registry_71CE07F6/);
  });

  test('no AGIC grants: aks-agic-permissions', () => {
    const synth = build((_app, _stack, p, cluster) => p.registry.grantPull('pull', cluster.kubeletIdentityObjectId));
    expect(synth).toThrow(/aks-agic-permissions .*the AGIC identity lacks Contributor on the gateway, Reader on the gateway resource group/);
  });

  test('a second audit setting written by hand: aks-diagnostic-settings-distinct', () => {
    const synth = build((_app, stack, p, cluster) => {
      p.registry.grantPull('pull', cluster.kubeletIdentityObjectId);
      p.gateway.grantAgic(cluster.agicIdentityObjectId, p.network.applicationGatewaySubnetId, '/subscriptions/s/resourceGroups/rg-platform');
      // The raw resource's id is another token than clusterId, so the construct cannot see the duplicate.
      new PlatformMonitoring(stack, 'central', { name: 'central', resourceGroupName: 'rg', location: 'westeurope', existingWorkspaceId: p.monitoring.workspaceId }).addClusterDiagnostics(
        'audit',
        cluster.cluster.id,
      );
    });
    expect(synth).toThrow(/aks-diagnostic-settings-distinct .*are both named "control-plane-audit"/);
  });
});

describe('addClusterDiagnostics', () => {
  test('for a cluster created elsewhere, a second call for the same id returns the first setting', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const monitoring = new PlatformMonitoring(stack, 'monitoring', { name: 'p', resourceGroupName: 'rg', location: 'westeurope' });
    const first = monitoring.addClusterDiagnostics('a', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks');
    expect(monitoring.addClusterDiagnostics('b', '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks')).toBe(first);
    expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.azurerm_monitor_diagnostic_setting)).toHaveLength(1);
  });

  test('with the cluster audit off, the monitoring construct writes the one setting', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const p = platform(stack);
    const cluster = wiredCluster(stack, p, { auditLogsEnabled: false });
    const setting = p.monitoring.addClusterDiagnostics('aks-audit', cluster.clusterId);
    const settings = Object.entries<any>(JSON.parse(Testing.synth(stack)).resource.azurerm_monitor_diagnostic_setting).filter(([, s]) => s.name === 'control-plane-audit');
    expect(settings.map(([k]) => k)).toEqual(['monitoring_aks-audit_456E0915']);
    expect(setting).not.toBe(cluster.auditDiagnosticSetting);
  });

  test('to another workspace than the cluster already uses: a clear error', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const p = platform(stack);
    const cluster = wiredCluster(stack, p, { logAnalyticsWorkspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/other' });
    expect(() => p.monitoring.addClusterDiagnostics('aks-audit', cluster.clusterId)).toThrow(
      /PlatformMonitoring infra\/monitoring: addClusterDiagnostics\("aks-audit"\) targets HardenedAksCluster infra\/aks, which already sends its audit logs.*Fix: remove this call.*auditLogsEnabled: false/,
    );
  });

  test('without a cluster id: a clear error', () => {
    const monitoring = new PlatformMonitoring(azureStack(Testing.app(), 'infra'), 'monitoring', { name: 'p', resourceGroupName: 'rg', location: 'westeurope' });
    expect(() => monitoring.addClusterDiagnostics('a', undefined as any)).toThrow(/PlatformMonitoring infra\/monitoring: clusterId is required.*cluster\.clusterId/);
  });
});

describe('one AGIC per gateway, granted once', () => {
  test('grantAgic after the cluster wired the gateway', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const p = platform(stack);
    const cluster = wiredCluster(stack, p);
    expect(() => p.gateway.grantAgic(cluster.agicIdentityObjectId, p.network.applicationGatewaySubnetId, '/rg')).toThrow(
      /TlsIngressGateway infra\/ingress: HardenedAksCluster infra\/aks already uses it for AGIC \(applicationGateway\); this grantAgic call would grant a second time.*Fix: call grantAgic once/,
    );
  });

  test('wiring a gateway grantAgic already granted, or a second cluster on one gateway', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const p = platform(stack);
    p.gateway.grantAgic('00000000-0000-0000-0000-0000000000a1', p.network.applicationGatewaySubnetId, '/rg');
    expect(() => wiredCluster(stack, p)).toThrow(/grantAgic was already called; HardenedAksCluster infra\/aks \(applicationGateway\) would grant a second time/);
    const other = azureStack(Testing.app(), 'other');
    const q = platform(other);
    wiredCluster(other, q);
    expect(() => new HardenedAksCluster(other, 'aks2', aksProps({ name: 'aks-two', applicationGateway: q.gateway }))).toThrow(
      /HardenedAksCluster other\/aks already uses it for AGIC \(applicationGateway\); HardenedAksCluster other\/aks2 \(applicationGateway\) would grant a second time/,
    );
  });

  test('a STANDALONE gateway cannot be handed to AGIC', () => {
    const stack = azureStack(Testing.app(), 'infra');
    const p = platform(stack, { gatewayMode: IngressGatewayMode.STANDALONE });
    expect(() => wiredCluster(stack, p)).toThrow(/TlsIngressGateway infra\/ingress: invalid mode "standalone".*IngressGatewayMode.AGIC for HardenedAksCluster infra\/aks/);
  });
});

describe('wiring props: bad input names the prop, the value and the fix', () => {
  const stack = azureStack(Testing.app(), 'infra');
  const p = platform(stack);
  let n = 0;
  const make = (overrides: Record<string, unknown>) => () => new HardenedAksCluster(stack, `aks${n++}`, aksProps(overrides as Partial<HardenedAksClusterProps>));

  test.each<[string, Record<string, unknown>, RegExp]>([
    ['a registry id in containerRegistries', { containerRegistries: [ACR_ID] }, /invalid containerRegistries\[0\] ".*registries\/acrshared".*HardenedContainerRegistry constructs.*containerRegistryIds/],
    ['containerRegistries not a list', { containerRegistries: 'acr' }, /invalid containerRegistries "acr".*a list of HardenedContainerRegistry/],
    ['a null registry', { containerRegistries: [null] }, /invalid containerRegistries\[0\] null/],
    ['the same registry twice', { containerRegistries: [p.registry, p.registry] }, /invalid containerRegistries\[1\] "infra\/registry".*each registry once/],
    ['a registry by construct and by id', { containerRegistries: [p.registry], containerRegistryIds: [p.registry.registryId] }, /invalid containerRegistryIds\[0\].*each registry once/],
    ['an id that is not a registry id', { containerRegistryIds: ['acrshared.azurecr.io'] }, /invalid containerRegistryIds\[0\] "acrshared.azurecr.io".*Microsoft.ContainerRegistry\/registries/],
    ['an empty id', { containerRegistryIds: [''] }, /invalid containerRegistryIds\[0\] ""/],
    ['one id twice, in another case', { containerRegistryIds: [ACR_ID, ACR_ID.toUpperCase()] }, /invalid containerRegistryIds\[1\].*each registry once/],
    ['containerRegistryIds not a list', { containerRegistryIds: ACR_ID }, /invalid containerRegistryIds ".*".*a list of resource ids/],
    ['a gateway id in applicationGateway', { applicationGateway: '/subscriptions/s/agw' }, /invalid applicationGateway "\/subscriptions\/s\/agw".*a TlsIngressGateway construct.*applicationGatewayId/],
    ['a registry as the gateway', { applicationGateway: p.registry }, /invalid applicationGateway "HardenedContainerRegistry infra\/registry"/],
    ['both gateway props', { applicationGateway: p.gateway, applicationGatewayId: '/subscriptions/s/agw' }, /invalid applicationGatewayId "\/subscriptions\/s\/agw".*not both/],
  ])('%s', (_label, overrides, message) => {
    expect(make(overrides)).toThrow(message);
  });

  test('a rejected wiring leaves the gateway free for a correct cluster', () => {
    expect(make({ applicationGateway: p.gateway, applicationGatewayId: '/x' })).toThrow(/not both/);
    expect(() => wiredCluster(stack, p)).not.toThrow();
  });
});
