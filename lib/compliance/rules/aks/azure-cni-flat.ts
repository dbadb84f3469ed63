import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** Azure CNI flat: pods get VNet addresses reachable from the company network (no overlay, no kubenet). */
export const aksAzureCniFlat = defineRule(
  {
    id: 'aks-azure-cni-flat',
    title: 'AKS uses Azure CNI flat networking (plugin azure, no overlay)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedAksCluster (network_plugin = azure), or set network_plugin = azure without network_plugin_mode = overlay; both are set when the cluster is created.',
    remediationTargets: ['HardenedAksCluster'],
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
