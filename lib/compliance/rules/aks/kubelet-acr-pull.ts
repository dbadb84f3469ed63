import { compliant, defineRule, nonCompliant, notApplicable, unknown } from '../../define-rule';
import { IResolvedResource, RuleSeverity } from '../../types';
import { assignmentsOf, firstBlock, grantStatus, roleOf } from './role-grants';

/** True when the principal id is the object id of the cluster's kubelet identity. */
function kubeletPrincipal(cluster: IResolvedResource): (principalId: string) => boolean {
  const kubelet = firstBlock(cluster.config.kubelet_identity) ?? {};
  const objectId = typeof kubelet.object_id === 'string' ? kubelet.object_id : undefined;
  // A user-assigned kubelet identity of the stack: `${azurerm_user_assigned_identity.<name>.id}`.
  const identity = /^\$\{(azurerm_user_assigned_identity\.[^.}]+)\.id\}$/.exec(String(kubelet.user_assigned_identity_id ?? ''))?.[1];
  return (principalId) =>
    principalId === objectId ||
    principalId.includes(`${cluster.address}.kubelet_identity`) ||
    (identity !== undefined && principalId.includes(`${identity}.principal_id`));
}

/**
 * A cluster's nodes can pull from the registries of its stack: its kubelet identity holds AcrPull. Without
 * it the platform synthesizes and deploys, and then no pod can start from a private image.
 */
export const aksKubeletAcrPull = defineRule(
  {
    id: 'aks-kubelet-acr-pull',
    title: 'The kubelet identity of a cluster holds AcrPull when its stack has a container registry',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give the cluster its registries: HardenedAksCluster containerRegistries (or containerRegistryIds for registries created elsewhere), ' +
      'or call HardenedContainerRegistry.grantPull with HardenedAksCluster.kubeletIdentityObjectId; for a cluster written by hand, ' +
      'an azurerm_role_assignment of AcrPull on the registry for kubelet_identity[0].object_id.',
    remediationTargets: ['HardenedAksClusterProps.containerRegistries', 'HardenedAksClusterProps.containerRegistryIds', 'HardenedContainerRegistry.grantPull', 'HardenedAksCluster.kubeletIdentityObjectId'],
    cisControls: [],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster containerRegistries: AcrPull for the kubelet identity on each registry',
  },
  (cluster, context) => {
    const assignments = assignmentsOf(context, kubeletPrincipal(cluster));
    const pull = grantStatus(assignments, { what: 'AcrPull', roles: ['AcrPull'], onScope: () => true });
    if (pull === 'yes') {
      const scopes = assignments.filter((a) => roleOf(a) === 'AcrPull').map((a) => a.address);
      return compliant(`AcrPull through ${scopes.join(', ')}`);
    }
    const registries = context.resourcesOfType('azurerm_container_registry');
    if (registries.length === 0) {
      return notApplicable('no container registry in this stack');
    }
    if (pull === 'unknown') {
      return unknown('a role assignment of the kubelet identity has a role known only at apply time');
    }
    return nonCompliant(`the kubelet identity has no AcrPull: the nodes cannot pull from ${registries.map((r) => r.address).join(', ')}`);
  },
);
