import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const POLICY_ENGINES = ['calico', 'azure', 'cilium'];

/** A network policy engine enforces NetworkPolicy objects (Calico by default). */
export const aksNetworkPolicy = defineRule(
  {
    id: 'aks-network-policy-enabled',
    title: 'AKS cluster runs a network policy engine',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedAksCluster (network_policy = calico), or set network_profile.network_policy; it can only be set when the cluster is created.',
    remediationTargets: ['HardenedAksCluster'],
    cisControls: [cisAks('5.4.4')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: network_profile.network_policy = calico',
  },
  (r) => {
    const policy = valueOr(r, 'network_profile.network_policy', 'none');
    return check(POLICY_ENGINES.includes(policy), `network_policy = ${policy}`);
  },
);
