// Internal: which cluster a ClusterBaseline hardens, recorded in the construct tree so the compliance
// engine can count evidence per cluster (a baseline's stacks prove controls for its cluster only).
import { IConstruct } from 'constructs';
import { PolicyEngine } from './cluster';

/** One baseline and the cluster it serves. */
export interface ServedCluster {
  /** Construct path of the ClusterBaseline. */
  readonly baselinePath: string;
  /** Names of the baseline's stacks: the findings there are evidence for this cluster. */
  readonly stackNames: string[];
  /** The stack the engine reports the baseline's "no evidence" findings in (its first stack). */
  readonly reportStackName: string;
  /** Construct path of the cluster when it is a construct of the app (HardenedAksCluster, HardenedRke2Cluster). */
  readonly clusterPath?: string;
  /** The cluster's name, for messages. */
  readonly clusterName: string;
  /** The admission policy engine the cluster runs. */
  readonly policyEngine: PolicyEngine;
}

const SERVED = new WeakMap<IConstruct, ServedCluster>();

/** Records the cluster a baseline serves. */
export function recordServedCluster(baseline: IConstruct, served: ServedCluster): void {
  SERVED.set(baseline, served);
}

/** Every baseline of the app below `root` and the cluster it serves, in construct order. */
export function servedClusters(root: IConstruct): ServedCluster[] {
  return root.node.findAll().flatMap((c) => {
    const served = SERVED.get(c);
    return served ? [served] : [];
  });
}
