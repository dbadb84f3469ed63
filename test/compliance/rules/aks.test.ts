import { IComplianceRule } from '../../../lib';
import { aksApiServerAccess } from '../../../lib/compliance/rules/aks/api-server-access';
import { aksAzureRbac } from '../../../lib/compliance/rules/aks/azure-rbac';
import { aksAzureCniFlat } from '../../../lib/compliance/rules/aks/azure-cni-flat';
import { aksRunCommandDisabled } from '../../../lib/compliance/rules/aks/run-command-disabled';
import { aksStandardTier } from '../../../lib/compliance/rules/aks/standard-tier';
import { aksAutomaticUpgrades } from '../../../lib/compliance/rules/aks/automatic-upgrades';
import { aksImageCleaner } from '../../../lib/compliance/rules/aks/image-cleaner';
import { aksHostEncryption } from '../../../lib/compliance/rules/aks/host-encryption';
import { aksEphemeralOsDisk } from '../../../lib/compliance/rules/aks/ephemeral-os-disk';
import { aksMaxPods } from '../../../lib/compliance/rules/aks/max-pods';
import { aksAvailabilityZones } from '../../../lib/compliance/rules/aks/availability-zones';
import { aksSystemPoolIsolation } from '../../../lib/compliance/rules/aks/system-pool-critical-addons-only';
import { aksUserAssignedIdentity } from '../../../lib/compliance/rules/aks/user-assigned-identity';
import { aksDefender } from '../../../lib/compliance/rules/aks/defender';
import { aksEntraIdIntegration } from '../../../lib/compliance/rules/aks/entra-id';
import { aksKmsEtcdEncryption } from '../../../lib/compliance/rules/aks/kms';
import { aksNetworkPolicy } from '../../../lib/compliance/rules/aks/network-policy';
import { aksNodePublicIpDisabled } from '../../../lib/compliance/rules/aks/node-public-ip';
import { aksPolicyEngine } from '../../../lib/compliance/rules/aks/policy-engine';
import { aksPrivateCluster } from '../../../lib/compliance/rules/aks/private-cluster';
import { aksSecretsStoreProvider } from '../../../lib/compliance/rules/aks/secrets-provider';
import { aksWorkloadIdentity } from '../../../lib/compliance/rules/aks/workload-identity';
import { evaluateRule } from '../../helpers/rule-harness';

const CLUSTER = 'azurerm_kubernetes_cluster';
const POOL = 'azurerm_kubernetes_cluster_node_pool';

interface RuleCases {
  readonly rule: IComplianceRule;
  readonly type?: string;
  readonly compliant: any[];
  readonly nonCompliant: any[];
  readonly unknown?: any[];
}

const aad = { admin_group_object_ids: ['g'], azure_rbac_enabled: true };

