import { cisAks } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant, notApplicable, references } from '../../define-rule';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';

const REGISTRY_ROLES = new Set(['AcrPull', 'AcrPush', 'AcrImageSigner', 'AcrQuarantineReader', 'AcrQuarantineWriter']);

function registryOf(assignment: IResolvedResource, context: IRuleContext): IResolvedResource | undefined {
  return context.resourcesOfType('azurerm_container_registry').find((registry) => references(assignment.config.scope, registry));
}

/** True when the principal is the kubelet identity of a cluster in the stack. */
function isKubeletIdentity(assignment: IResolvedResource, context: IRuleContext): boolean {
  const principal = assignment.config.principal_id;
  return context.resourcesOfType('azurerm_user_assigned_identity').some(
    (identity) =>
      references(principal, identity) &&
      context.resourcesOfType('azurerm_kubernetes_cluster').some((cluster) => references(JSON.stringify(cluster.config.kubelet_identity ?? ''), identity)),
  );
}

/**
 * Role assignments on a registry grant registry data roles only (CIS AKS 1.8 5.1.2), and a cluster's
 * kubelet identity gets AcrPull and nothing more (5.1.3).
 */
export const acrLeastPrivilegeRoles = defineRule(
  {
    id: 'acr-least-privilege-roles',
    title: 'Registry role assignments are AcrPull/AcrPush only; cluster identities are pull-only',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give the cluster its registries (HardenedAksCluster containerRegistries) or use HardenedContainerRegistry.grantPull for clusters and HardenedContainerRegistry.grantPush for CI; never Owner/Contributor on a registry.',
    remediationTargets: ['HardenedAksClusterProps.containerRegistries', 'HardenedContainerRegistry.grantPull', 'HardenedContainerRegistry.grantPush'],
    cisControls: [cisAks('5.1.2'), cisAks('5.1.3')],
    resourceTypes: ['azurerm_role_assignment'],
    constructDefault: 'HardenedContainerRegistry.grantPull: AcrPull for the kubelet identity',
  },
  (assignment, context) => {
    if (!registryOf(assignment, context)) {
      return notApplicable('not scoped to a container registry of this stack');
    }
    const role = assignment.get('role_definition_name');
    if (role === undefined) {
      return nonCompliant('role given by role_definition_id; use a registry role by name');
    }
    if (!REGISTRY_ROLES.has(role)) {
      return nonCompliant(`role ${role} on a registry`);
    }
    if (isKubeletIdentity(assignment, context) && role !== 'AcrPull') {
      return nonCompliant(`kubelet identity has ${role}; clusters only pull (AcrPull)`);
    }
    return compliant(role);
  },
);
