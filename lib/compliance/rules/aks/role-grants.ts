// Internal helpers of the AKS rules that look for the role assignments a cluster's identities need.
import { isTerraformExpression } from '../../resolved-resource';
import { IResolvedResource, IRuleContext } from '../../types';

/** Built-in role ids, so that an assignment by `role_definition_id` is read like one by name. */
const BUILT_IN_ROLES: Record<string, string> = {
  '7f951dda-4ed3-4680-a7ca-43fe172d538d': 'AcrPull',
  'b24988ac-6180-42a0-ab88-20f7382dd24c': 'Contributor',
  '8e3af657-a8ff-443c-a75c-2fe8c4bcb635': 'Owner',
  'acdd72a7-3385-48ef-bd42-f606fba81ae7': 'Reader',
  '4d97b98b-1d4f-4787-a291-c67834d212e7': 'Network Contributor',
  'f1a07417-d97a-45cb-824c-7a7467783830': 'Managed Identity Operator',
  'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b': 'Azure Kubernetes Service RBAC Cluster Admin',
  '3498e952-d568-435e-9b2c-8d77e338d7f7': 'Azure Kubernetes Service RBAC Admin',
  'a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb': 'Azure Kubernetes Service RBAC Writer',
  '7f6c6a51-bcf8-42ba-9220-52d62157d7db': 'Azure Kubernetes Service RBAC Reader',
};

/** The single block of a nested block attribute, synthesized as an object or a one-element list. */
export function firstBlock(value: unknown): any {
  return Array.isArray(value) ? value[0] : value;
}

/** Every element of a repeated block or list attribute. */
export function allBlocks(value: unknown): any[] {
  if (value === undefined || value === null) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** Two resource ids name the same resource: literals compare case-insensitively, expressions exactly. */
export function sameId(a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '') {
    return false;
  }
  const literal = !a.includes('${') && !b.includes('${');
  return literal ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** The role an assignment grants: its name, a built-in role id read as its name, or undefined when unresolved. */
export function roleOf(assignment: IResolvedResource): string | undefined {
  const name: unknown = assignment.config.role_definition_name;
  if (typeof name === 'string') {
    return isTerraformExpression(name) ? undefined : name;
  }
  const id: unknown = assignment.config.role_definition_id;
  if (typeof id === 'string' && !id.includes('${')) {
    return BUILT_IN_ROLES[id.split('/').pop()?.toLowerCase() ?? ''] ?? id;
  }
  return undefined;
}

/** The role assignments of the stack whose principal the predicate accepts. */
export function assignmentsOf(context: IRuleContext, isPrincipal: (principalId: string) => boolean): IResolvedResource[] {
  return context.resourcesOfType('azurerm_role_assignment').filter((a) => typeof a.config.principal_id === 'string' && isPrincipal(a.config.principal_id));
}

/** A permission an identity needs: one of the roles on a scope the predicate accepts. */
export interface NeededGrant {
  /** What is needed, for messages, e.g. "Contributor on the gateway". */
  readonly what: string;
  readonly roles: string[];
  readonly onScope: (scope: string) => boolean;
}

/** Whether one of the assignments gives the grant: yes, no, or unknown when a candidate's role is unresolved. */
export function grantStatus(assignments: IResolvedResource[], needed: NeededGrant): 'yes' | 'no' | 'unknown' {
  const roles = new Set(needed.roles.map((r) => r.toLowerCase()));
  let unknown = false;
  for (const assignment of assignments) {
    const scope = assignment.config.scope;
    if (typeof scope !== 'string' || !needed.onScope(scope)) {
      continue;
    }
    const role = roleOf(assignment);
    if (role === undefined) {
      unknown = true;
    } else if (roles.has(role.toLowerCase())) {
      return 'yes';
    }
  }
  return unknown ? 'unknown' : 'no';
}
