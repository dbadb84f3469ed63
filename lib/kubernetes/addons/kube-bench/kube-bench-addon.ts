import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import { Token } from 'cdktf';
import { invalidProp } from '../../../errors';
import { KubernetesDistribution } from '../../cluster';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { nodeAgentNamespace } from '../node-agent-namespace';
import { KubeBenchVersion } from './kube-bench-version';

/** Props of {@link KubeBenchAddon}. */
export interface KubeBenchAddonProps {
  /**
   * kube-bench image.
   * @default KubeBenchVersion.V0_15_6
   */
  readonly version?: KubeBenchVersion;
  /**
   * Namespace of the CronJob.
   * @default 'kube-bench'
   */
  readonly namespace?: string;
  /**
   * Cron schedule of the scan (UTC).
   * @default '0 3 * * *'
   */
  readonly schedule?: string;
  /**
   * kube-bench benchmark id.
   * @default - `aks-1.8` on AKS, `rke2-cis-1.8` on RKE2, auto-detected elsewhere
   */
  readonly benchmark?: string;
}

interface HostMount {
  readonly name: string;
  readonly path: string;
}

/** Host paths the node checks read (mounted read-only at the same path). */
const COMMON_MOUNTS: HostMount[] = [
  { name: 'var-lib-kubelet', path: '/var/lib/kubelet' },
  { name: 'etc-systemd', path: '/etc/systemd' },
  { name: 'etc-default', path: '/etc/default' },
  { name: 'etc-kubernetes', path: '/etc/kubernetes' },
];
/** RKE2 keeps kubelet config, certificates and manifests under /var/lib/rancher and /etc/rancher. */
const RKE2_MOUNTS: HostMount[] = [
  { name: 'var-lib-rancher', path: '/var/lib/rancher' },
  { name: 'etc-rancher', path: '/etc/rancher' },
];

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

  constructor(props: KubeBenchAddonProps = {}) {
    if (props.schedule !== undefined && !Token.isUnresolved(props.schedule) && !CRON.test(props.schedule.trim())) {
      throw invalidProp('KubeBenchAddon', 'schedule', props.schedule, 'a five-field cron expression', 'use e.g. "0 3 * * *"');
    }
    this.props = props;
    this.namespace = props.namespace ?? 'kube-bench';
  }

  /** The benchmark kube-bench runs on a distribution. */
  public benchmarkFor(distribution: KubernetesDistribution): string | undefined {
    if (this.props.benchmark) {
      return this.props.benchmark;
    }
    switch (distribution) {
      case KubernetesDistribution.AKS:
        return 'aks-1.8';
      case KubernetesDistribution.RKE2:
        return 'rke2-cis-1.8';
      default:
        return undefined;
    }
  }

  public install(context: AddonInstallContext): void {
    const distribution = context.cluster.distribution;
    const namespace = nodeAgentNamespace(
      context.chartScope,
      'kube-bench-namespace',
      { name: this.namespace, podSecurityVersion: context.podSecurityVersion },
      'kube-bench reads node configuration through the host PID namespace and read-only host mounts',
    );
    const benchmark = this.benchmarkFor(distribution);
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
                    args: ['run', '--targets', 'node', ...(benchmark ? ['--benchmark', benchmark] : []), '--json'],
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
}