const CASES: RuleCases[] = [
  {
    rule: aksPrivateCluster,
    compliant: [{ private_cluster_enabled: true, private_cluster_public_fqdn_enabled: false }],
    nonCompliant: [{}, { private_cluster_enabled: true, private_cluster_public_fqdn_enabled: true }],
    unknown: [{ private_cluster_enabled: '${var.private}' }],
  },
  {
    rule: aksApiServerAccess,
    compliant: [{ private_cluster_enabled: true }, { api_server_access_profile: { authorized_ip_ranges: ['203.0.113.0/24'] } }],
    nonCompliant: [{}, { api_server_access_profile: { authorized_ip_ranges: ['0.0.0.0/0'] } }],
    unknown: [{ api_server_access_profile: { authorized_ip_ranges: ['${var.ranges}'] } }],
  },
  {
    rule: aksNodePublicIpDisabled,
    compliant: [{ default_node_pool: { node_public_ip_enabled: false } }, { default_node_pool: {} }],
    nonCompliant: [{ default_node_pool: { node_public_ip_enabled: true } }],
    unknown: [{ default_node_pool: { node_public_ip_enabled: '${var.ip}' } }],
  },
  { rule: aksNodePublicIpDisabled, type: POOL, compliant: [{ node_public_ip_enabled: false }], nonCompliant: [{ node_public_ip_enabled: true }] },
  {
    rule: aksNetworkPolicy,
    compliant: [{ network_profile: { network_policy: 'calico' } }, { network_profile: { network_policy: 'cilium' } }],
    nonCompliant: [{}, { network_profile: { network_plugin: 'azure' } }],
    unknown: [{ network_profile: { network_policy: '${var.policy}' } }],
  },
  {
    rule: aksEntraIdIntegration,
    compliant: [{ local_account_disabled: true, azure_active_directory_role_based_access_control: aad }],
    nonCompliant: [
      { azure_active_directory_role_based_access_control: aad },
      { local_account_disabled: true },
      { local_account_disabled: true, role_based_access_control_enabled: false, azure_active_directory_role_based_access_control: aad },
    ],
    unknown: [{ local_account_disabled: '${var.x}', azure_active_directory_role_based_access_control: aad }],
  },
  {
    rule: aksAzureRbac,
    compliant: [{ azure_active_directory_role_based_access_control: aad }],
    nonCompliant: [{}, { azure_active_directory_role_based_access_control: { ...aad, azure_rbac_enabled: false } }],
    unknown: [{ azure_active_directory_role_based_access_control: { azure_rbac_enabled: '${var.rbac}' } }],
  },
  {
    rule: aksWorkloadIdentity,
    compliant: [{ oidc_issuer_enabled: true, workload_identity_enabled: true }],
    nonCompliant: [{}, { oidc_issuer_enabled: true }],
    unknown: [{ oidc_issuer_enabled: '${var.oidc}', workload_identity_enabled: true }],
  },
  {
    rule: aksKmsEtcdEncryption,
    compliant: [{ key_management_service: { key_vault_key_id: '${azurerm_key_vault_key.k.id}', key_vault_network_access: 'Private' } }],
    nonCompliant: [{}, { key_management_service: { key_vault_key_id: 'k' } }, { key_management_service: { key_vault_key_id: 'k', key_vault_network_access: 'Public' } }],
    unknown: [{ key_management_service: { key_vault_key_id: 'k', key_vault_network_access: '${var.access}' } }],
  },
  {
    rule: aksSecretsStoreProvider,
    compliant: [{ key_vault_secrets_provider: { secret_rotation_enabled: true } }],
    nonCompliant: [{}, { key_vault_secrets_provider: { secret_rotation_interval: '2m' } }],
    unknown: [{ key_vault_secrets_provider: { secret_rotation_enabled: '${var.r}' } }],
  },
  {
    rule: aksDefender,
    compliant: [{ microsoft_defender: { log_analytics_workspace_id: '${azurerm_log_analytics_workspace.w.id}' } }],
    nonCompliant: [{}],
  },
  {
    rule: aksPolicyEngine,
    compliant: [{ azure_policy_enabled: true }],
    nonCompliant: [{}, { azure_policy_enabled: false, tags: { 'hardened-k8s-policy-engine': 'none' } }],
    unknown: [{ azure_policy_enabled: '${var.p}' }],
  },
  {
    rule: aksAzureCniFlat,
    compliant: [{ network_profile: { network_plugin: 'azure' } }],
    nonCompliant: [{}, { network_profile: { network_plugin: 'azure', network_plugin_mode: 'overlay' } }, { network_profile: { network_plugin: 'kubenet' } }],
    unknown: [{ network_profile: { network_plugin: '${var.plugin}' } }],
  },
  { rule: aksRunCommandDisabled, compliant: [{ run_command_enabled: false }], nonCompliant: [{}, { run_command_enabled: true }], unknown: [{ run_command_enabled: '${var.r}' }] },
  { rule: aksStandardTier, compliant: [{ sku_tier: 'Standard' }, { sku_tier: 'Premium' }], nonCompliant: [{}, { sku_tier: 'Free' }] },
  {
    rule: aksAutomaticUpgrades,
    compliant: [{ automatic_upgrade_channel: 'patch' }, { automatic_upgrade_channel: 'stable', node_os_upgrade_channel: 'SecurityPatch' }],
    nonCompliant: [{}, { automatic_upgrade_channel: 'patch', node_os_upgrade_channel: 'Unmanaged' }],
  },
  { rule: aksImageCleaner, compliant: [{ image_cleaner_enabled: true }], nonCompliant: [{}] },
  { rule: aksHostEncryption, compliant: [{ default_node_pool: { host_encryption_enabled: true } }], nonCompliant: [{ default_node_pool: {} }] },
  { rule: aksHostEncryption, type: POOL, compliant: [{ host_encryption_enabled: true }], nonCompliant: [{ host_encryption_enabled: false }] },
  { rule: aksEphemeralOsDisk, compliant: [{ default_node_pool: { os_disk_type: 'Ephemeral' } }], nonCompliant: [{ default_node_pool: {} }] },
  { rule: aksMaxPods, compliant: [{ default_node_pool: { max_pods: 50 } }], nonCompliant: [{ default_node_pool: {} }, { default_node_pool: { max_pods: 30 } }] },
  { rule: aksMaxPods, type: POOL, compliant: [{ max_pods: 110 }], nonCompliant: [{ max_pods: 40 }] },
  { rule: aksAvailabilityZones, compliant: [{ default_node_pool: { zones: ['1', '2', '3'] } }], nonCompliant: [{ default_node_pool: {} }, { default_node_pool: { zones: ['1'] } }] },
  { rule: aksSystemPoolIsolation, compliant: [{ default_node_pool: { only_critical_addons_enabled: true } }], nonCompliant: [{ default_node_pool: {} }] },
  { rule: aksUserAssignedIdentity, compliant: [{ identity: { type: 'UserAssigned' } }], nonCompliant: [{ identity: { type: 'SystemAssigned' } }] },
];

describe.each(CASES)('$rule.metadata.id', ({ rule, type, compliant, nonCompliant, unknown }) => {
  test.each(compliant)('compliant: %j', (config) => {
    expect(evaluateRule(rule, type ?? CLUSTER, config).status).toBe('compliant');
  });
  test.each(nonCompliant)('non-compliant: %j', (config) => {
    expect(evaluateRule(rule, type ?? CLUSTER, config).status).toBe('non-compliant');
  });
  if (unknown) {
    test.each(unknown)('unknown: %j', (config) => {
      expect(evaluateRule(rule, type ?? CLUSTER, config).status).toBe('unknown');
    });
  }
});

test('aks-policy-engine reports a self-installed Gatekeeper as not applicable with the reason', () => {
  expect(evaluateRule(aksPolicyEngine, CLUSTER, { tags: { 'hardened-k8s-policy-engine': 'gatekeeper' } })).toEqual({
    status: 'not-applicable',
    message: 'self-installed Gatekeeper; proven by the baseline stack rules (gatekeeper-allowed-registries)',
  });
});
