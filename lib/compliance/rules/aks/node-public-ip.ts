import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** No node of any pool gets a public IP. */
export const aksNodePublicIpDisabled = defineRule(
  {
    id: 'aks-node-public-ip-disabled',
    title: 'AKS nodes have no public IP addresses',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep nodePublicIpEnabled false on the HardenedAksCluster systemNodePool and on every pool of HardenedAksCluster.addUserNodePool and AksNodePool.',
    remediationTargets: ['HardenedAksClusterProps.systemNodePool.nodePublicIpEnabled', 'HardenedAksCluster.addUserNodePool', 'AksNodePoolProps.nodePublicIpEnabled'],
    cisControls: [cisAks('5.4.3')],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: node_public_ip_enabled = false',
  },
  (r) => check(valueOr(r, `${poolPrefix(r)}node_public_ip_enabled`, false) === false, 'node_public_ip_enabled = true'),
);
