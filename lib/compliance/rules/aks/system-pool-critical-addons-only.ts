import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** The system pool runs only critical add-ons; workloads go to user pools. */
export const aksSystemPoolIsolation = defineRule(
  {
    id: 'aks-system-pool-critical-addons-only',
    title: 'AKS system pool runs only critical add-ons',
    severity: RuleSeverity.WARNING,
    remediation:
      'Use HardenedAksCluster (its system pool is tainted CriticalAddonsOnly) and run workloads on pools of HardenedAksCluster.addUserNodePool.',
    remediationTargets: ['HardenedAksCluster.addUserNodePool'],
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: default_node_pool.only_critical_addons_enabled = true',
  },
  (r) => check(valueOr(r, 'default_node_pool.only_critical_addons_enabled', false) === true, 'workloads can land on the system pool'),
);
