import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { Annotations, Token } from 'cdktf';
import { CisCatalog } from '../../../cis/catalog';
import { CisBenchmark } from '../../../cis/types';
import { HardenedK8sError, invalidProp } from '../../../errors';
import { IKubernetesCluster, KubernetesDistribution } from '../../cluster';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { AGENT_NAMESPACES } from '../../exemptions';
import { nodeAgentNamespace } from '../node-agent-namespace';
import { KubeBenchBenchmark } from './kube-bench-benchmark';
import { KubeBenchVersion } from './kube-bench-version';
import { COMMON_MOUNTS, RKE2_MOUNTS } from './host-mounts';

/** Props of {@link KubeBenchAddon}. */
export interface KubeBenchAddonProps {
  /**
   * kube-bench image.
   * @default KubeBenchVersion.V0_15_6
   */
  readonly version?: KubeBenchVersion;
  /**
   * Namespace of the CronJob.
   * Any other namespace is created privileged just the same, but without the library's built-in waiver:
   * it may hold workloads, so its Pod Security level (`k8s-namespace-pod-security`) and its exclusion from
   * the Gatekeeper constraints (`gatekeeper-constraint-exemptions`) are findings that need a waiver.
   * @default 'kube-bench'
   */
  readonly namespace?: string;
  /**
   * Cron schedule of the scan (UTC).
   * @default '0 3 * * *'
   */
  readonly schedule?: string;
  /**
   * The benchmark kube-bench runs; it must be written for the cluster's distribution.
   * @default - on AKS `KubeBenchBenchmark.AKS_1_8` (`AKS_1_7` when the cluster runs 1.29-1.31, as kube-bench
   * itself chooses); on RKE2 `KubeBenchBenchmark.RKE2_CIS_1_8` (CIS RKE2 1.8, the newest RKE2 profile in
   * kube-bench); elsewhere kube-bench detects it from the cluster's version
   */
  readonly benchmark?: KubeBenchBenchmark;
}

/** The benchmark line of the catalog per distribution, for the version-gap warning. */
const CATALOG_BENCHMARK: Partial<Record<KubernetesDistribution, CisBenchmark>> = {
  [KubernetesDistribution.AKS]: CisBenchmark.AKS_1_8,
  [KubernetesDistribution.RKE2]: CisBenchmark.RKE2_1_8,
};

/** The Kubernetes minor of `v1.32.5+rke2r1`, `1.32` or `1.32.5`; undefined when unknown. */
function kubernetesMinor(version: string | undefined): number | undefined {
  if (version === undefined || Token.isUnresolved(version)) {
    return undefined;
  }
  const match = /^v?1\.(\d+)(\.|$|\+)/.exec(version);
  return match ? Number(match[1]) : undefined;
}

const CRON = /^(\S+\s+){4}\S+$/;

/**
 * A kube-bench CronJob that runs the node checks of the cluster's CIS benchmark (aks-1.8 on AKS,
 * rke2-cis-1.8 on RKE2) and prints the results as JSON to the job log. It needs the host PID namespace
 * and read-only host mounts, so its namespace enforces Pod Security `privileged` (built-in waiver).
 */
