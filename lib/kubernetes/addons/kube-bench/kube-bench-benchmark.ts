import { Token } from 'cdktf';
import { invalidProp } from '../../../errors';
import { KubernetesDistribution } from '../../cluster';

/**
 * A kube-bench benchmark (`--benchmark`), with the distribution it is written for and the Kubernetes
 * minors it applies to (kube-bench v0.15.6 cfg/config.yaml and its platform detection). kube-bench has
 * no RKE2 profile newer than rke2-cis-1.8; the generic cis-1.x profiles check kubeadm paths, so they are
 * for other distributions.
 */
export class KubeBenchBenchmark {
  /** CIS AKS 1.8 (kube-bench's choice on AKS 1.32 and newer). */
  public static readonly AKS_1_8 = new KubeBenchBenchmark('aks-1.8', KubernetesDistribution.AKS, 32, undefined);
  /** CIS AKS 1.7 (kube-bench's choice on AKS 1.29-1.31). */
  public static readonly AKS_1_7 = new KubeBenchBenchmark('aks-1.7', KubernetesDistribution.AKS, 29, 31);
  /** CIS 1.8 as profiled for RKE2 (Kubernetes 1.26), the newest RKE2 profile in kube-bench. */
  public static readonly RKE2_CIS_1_8 = new KubeBenchBenchmark('rke2-cis-1.8', KubernetesDistribution.RKE2, 26, 26);
  /** Generic CIS Kubernetes 1.9 (Kubernetes 1.27). */
  public static readonly CIS_1_9 = new KubeBenchBenchmark('cis-1.9', KubernetesDistribution.OTHER, 27, 27);
  /** Generic CIS Kubernetes 1.10 (Kubernetes 1.28). */
  public static readonly CIS_1_10 = new KubeBenchBenchmark('cis-1.10', KubernetesDistribution.OTHER, 28, 28);
  /** Generic CIS Kubernetes 1.11 (Kubernetes 1.29-1.31). */
  public static readonly CIS_1_11 = new KubeBenchBenchmark('cis-1.11', KubernetesDistribution.OTHER, 29, 31);
  /** Generic CIS Kubernetes 1.12 (Kubernetes 1.32-1.34). */
  public static readonly CIS_1_12 = new KubeBenchBenchmark('cis-1.12', KubernetesDistribution.OTHER, 32, 34);

  /** Escape hatch: another benchmark id of your kube-bench image, for one distribution (no version check). */
  public static of(id: string, distribution: KubernetesDistribution): KubeBenchBenchmark {
    if (Token.isUnresolved(id) || typeof id !== 'string' || !/^[a-z0-9]+(-[a-z0-9.]+)+$/.test(id)) {
      throw invalidProp('KubeBenchBenchmark.of', 'id', id, 'a kube-bench benchmark id such as "rke2-cis-1.8" (a directory of cfg/)', 'use an id from your kube-bench image');
    }
    if (!Object.values(KubernetesDistribution).includes(distribution)) {
      throw invalidProp('KubeBenchBenchmark.of', 'distribution', distribution, Object.values(KubernetesDistribution).join(', '), 'use a KubernetesDistribution value');
    }
    return new KubeBenchBenchmark(id, distribution, undefined, undefined);
  }

  /** The benchmark id kube-bench takes. */
  public readonly id: string;
  /** The distribution the benchmark's checks are written for. */
  public readonly distribution: KubernetesDistribution;
  /** Oldest Kubernetes minor it applies to; undefined for `of()` benchmarks. */
  public readonly minKubernetesMinor?: number;
  /** Newest Kubernetes minor it applies to; undefined when open-ended or unknown. */
  public readonly maxKubernetesMinor?: number;

  private constructor(id: string, distribution: KubernetesDistribution, minKubernetesMinor: number | undefined, maxKubernetesMinor: number | undefined) {
    this.id = id;
    this.distribution = distribution;
    this.minKubernetesMinor = minKubernetesMinor;
    this.maxKubernetesMinor = maxKubernetesMinor;
  }

  /** Whether the benchmark is written for a Kubernetes minor; undefined when its range is unknown. */
  public appliesTo(kubernetesMinor: number): boolean | undefined {
    if (this.minKubernetesMinor === undefined) {
      return undefined;
    }
    return kubernetesMinor >= this.minKubernetesMinor && (this.maxKubernetesMinor === undefined || kubernetesMinor <= this.maxKubernetesMinor);
  }
}
