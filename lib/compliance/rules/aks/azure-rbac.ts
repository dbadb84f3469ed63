import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Kubernetes authorization goes through Azure RBAC. */
export const aksAzureRbac = defineRule(
  {
    id: 'aks-azure-rbac',
    title: 'AKS authorizes Kubernetes API calls with Azure RBAC',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster azureRbacEnabled true and grant the built-in AKS RBAC roles.',
    remediationTargets: ['HardenedAksClusterProps.azureRbacEnabled'],
    cisControls: [cisAks('5.5.2')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: azure_active_directory_role_based_access_control.azure_rbac_enabled = true',
  },
  (r) => check(valueOr(r, 'azure_active_directory_role_based_access_control.azure_rbac_enabled', false) === true, 'azure_rbac_enabled is not true'),
);