export class KubeBenchAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'kube-bench';

  public readonly addonId = KubeBenchAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  /** Namespace of the CronJob. */
  public readonly namespace: string;
  private readonly props: KubeBenchAddonProps;

  constructor(props?: KubeBenchAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    props = props ?? {};
    if (props.benchmark !== undefined && props.benchmark !== null && !(props.benchmark instanceof KubeBenchBenchmark)) {
      throw invalidProp('KubeBenchAddon', 'benchmark', props.benchmark, 'a KubeBenchBenchmark, e.g. KubeBenchBenchmark.RKE2_CIS_1_8', 'use a KubeBenchBenchmark member or KubeBenchBenchmark.of(id, distribution)');
    }
    if (props.schedule !== undefined && !Token.isUnresolved(props.schedule) && !CRON.test(props.schedule.trim())) {
      throw invalidProp('KubeBenchAddon', 'schedule', props.schedule, 'a five-field cron expression', 'use e.g. "0 3 * * *"');
    }
    this.props = props;
    this.namespace = props.namespace ?? AGENT_NAMESPACES[KubeBenchAddon.ID];
  }

  /**
   * The benchmark kube-bench runs on a cluster (undefined: kube-bench detects it). Throws when the chosen
   * benchmark is written for another distribution.
   */
  public benchmarkFor(cluster: IKubernetesCluster): KubeBenchBenchmark | undefined {
    const chosen = this.props.benchmark ?? undefined;
    if (chosen) {
      if (chosen.distribution !== cluster.distribution) {
        throw new HardenedK8sError(
          `KubeBenchAddon: invalid benchmark ${JSON.stringify(chosen.id)} for cluster ${JSON.stringify(cluster.clusterName)}: it is written for ${chosen.distribution}, the cluster is ${cluster.distribution}. ` +
            `Allowed: a benchmark for ${cluster.distribution}. Fix: leave benchmark unset for the distribution's default, or use KubeBenchBenchmark.of(id, KubernetesDistribution.${cluster.distribution.toUpperCase()}) for an id you have checked.`,
        );
      }
      return chosen;
    }
    switch (cluster.distribution) {
      case KubernetesDistribution.AKS: {
        const minor = kubernetesMinor(cluster.kubernetesVersion);
        return minor !== undefined && KubeBenchBenchmark.AKS_1_7.appliesTo(minor) ? KubeBenchBenchmark.AKS_1_7 : KubeBenchBenchmark.AKS_1_8;
      }
      case KubernetesDistribution.RKE2:
        return KubeBenchBenchmark.RKE2_CIS_1_8;
      default:
        return undefined;
    }
  }

  public install(context: AddonInstallContext): void {
    const distribution = context.cluster.distribution;
    const namespace = nodeAgentNamespace(
      context.chartScope,
      'kube-bench-namespace',
      KubeBenchAddon.ID,
      { name: this.namespace, podSecurityVersion: context.podSecurityVersion },
      'kube-bench reads node configuration through the host PID namespace and read-only host mounts',
    );
    const benchmark = this.benchmarkFor(context.cluster);
    this.warnOnVersionGap(context, benchmark);
    const mounts = distribution === KubernetesDistribution.RKE2 ? [...COMMON_MOUNTS, ...RKE2_MOUNTS] : COMMON_MOUNTS;
    const image = this.props.version ?? KubeBenchVersion.V0_15_6;
    new CronJobV1(context.chartScope, 'kube-bench', {
      metadata: { name: 'kube-bench', namespace: namespace.namespaceName },
      spec: {
        schedule: this.props.schedule ?? '0 3 * * *',
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: {},
          spec: {
            backoffLimit: 0,
            ttlSecondsAfterFinished: "86400",
            template: {
              metadata: { labels: { 'app.kubernetes.io/name': 'kube-bench' } },
              spec: {
                hostPid: true,
                restartPolicy: 'Never',
                automountServiceAccountToken: false,
                container: [
                  {
                    name: 'kube-bench',
                    image: image.image,
                    command: ['kube-bench'],
                    args: ['run', '--targets', 'node', ...(benchmark ? ['--benchmark', benchmark.id] : []), '--json'],
                    securityContext: {
                      privileged: false,
                      allowPrivilegeEscalation: false,
                      readOnlyRootFilesystem: true,
                      capabilities: { drop: ['ALL'] },
                      seccompProfile: { type: 'RuntimeDefault' },
                    },
                    resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
                    volumeMount: mounts.map((m) => ({ name: m.name, mountPath: m.path, readOnly: true })),
                  },
                ],
                volume: mounts.map((m) => ({ name: m.name, hostPath: { path: m.path } })),
              },
            },
          },
        },
      },
    });
  }

  /**
   * A chosen benchmark written for another Kubernetes minor than the cluster's is reported, naming what
   * applies. The RKE2 default is not: kube-bench has nothing newer, and the README and
   * `CisCatalog.benchmark(CisBenchmark.RKE2_1_8)` state the gap.
   */
  private warnOnVersionGap(context: AddonInstallContext, benchmark: KubeBenchBenchmark | undefined): void {
    const minor = kubernetesMinor(context.cluster.kubernetesVersion);
    if (!this.props.benchmark || !benchmark || minor === undefined || benchmark.appliesTo(minor) !== false) {
      return;
    }
    const line = CATALOG_BENCHMARK[context.cluster.distribution];
    const applies = line ? CisCatalog.releaseFor(line, minor) : undefined;
    Annotations.of(context.chartScope).addWarning(
      `[kube-bench-benchmark-version] kube-bench ${benchmark.id} is written for Kubernetes ${range(benchmark)}; the cluster runs 1.${minor}` +
        (applies && line ? `, for which ${versionLabel(line, applies.version)} applies (checked by ${applies.checkedBy.join(', ')})` : '') +
        '. Its results are the older benchmark\'s.',
    );
  }
}

/** `RKE2 CIS 1.12`, `CIS AKS 1.7`: the catalog benchmark's label at another version of its line. */
function versionLabel(line: CisBenchmark, version: string): string {
  const description = CisCatalog.benchmark(line);
  return description.label.replace(description.version, version);
}

function range(benchmark: KubeBenchBenchmark): string {
  const min = `1.${benchmark.minKubernetesMinor}`;
  if (benchmark.maxKubernetesMinor === undefined) {
    return `${min} and newer`;
  }
  return benchmark.maxKubernetesMinor === benchmark.minKubernetesMinor ? min : `${min}-1.${benchmark.maxKubernetesMinor}`;
}
