import { compliant, defineRule, nonCompliant, notApplicable, references, unknown } from '../../define-rule';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';
import { allBlocks, assignmentsOf, firstBlock, grantStatus, NeededGrant, sameId } from './role-grants';

const RESOURCE_GROUP_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)$/i;

/** True when the scope is the resource group of the gateway. */
function isGatewayResourceGroup(scope: string, gateway: IResolvedResource, context: IRuleContext): boolean {
  const groupName: unknown = gateway.config.resource_group_name;
  const sameName = (name: unknown) => typeof name === 'string' && typeof groupName === 'string' && sameId(name, groupName);
  if (!scope.includes('${')) {
    return sameName(RESOURCE_GROUP_ID.exec(scope)?.[1]) || (typeof groupName === 'string' && groupName.includes('${') && RESOURCE_GROUP_ID.test(scope));
  }
  // The group's id taken from the gateway's own id (what HardenedAksCluster writes) ...
  if (scope.includes(`${gateway.address}.id`) && /resourceGroups/.test(scope)) {
    return true;
  }
  // ... or a resource group of the stack that the gateway is in, by reference or by name.
  const group = /^\$\{(azurerm_resource_group\.[^.}]+)\.id\}$/.exec(scope)?.[1];
  const resource = context.resourcesOfType('azurerm_resource_group').find((g) => g.address === group);
  return resource !== undefined && (groupName === `\${${resource.address}.name}` || sameName(resource.config.name));
}

/** What AGIC needs on a gateway of the stack: write the gateway, read its group, join its subnet, use its identity. */
function gatewayGrants(gatewayId: string, gateway: IResolvedResource | undefined, context: IRuleContext): NeededGrant[] {
  const grants: NeededGrant[] = [{ what: 'Contributor on the gateway', roles: ['Contributor', 'Owner'], onScope: (s) => sameId(s, gatewayId) }];
  if (!gateway) {
    return grants;
  }
  grants.push({ what: 'Reader on the gateway resource group', roles: ['Reader', 'Contributor', 'Owner'], onScope: (s) => isGatewayResourceGroup(s, gateway, context) });
  for (const subnet of allBlocks(gateway.config.gateway_ip_configuration).map((c) => c?.subnet_id)) {
    grants.push({ what: 'Network Contributor on the gateway subnet', roles: ['Network Contributor', 'Contributor', 'Owner'], onScope: (s) => sameId(s, subnet) });
  }
  for (const identity of allBlocks(firstBlock(gateway.config.identity)?.identity_ids)) {
    grants.push({ what: 'Managed Identity Operator on the gateway identity', roles: ['Managed Identity Operator', 'Contributor', 'Owner'], onScope: (s) => sameId(s, identity) });
  }
  return grants;
}

function neededGrants(agic: any, context: IRuleContext): NeededGrant[] | undefined {
  if (typeof agic.gateway_id === 'string') {
    const gateway = context.resourcesOfType('azurerm_application_gateway').find((g) => references(agic.gateway_id, g));
    return gatewayGrants(agic.gateway_id, gateway, context);
  }
  if (typeof agic.subnet_id === 'string') {
    // AKS creates the gateway in a subnet of yours: the add-on must join it.
    return [{ what: 'Network Contributor on the gateway subnet', roles: ['Network Contributor', 'Contributor', 'Owner'], onScope: (s) => sameId(s, agic.subnet_id) }];
  }
  return undefined;
}

/**
 * The AGIC add-on's identity holds the roles it needs on the Application Gateway. Without them the add-on
 * runs, cannot program the gateway, and no Ingress is ever served.
 */
export const aksAgicPermissions = defineRule(
  {
    id: 'aks-agic-permissions',
    title: 'The AGIC add-on identity holds its roles on the Application Gateway, its resource group, subnet and identity',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give the cluster the gateway as HardenedAksCluster applicationGateway (it creates the role assignments), or call ' +
      'TlsIngressGateway.grantAgic with HardenedAksCluster.agicIdentityObjectId for a cluster created elsewhere; for a cluster written by hand, ' +
      'role assignments for ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id: Contributor on the gateway, ' +
      'Reader on its resource group, Network Contributor on its subnet, Managed Identity Operator on its identity.',
    remediationTargets: ['HardenedAksClusterProps.applicationGateway', 'TlsIngressGateway.grantAgic', 'HardenedAksCluster.agicIdentityObjectId'],
    cisControls: [],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster applicationGateway: the AGIC role assignments on the gateway',
  },
  (cluster, context) => {
    const agic = firstBlock(cluster.config.ingress_application_gateway);
    if (!agic) {
      return notApplicable('AGIC add-on off');
    }
    const needed = neededGrants(agic, context);
    if (!needed) {
      return notApplicable('AKS creates the gateway in its own network and grants the add-on itself');
    }
    const assignments = assignmentsOf(context, (p) => p.includes(`${cluster.address}.ingress_application_gateway`));
    const status = needed.map((grant) => ({ grant, status: grantStatus(assignments, grant) }));
    const missing = status.filter((s) => s.status === 'no').map((s) => s.grant.what);
    if (missing.length > 0) {
      return nonCompliant(`the AGIC identity lacks ${[...new Set(missing)].join(', ')}`);
    }
    if (status.some((s) => s.status === 'unknown')) {
      return unknown('a role assignment of the AGIC identity has a role known only at apply time');
    }
    return compliant([...new Set(needed.map((g) => g.what))].join(', '));
  },
);
