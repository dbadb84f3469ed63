import { cisAks } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Defender for Containers runs on the cluster and reports to a workspace. */
export const aksDefender = defineRule(
  {
    id: 'aks-defender',
    title: 'AKS Defender for Containers profile is enabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster defenderEnabled true (microsoft_defender with the logAnalyticsWorkspaceId workspace).',
    remediationTargets: ['HardenedAksClusterProps.defenderEnabled', 'HardenedAksClusterProps.logAnalyticsWorkspaceId'],
    cisControls: [cisAks('5.1.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: microsoft_defender { log_analytics_workspace_id }',
  },
  (r) => check(r.has('microsoft_defender.log_analytics_workspace_id'), 'no microsoft_defender block'),
);
