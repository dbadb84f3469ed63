import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** Ephemeral OS disks: nothing persists on a node, reimage is fast. */
export const aksEphemeralOsDisk = defineRule(
  {
    id: 'aks-ephemeral-os-disk',
    title: 'AKS node pools use ephemeral OS disks',
    severity: RuleSeverity.WARNING,
    remediation:
      'Keep ephemeralOsDisk true on the HardenedAksCluster systemNodePool and AksNodePool, with an osDiskSizeGb that fits the VM cache or temp disk.',
    remediationTargets: ['HardenedAksClusterProps.systemNodePool.ephemeralOsDisk', 'AksNodePoolProps.ephemeralOsDisk', 'AksNodePoolProps.osDiskSizeGb'],
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: os_disk_type = Ephemeral',
  },
  (r) => {
    const type = valueOr(r, `${poolPrefix(r)}os_disk_type`, 'Managed');
    return check(type === 'Ephemeral', `os_disk_type = ${type}`);
  },
);
