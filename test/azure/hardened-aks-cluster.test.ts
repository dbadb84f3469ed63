import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { ResourcePolicyAssignment } from '@cdktf/provider-azurerm/lib/resource-policy-assignment';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Testing, TerraformOutput, TerraformStack } from 'cdktf';
import {
  AksNodeOsUpgradeChannel,
  AksSkuTier,
  AksUpgradeChannel,
  ApiServerAccess,
  CisAksPack,
  Compliance,
  HardenedAksCluster,
  KmsKeyVaultNetworkAccess,
  KubernetesDistribution,
  PolicyEngine,
} from '../../lib';
import { azureStack, findingsOf, synthWithPacks, testApp } from '../helpers/synth';
import { aksProps } from './aks-fixtures';

function resolveIn(stack: TerraformStack, value: string): string {
  // A throwaway output shows how the token renders in Terraform.
  new TerraformOutput(stack, 'probe', { value });
  return JSON.parse(Testing.synth(stack)).output.probe.value;
}

function synth(props = aksProps(), extra?: (c: HardenedAksCluster) => void): string {
  const stack = new TerraformStack(Testing.app(), 'test');
  const cluster = new HardenedAksCluster(stack, 'aks', props);
  extra?.(cluster);
  return Testing.synth(stack);
}

