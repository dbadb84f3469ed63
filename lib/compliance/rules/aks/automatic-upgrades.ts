import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** Kubernetes patches and node images arrive automatically. */
export const aksAutomaticUpgrades = defineRule(
  {
    id: 'aks-automatic-upgrades',
    title: 'AKS has an automatic upgrade channel and a managed node OS channel',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedAksCluster automaticUpgradeChannel at AksUpgradeChannel.PATCH (or STABLE, RAPID) and nodeOsUpgradeChannel at AksNodeOsUpgradeChannel.NODE_IMAGE or AksNodeOsUpgradeChannel.SECURITY_PATCH.',
    remediationTargets: ['HardenedAksClusterProps.automaticUpgradeChannel', 'AksUpgradeChannel.PATCH', 'HardenedAksClusterProps.nodeOsUpgradeChannel', 'AksNodeOsUpgradeChannel.NODE_IMAGE', 'AksNodeOsUpgradeChannel.SECURITY_PATCH'],
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
