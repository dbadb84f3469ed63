// Internal: role assignments the Azure constructs create.
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Construct } from 'constructs';

/** One role assignment of a built-in role by name. */
export function assignRole(scope: Construct, id: string, scopeId: string, roleDefinitionName: string, principalId: string): RoleAssignment {
  return new RoleAssignment(scope, id, { scope: scopeId, roleDefinitionName, principalId });
}

/**
 * A role assignment for a managed identity. The principal type spares Azure the directory lookup that
 * fails for an identity created moments before (replication delay).
 */
export function assignRoleToManagedIdentity(scope: Construct, id: string, scopeId: string, roleDefinitionName: string, principalId: string): RoleAssignment {
  return new RoleAssignment(scope, id, { scope: scopeId, roleDefinitionName, principalId, principalType: 'ServicePrincipal' });
}
