// AKS best practices without a CIS AKS 1.8 control: one small pure rule each.
import { check, defineRule, literalList, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** Azure CNI flat: pods get VNet addresses reachable from the company network (no overlay, no kubenet). */
export const aksAzureCniFlat = defineRule(
  {
    id: 'aks-azure-cni-flat',
    title: 'AKS uses Azure CNI flat networking (plugin azure, no overlay)',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep network_plugin = azure without network_plugin_mode = overlay (set at creation).',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: network_plugin = azure, data plane azure',
  },
  (r) => {
    const plugin = valueOr(r, 'network_profile.network_plugin', 'kubenet');
    const mode = valueOr(r, 'network_profile.network_plugin_mode', null);
    return check(plugin === 'azure' && mode !== 'overlay', `network_plugin=${plugin}${mode ? `, mode=${mode}` : ''}`);
  },
);

/** `az aks command invoke` would bypass the private API endpoint. */
export const aksRunCommandDisabled = defineRule(
  {
    id: 'aks-run-command-disabled',
    title: 'AKS run command is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep runCommandEnabled false.',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: run_command_enabled = false',
  },
  (r) => check(valueOr(r, 'run_command_enabled', true) === false, 'run_command_enabled is true (provider default)'),
);

/** A financially backed API server SLA for production. */
export const aksStandardTier = defineRule(
  {
    id: 'aks-standard-tier',
    title: 'AKS runs on the Standard or Premium tier (API server SLA)',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep skuTier STANDARD.',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: sku_tier = Standard',
  },
  (r) => {
    const tier = valueOr(r, 'sku_tier', 'Free');
    return check(tier === 'Standard' || tier === 'Premium', `sku_tier = ${tier}`);
  },
);

/** Kubernetes patches and node images arrive automatically. */
export const aksAutomaticUpgrades = defineRule(
  {
    id: 'aks-automatic-upgrades',
    title: 'AKS has an automatic upgrade channel and a managed node OS channel',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep automaticUpgradeChannel PATCH (or STABLE/RAPID) and nodeOsUpgradeChannel NODE_IMAGE or SECURITY_PATCH.',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: automatic_upgrade_channel = patch, node_os_upgrade_channel = NodeImage',
  },
  (r) => {
    const channel = valueOr(r, 'automatic_upgrade_channel', 'none');
    const nodeOs = valueOr(r, 'node_os_upgrade_channel', 'NodeImage');
    return check(channel !== 'none' && (nodeOs === 'NodeImage' || nodeOs === 'SecurityPatch'), `automatic_upgrade_channel=${channel}, node_os_upgrade_channel=${nodeOs}`);
  },
);

/** Unused, vulnerable images are removed from nodes. */
export const aksImageCleaner = defineRule(
  {
    id: 'aks-image-cleaner',
    title: 'AKS image cleaner removes unused images from nodes',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep the image cleaner on (imageCleanerIntervalHours).',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: image_cleaner_enabled = true, every 48 h',
  },
  (r) => check(valueOr(r, 'image_cleaner_enabled', false) === true, 'image cleaner off'),
);

/** Temp disks, caches and OS disks are encrypted at the host. */
export const aksHostEncryption = defineRule(
  {
    id: 'aks-host-encryption',
    title: 'AKS node pools encrypt at host',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep hostEncryptionEnabled true (register Microsoft.Compute/EncryptionAtHost in the subscription).',
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: host_encryption_enabled = true',
  },
  (r) => check(valueOr(r, `${poolPrefix(r)}host_encryption_enabled`, false) === true, 'host_encryption_enabled is not true'),
);

/** Ephemeral OS disks: nothing persists on a node, reimage is fast. */
export const aksEphemeralOsDisk = defineRule(
  {
    id: 'aks-ephemeral-os-disk',
    title: 'AKS node pools use ephemeral OS disks',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep ephemeralOsDisk true with an osDiskSizeGb that fits the VM cache or temp disk.',
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: os_disk_type = Ephemeral',
  },
  (r) => {
    const type = valueOr(r, `${poolPrefix(r)}os_disk_type`, 'Managed');
    return check(type === 'Ephemeral', `os_disk_type = ${type}`);
  },
);

/** At least 50 pods per node, so Azure CNI flat does not waste nodes. */
export const aksMaxPods = defineRule(
  {
    id: 'aks-max-pods',
    title: 'AKS node pools allow at least 50 pods per node',
    severity: RuleSeverity.WARNING,
    remediation: 'Set maxPods to 50 or more and size the node subnets for it.',
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: max_pods = 50',
  },
  (r) => {
    const maxPods = valueOr(r, `${poolPrefix(r)}max_pods`, 30);
    return check(maxPods >= 50, `max_pods = ${maxPods}`);
  },
);

/** Nodes spread over availability zones. */
export const aksAvailabilityZones = defineRule(
  {
    id: 'aks-availability-zones',
    title: 'AKS node pools span availability zones',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep zones ["1", "2", "3"] in regions with zones.',
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: zones = [1, 2, 3]',
  },
  (r) => {
    const zones = literalList(r, `${poolPrefix(r)}zones`);
    return check(zones.length >= 2, `zones = [${zones.join(', ')}]`);
  },
);

/** The system pool runs only critical add-ons; workloads go to user pools. */
export const aksSystemPoolIsolation = defineRule(
  {
    id: 'aks-system-pool-critical-addons-only',
    title: 'AKS system pool runs only critical add-ons',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep the system pool tainted CriticalAddonsOnly and add user pools with addUserNodePool.',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: default_node_pool.only_critical_addons_enabled = true',
  },
  (r) => check(valueOr(r, 'default_node_pool.only_critical_addons_enabled', false) === true, 'workloads can land on the system pool'),
);

/** User-assigned identities: stable principal ids for role assignments made before the cluster. */
export const aksUserAssignedIdentity = defineRule(
  {
    id: 'aks-user-assigned-identity',
    title: 'AKS control plane uses a user-assigned managed identity',
    severity: RuleSeverity.WARNING,
    remediation: 'Let HardenedAksCluster create the control-plane identity (needed for KMS and custom private DNS).',
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: identity type UserAssigned and a kubelet identity',
  },
  (r) => {
    const type = valueOr(r, 'identity.type', 'none');
    return check(type === 'UserAssigned', `identity type = ${type}`);
  },
);
