import { cisAks } from '../../../cis/refs';
import { defineRule, compliant, nonCompliant, valueOr, literalList } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Users authenticate with Entra ID only: AAD integration with admin groups, RBAC on, local accounts off. */
export const aksEntraIdIntegration = defineRule(
  {
    id: 'aks-entra-id-integration',
    title: 'AKS users are managed in Entra ID: local accounts disabled, Kubernetes RBAC on',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster localAccountsDisabled true and give adminGroupObjectIds.',
    remediationTargets: ['HardenedAksClusterProps.localAccountsDisabled', 'HardenedAksClusterProps.adminGroupObjectIds'],
    cisControls: [cisAks('5.5.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: local_account_disabled = true, azure_active_directory_role_based_access_control with admin groups',
  },
  (r) => {
    const problems: string[] = [];
    if (valueOr(r, 'local_account_disabled', false) !== true) {
      problems.push('local accounts enabled');
    }
    if (valueOr(r, 'role_based_access_control_enabled', true) !== true) {
      problems.push('Kubernetes RBAC disabled');
    }
    if (!r.has('azure_active_directory_role_based_access_control')) {
      problems.push('no Entra ID integration');
    } else if (literalList(r, 'azure_active_directory_role_based_access_control.admin_group_object_ids').length === 0 && !r.has('azure_active_directory_role_based_access_control.tenant_id')) {
      problems.push('Entra ID integration without admin groups or tenant');
    }
    return problems.length ? nonCompliant(problems.join('; ')) : compliant();
  },
);
