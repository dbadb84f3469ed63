// Internal: the role assignments the AKS AGIC add-on's identity needs on an Application Gateway, shared by
// TlsIngressGateway.grantAgic and a HardenedAksCluster wired to a gateway.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';
import { assignRoleToManagedIdentity } from '../internal/role-assignment';

/** What AGIC is granted access to. */
export interface AgicGrantTargets {
  readonly gatewayId: string;
  /** The gateway's user-assigned identity: AGIC re-applies the gateway with it. */
  readonly gatewayIdentityId: string;
  readonly gatewaySubnetId: string;
  readonly resourceGroupId: string;
}

/**
 * Contributor on the gateway (AGIC writes listeners, rules and pools), Reader on its resource group,
 * Network Contributor on its subnet and Managed Identity Operator on its identity.
 */
export function agicRoleAssignments(scope: Construct, principalId: string, targets: AgicGrantTargets): RoleAssignment[] {
  return [
    assignRoleToManagedIdentity(scope, 'gateway-contributor', targets.gatewayId, 'Contributor', principalId),
    assignRoleToManagedIdentity(scope, 'resource-group-reader', targets.resourceGroupId, 'Reader', principalId),
    assignRoleToManagedIdentity(scope, 'subnet-network-contributor', targets.gatewaySubnetId, 'Network Contributor', principalId),
    assignRoleToManagedIdentity(scope, 'identity-operator', targets.gatewayIdentityId, 'Managed Identity Operator', principalId),
  ];
}
