import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** At least 50 pods per node, so Azure CNI flat does not waste nodes. */
export const aksMaxPods = defineRule(
  {
    id: 'aks-max-pods',
    title: 'AKS node pools allow at least 50 pods per node',
    severity: RuleSeverity.WARNING,
    remediation:
      'Set maxPods to 50 or more on the HardenedAksCluster systemNodePool and AksNodePool, and size the node subnets for it (AksNetwork maxPodsPerNode).',
    remediationTargets: ['HardenedAksClusterProps.systemNodePool.maxPods', 'AksNodePoolProps.maxPods', 'AksNetworkProps.maxPodsPerNode'],
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: max_pods = 50',
  },
  (r) => {
    const maxPods = valueOr(r, `${poolPrefix(r)}max_pods`, 30);
    return check(maxPods >= 50, `max_pods = ${maxPods}`);
  },
);