describe('HardenedAksCluster defaults', () => {
  const out = synth();

  test('private API server with the System private DNS zone and no public FQDN (CIS AKS 1.8 5.4.1, 5.4.2)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      private_cluster_enabled: true,
      private_cluster_public_fqdn_enabled: false,
      private_dns_zone_id: 'System',
    });
  });

  test('Entra ID only with Azure RBAC and Kubernetes RBAC (CIS AKS 1.8 5.5.1, 5.5.2)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      local_account_disabled: true,
      role_based_access_control_enabled: true,
      azure_active_directory_role_based_access_control: { admin_group_object_ids: ['00000000-0000-0000-0000-000000000001'], azure_rbac_enabled: true },
    });
  });

  test('workload identity with the OIDC issuer (CIS AKS 1.8 5.2.1)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { oidc_issuer_enabled: true, workload_identity_enabled: true });
  });

  test('Azure CNI flat with Calico and the azure data plane (CIS AKS 1.8 5.4.4)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      network_profile: {
        network_plugin: 'azure',
        network_policy: 'calico',
        network_data_plane: 'azure',
        load_balancer_sku: 'standard',
        outbound_type: 'loadBalancer',
        service_cidr: '172.16.0.0/16',
        dns_service_ip: '172.16.0.10',
      },
    });
    expect(JSON.parse(out).resource.azurerm_kubernetes_cluster.aks_cluster_D4B35EC5?.network_profile?.network_plugin_mode).toBeUndefined();
  });

  test('Defender, Container Insights, secrets provider with rotation (CIS AKS 1.8 5.1.1, 4.5.2)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      microsoft_defender: { log_analytics_workspace_id: aksProps().logAnalyticsWorkspaceId },
      oms_agent: { log_analytics_workspace_id: aksProps().logAnalyticsWorkspaceId, msi_auth_for_monitoring_enabled: true },
      key_vault_secrets_provider: { secret_rotation_enabled: true, secret_rotation_interval: '2m' },
    });
  });

  test('operations hardening: patch upgrades, node images, image cleaner, no run command, Standard tier', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      automatic_upgrade_channel: 'patch',
      node_os_upgrade_channel: 'NodeImage',
      image_cleaner_enabled: true,
      image_cleaner_interval_hours: 48,
      run_command_enabled: false,
      sku_tier: 'Standard',
      http_application_routing_enabled: false,
      azure_policy_enabled: false,
      tags: { 'hardened-k8s-policy-engine': 'gatekeeper' },
    });
  });

  test('control-plane audit logs to the workspace, one setting (CIS AKS 1.8 2.1.1)', () => {
    expect(out).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      name: 'control-plane-audit',
      target_resource_id: '${azurerm_kubernetes_cluster.aks_cluster_D4B35EC5.id}',
      log_analytics_workspace_id: aksProps().logAnalyticsWorkspaceId,
      enabled_log: [{ category: 'guard' }, { category: 'kube-apiserver' }, { category: 'kube-audit-admin' }],
    });
    expect(Object.keys(JSON.parse(out).resource.azurerm_monitor_diagnostic_setting)).toHaveLength(1);
  });

  test('no AcrPull or AGIC grants and no AGIC identity unless a registry or gateway is given', () => {
    const roles = Object.values<any>(JSON.parse(out).resource.azurerm_role_assignment).map((r) => r.role_definition_name);
    expect(roles.sort()).toEqual(['Managed Identity Operator', 'Network Contributor']);
    const cluster = new HardenedAksCluster(new TerraformStack(Testing.app(), 'test'), 'aks', aksProps());
    expect(cluster.acrPullRoleAssignments).toEqual([]);
    expect(cluster.agicRoleAssignments).toEqual([]);
    expect(() => cluster.agicIdentityObjectId).toThrow(/agicIdentityObjectId has no value because the AGIC add-on is off.*applicationGateway/);
  });

  test('managed Istio asm-1-30', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { service_mesh_profile: { mode: 'Istio', revisions: ['asm-1-30'] } });
  });

  test('user-assigned control-plane and kubelet identities, with the grants AKS needs', () => {
    const cluster = Object.values<any>(JSON.parse(out).resource.azurerm_kubernetes_cluster)[0];
    expect(cluster.identity).toEqual({ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.aks_control-plane-identity_0AA4F2BA.id}'] });
    expect(cluster.kubelet_identity.user_assigned_identity_id).toBe('${azurerm_user_assigned_identity.aks_kubelet-identity_A03C496A.id}');
    expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: 'Managed Identity Operator' });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: 'Network Contributor', scope: aksProps().systemSubnetId });
  });

  test('hardened system pool: critical add-ons only, ephemeral OS disk, host encryption, no public IPs, zones, 50 pods (CIS AKS 1.8 5.4.3)', () => {
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      default_node_pool: {
        name: 'system',
        only_critical_addons_enabled: true,
        os_disk_type: 'Ephemeral',
        os_disk_size_gb: 128,
        host_encryption_enabled: true,
        node_public_ip_enabled: false,
        zones: ['1', '2', '3'],
        max_pods: 50,
        min_count: 3,
        max_count: 6,
        auto_scaling_enabled: true,
        os_sku: 'AzureLinux',
        temporary_name_for_rotation: 'systemtmp',
        upgrade_settings: { max_surge: '33%' },
        vm_size: 'Standard_D4ds_v5',
        vnet_subnet_id: aksProps().systemSubnetId,
      },
    });
  });

  test('connection for the baseline: kubelogin exec, private FQDN, managed CSI and mesh', () => {
    const stack = new TerraformStack(Testing.app(), 'test');
    const cluster = new HardenedAksCluster(stack, 'aks', aksProps());
    expect(cluster.distribution).toBe(KubernetesDistribution.AKS);
    expect(cluster.policyEngine).toBe(PolicyEngine.GATEKEEPER);
    expect(cluster.secretsStoreCsiManaged).toBe(true);
    expect(cluster.managedIstioRevision).toBe('asm-1-30');
    expect(cluster.endpoint.exec?.command).toBe('kubelogin');
    expect(resolveIn(stack, cluster.endpoint.host)).toBe('https://${azurerm_kubernetes_cluster.aks_cluster_D4B35EC5.private_fqdn}:443');
  });
});

