// Internal: the node pool settings of a cluster's default pool or of a node pool resource.
import { IResolvedResource } from '../../types';

export const CLUSTER = 'azurerm_kubernetes_cluster';
export const NODE_POOL = 'azurerm_kubernetes_cluster_node_pool';

/** Attribute path prefix of a pool's settings: `default_node_pool.` on a cluster, none on a node pool. */
export function poolPrefix(resource: IResolvedResource): string {
  return resource.terraformType === CLUSTER ? 'default_node_pool.' : '';
}
