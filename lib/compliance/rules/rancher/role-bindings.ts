// Internal: who a rancher2 role binding binds, and which bindings belong to which cluster.
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, IRuleContext } from '../../types';

export const CLUSTER_ROLE_BINDING = 'rancher2_cluster_role_template_binding';
export const PROJECT_ROLE_BINDING = 'rancher2_project_role_template_binding';
export const GLOBAL_ROLE_BINDING = 'rancher2_global_role_binding';
export const PROJECT = 'rancher2_project';

/** A literal string attribute, undefined when unset; throws UnresolvedValueError for an expression. */
function literal(resource: IResolvedResource, path: string): string | undefined {
  const value = resource.config?.[path];
  if (value === undefined || value === null || value === '') {
    return undefined;
  }
  if (isTerraformExpression(value)) {
    throw new UnresolvedValueError(path, value);
  }
  return String(value);
}

/** The role a binding grants (`role_template_id`, or `global_role_id`). */
export function roleOf(binding: IResolvedResource): string | undefined {
  return literal(binding, binding.terraformType === GLOBAL_ROLE_BINDING ? 'global_role_id' : 'role_template_id');
}

/** The group a binding binds (principal or Rancher group id), if any. */
export function groupOf(binding: IResolvedResource): string | undefined {
  return literal(binding, 'group_principal_id') ?? literal(binding, 'group_id');
}

/** The user a binding binds (Rancher user id or principal), if any. */
export function userOf(binding: IResolvedResource): string | undefined {
  return literal(binding, 'user_id') ?? literal(binding, 'user_principal_id');
}

/** True when a `cluster_id` value designates the cluster: a reference to its `cluster_v1_id`. */
export function refersToCluster(clusterId: unknown, cluster: IResolvedResource): boolean {
  return typeof clusterId === 'string' && clusterId.includes(`\${${cluster.address}.cluster_v1_id}`);
}

/** Same cluster id, literal or reference, as written in the two resources. */
function sameClusterId(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && a !== '' && a === b;
}

/** The projects whose `cluster_id` is the given one. */
export function projectsWithClusterId(clusterId: unknown, context: IRuleContext): IResolvedResource[] {
  return context.resourcesOfType(PROJECT).filter((p) => sameClusterId(p.config?.cluster_id, clusterId));
}

/** The project role bindings of a project (by reference to its id). */
export function bindingsOfProject(project: IResolvedResource, context: IRuleContext): IResolvedResource[] {
  return context.resourcesOfType(PROJECT_ROLE_BINDING).filter((b) => typeof b.config?.project_id === 'string' && b.config.project_id.includes(`\${${project.address}.id}`));
}