describe('HardenedAksCluster options', () => {
  test('KMS: key wired with private vault access and a crypto-user grant the cluster waits for (CIS AKS 1.8 5.3.1)', () => {
    const out = synth(aksProps({ kmsKeyVaultKeyId: 'https://kv-platform.vault.azure.net/keys/kms/0123456789abcdef0123456789abcdef', kmsKeyVaultId: '/subscriptions/s/vaults/kv', apiServerSubnetId: 'snet-api' }));
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      key_management_service: { key_vault_key_id: 'https://kv-platform.vault.azure.net/keys/kms/0123456789abcdef0123456789abcdef', key_vault_network_access: KmsKeyVaultNetworkAccess.PRIVATE },
    });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: 'Key Vault Crypto User', scope: '/subscriptions/s/vaults/kv' });
    const cluster = Object.values<any>(JSON.parse(out).resource.azurerm_kubernetes_cluster)[0];
    expect(cluster.depends_on.some((d: string) => d.includes('control-plane-kms-crypto-user'))).toBe(true);
  });

  test('a private DNS zone of your own: the control-plane identity may write the API server record', () => {
    const zone = '/subscriptions/s/resourceGroups/dns/providers/Microsoft.Network/privateDnsZones/privatelink.westeurope.azmk8s.io';
    const out = synth(aksProps({ privateDnsZoneId: zone }));
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { private_dns_zone_id: zone });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { scope: zone, role_definition_name: 'Private DNS Zone Contributor' });
    expect(JSON.stringify(JSON.parse(synth()).resource.azurerm_role_assignment)).not.toContain('Private DNS Zone Contributor');
  });

  test('public API restricted to authorized ranges', () => {
    const out = synth(aksProps({ apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED, authorizedIpRanges: ['203.0.113.0/24'] }));
    expect(out).toHaveResourceWithProperties(KubernetesCluster, {
      private_cluster_enabled: false,
      api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24'] },
    });
  });

  test('Azure Policy engine: add-on on and the pod-security and allowed-images assignments', () => {
    const out = synth(aksProps({ policyEngine: PolicyEngine.AZURE_POLICY, allowedImagesRegex: '^acr\\.azurecr\\.io/.+$' }));
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { azure_policy_enabled: true, tags: { 'hardened-k8s-policy-engine': 'azure-policy' } });
    expect(out).toHaveResourceWithProperties(ResourcePolicyAssignment, {
      policy_definition_id: '/providers/Microsoft.Authorization/policyDefinitions/febd0533-8e55-448f-b837-bd0e06f16469',
    });
    expect(out).toHaveResourceWithProperties(ResourcePolicyAssignment, {
      policy_definition_id: '/providers/Microsoft.Authorization/policySetDefinitions/42b8ef37-b724-4e24-bbc8-7a7708edfe00',
    });
  });

  test('AGIC add-on with a user pool; the pool has the same hardening', () => {
    const out = synth(aksProps({ applicationGatewayId: '/subscriptions/s/applicationGateways/agw' }), (c) => c.addUserNodePool('apps', 'subnet-user'));
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { ingress_application_gateway: { gateway_id: '/subscriptions/s/applicationGateways/agw' } });
    expect(out).toHaveResourceWithProperties(KubernetesClusterNodePool, {
      name: 'apps',
      mode: 'User',
      host_encryption_enabled: true,
      node_public_ip_enabled: false,
      os_disk_type: 'Ephemeral',
      max_pods: 50,
      zones: ['1', '2', '3'],
      vnet_subnet_id: 'subnet-user',
      temporary_name_for_rotation: 'appstmp',
    });
  });

  test('AGIC without a user pool fails validation naming addUserNodePool', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    new HardenedAksCluster(stack, 'aks', aksProps({ applicationGatewayId: '/subscriptions/s/applicationGateways/agw' }));
    expect(() => app.synth()).toThrow(/applicationGatewayId is set but the cluster has no user node pool.*addUserNodePool/);
  });

  test('explicit choices synthesize as chosen', () => {
    const out = synth(
      aksProps({
        skuTier: AksSkuTier.PREMIUM,
        automaticUpgradeChannel: AksUpgradeChannel.STABLE,
        nodeOsUpgradeChannel: AksNodeOsUpgradeChannel.SECURITY_PATCH,
        managedIstio: false,
        kubernetesVersion: '1.33',
      }),
    );
    expect(out).toHaveResourceWithProperties(KubernetesCluster, { sku_tier: 'Premium', automatic_upgrade_channel: 'stable', node_os_upgrade_channel: 'SecurityPatch', kubernetes_version: '1.33' });
    expect(Object.values<any>(JSON.parse(out).resource.azurerm_kubernetes_cluster)[0].service_mesh_profile).toBeUndefined();
  });
});

