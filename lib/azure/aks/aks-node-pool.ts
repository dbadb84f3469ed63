import { KubernetesClusterNodePool } from '@cdktf/provider-azurerm/lib/kubernetes-cluster-node-pool';
import { Construct } from 'constructs';
import { missingProp } from '../../errors';
import { AksNodePoolOptions } from './aks-node-pool-options';
import { poolAttributes, resolvePoolOptions } from './node-pool-settings';
import { libraryScope } from '../../scope';
import { requireProps } from '../../validation';

/** Props of {@link AksNodePool}. */
export interface AksNodePoolProps extends AksNodePoolOptions {
  /** Resource id of the cluster. */
  readonly kubernetesClusterId: string;
  /** Pool name: lower-case letters and digits, starting with a letter, at most 12 characters. */
  readonly name: string;
  /** Subnet of the pool's nodes (and pods, with Azure CNI flat). */
  readonly subnetId: string;
  /**
   * Kubernetes taints, e.g. `dedicated=ingress:NoSchedule`.
   * @default - none
   */
  readonly nodeTaints?: string[];
}

/** A user node pool with the same hardening as the system pool: no public IPs, host encryption, ephemeral OS disk, zones. */
export class AksNodePool extends Construct {
  /** The node pool resource. */
  public readonly nodePool: KubernetesClusterNodePool;

  constructor(scope: Construct, id: string, props: AksNodePoolProps) {
    super(libraryScope(scope, id, 'AksNodePool'), id);
    const construct = `AksNodePool ${this.node.path}`;
    requireProps(construct, props, 'pass AksNodePoolProps with name, subnetId and kubernetesClusterId');
    if (!props.kubernetesClusterId) {
      throw missingProp(construct, 'kubernetesClusterId', 'pass the cluster id, e.g. cluster.clusterId, or use HardenedAksCluster.addUserNodePool');
    }
    if (!props.subnetId) {
      throw missingProp(construct, 'subnetId', 'pass the user node subnet id, e.g. network.userSubnetId');
    }
    const options = resolvePoolOptions(construct, props.name, props, false);
    this.nodePool = new KubernetesClusterNodePool(this, 'pool', {
      kubernetesClusterId: props.kubernetesClusterId,
      name: props.name,
      mode: 'User',
      nodeTaints: props.nodeTaints,
      // Changing hardened settings such as host encryption rotates the pool through this temporary pool.
      temporaryNameForRotation: `${props.name.slice(0, 8)}tmp`,
      ...poolAttributes(options, props.subnetId),
    });
  }
}
