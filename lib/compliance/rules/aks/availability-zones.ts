import { check, defineRule, literalList } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** Nodes spread over availability zones. */
export const aksAvailabilityZones = defineRule(
  {
    id: 'aks-availability-zones',
    title: 'AKS node pools span availability zones',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep zones ["1", "2", "3"] on the HardenedAksCluster systemNodePool and AksNodePool in regions with zones.',
    remediationTargets: ['HardenedAksClusterProps.systemNodePool.zones', 'AksNodePoolProps.zones'],
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: zones = [1, 2, 3]',
  },
  (r) => {
    const zones = literalList(r, `${poolPrefix(r)}zones`);
    return check(zones.length >= 2, `zones = [${zones.join(', ')}]`);
  },
);