describe('HardenedAksCluster bad input', () => {
  const make = (overrides: any) => () => new HardenedAksCluster(new TerraformStack(Testing.app(), 's'), 'aks', aksProps(overrides));
  test.each([
    ['authorizedIpRanges with a private API', { authorizedIpRanges: ['203.0.113.0/24'] }, /authorizedIpRanges .*no ranges with a private API server/],
    ['public API without ranges', { apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED }, /authorizedIpRanges is required/],
    ['0.0.0.0/0', { apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED, authorizedIpRanges: ['0.0.0.0/0'] }, /invalid authorizedIpRanges "0.0.0.0\/0".*narrower than the whole internet/],
    ['invalid CIDR', { apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED, authorizedIpRanges: ['203.0.113.1/24'] }, /invalid authorizedIpRanges "203.0.113.1\/24".*host bits zero/],
    ['overlapping CIDRs', { apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED, authorizedIpRanges: ['10.0.0.0/8', '10.1.0.0/16'] }, /non-overlapping/],
    ['bad Kubernetes version', { kubernetesVersion: 'v1.33' }, /invalid kubernetesVersion "v1.33".*major.minor/],
    ['workload identity without OIDC', { oidcIssuerEnabled: false }, /invalid oidcIssuerEnabled false.*workloadIdentityEnabled/],
    ['zero system nodes', { systemNodePool: { minCount: 0 } }, /invalid minCount 0.*system pool needs at least one node/],
    ['min above max', { systemNodePool: { minCount: 5, maxCount: 3 } }, /invalid minCount 5.*at most maxCount \(3\)/],
    ['too few pods per node', { systemNodePool: { maxPods: 10 } }, /invalid maxPods 10/],
    ['no admin groups', { adminGroupObjectIds: [] }, /adminGroupObjectIds is required/],
    ['empty name', { name: '' }, /name is required/],
    ['AZURE_POLICY without an image regex', { policyEngine: PolicyEngine.AZURE_POLICY }, /allowedImagesRegex is required/],
    ['bad Istio revision', { istioRevision: '1.30' }, /invalid istioRevision "1.30"/],
    ['KMS with a private vault but no API server subnet', { kmsKeyVaultKeyId: 'https://kv-platform.vault.azure.net/keys/kms/0123456789abcdef0123456789abcdef' }, /apiServerSubnetId is required.*VNet integration.*network.apiServerSubnetId/],
    ['image cleaner interval out of range', { imageCleanerIntervalHours: 12 }, /invalid imageCleanerIntervalHours 12/],
  ])('%s', (_label, overrides, message) => {
    expect(make(overrides)).toThrow(message);
  });

  test.each([
    ['too long', 'applications1'],
    ['upper case', 'Apps'],
    ['starts with a digit', '1apps'],
    ['hyphen', 'app-s'],
  ])('user pool name %s is rejected', (_label, name) => {
    const cluster = new HardenedAksCluster(new TerraformStack(Testing.app(), 's'), 'aks', aksProps());
    expect(() => cluster.addUserNodePool(name, 'subnet')).toThrow(new RegExp(`invalid name "${name}".*lower-case letters and digits`));
  });
});

describe('insecure choices fail synth unless waived', () => {
  test('audit logs off fails aks-audit-logs with CIS AKS 1.8 2.1.1, and no setting is written', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const cluster = new HardenedAksCluster(stack, 'aks', aksProps({ auditLogsEnabled: false }));
    expect(cluster.auditDiagnosticSetting).toBeUndefined();
    expect(JSON.parse(Testing.synth(stack)).resource.azurerm_monitor_diagnostic_setting).toBeUndefined();
    expect(() => synthWithPacks(app, [new CisAksPack()])).toThrow(/aks-audit-logs \[cis-aks-1.8\/2.1.1\].*no azurerm_monitor_diagnostic_setting targets this cluster/);
  });

  test('local accounts enabled fails aks-entra-id-integration with CIS AKS 1.8 5.5.1', () => {
    const app = testApp();
    new HardenedAksCluster(azureStack(app, 'infra'), 'aks', aksProps({ localAccountsDisabled: false }));
    expect(() => synthWithPacks(app, [new CisAksPack()])).toThrow(/aks-entra-id-integration \[cis-aks-1.8\/5.5.1\].*local accounts enabled/);
  });

  test('a public restricted API is waivable and the waiver shows in the report', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const cluster = new HardenedAksCluster(stack, 'aks', aksProps({ apiServerAccess: ApiServerAccess.PUBLIC_RESTRICTED, authorizedIpRanges: ['203.0.113.0/24'], kmsKeyVaultKeyId: 'https://kv-platform.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef', apiServerSubnetId: 'snet-api' }));
    Compliance.waive(cluster, 'aks-private-cluster', 'CI runners reach the API over the office range until the VPN lands');
    const result = synthWithPacks(app, [new CisAksPack()]);
    expect(findingsOf(result, 'infra', 'aks-private-cluster')[0]).toMatchObject({ status: 'non-compliant', waiverReason: 'CI runners reach the API over the office range until the VPN lands' });
    expect(findingsOf(result, 'infra', 'aks-api-server-access-restricted')[0].status).toBe('compliant');
  });
});

