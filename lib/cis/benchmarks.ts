import { CisBenchmark, CisBenchmarkDescription } from './types';

// Kubernetes ranges: RKE2 from the ClusterScanBenchmarks of rancher/compliance-operator and
// rancher/cis-operator (minKubernetesVersion/maxKubernetesVersion), which agree with kube-bench's
// cfg/config.yaml version_mapping for the generic CIS line; AKS from kube-bench's platform detection
// (cmd/util.go aksBenchmark at v0.15.6). kube-bench v0.15.6 has no RKE2 profile newer than rke2-cis-1.8.

const KUBE_BENCH_SOURCE = 'aquasecurity/kube-bench cfg @ a73ce378418c71c5861e6963753f50dec3badadf';

/** The description of each benchmark in the catalog. */
export const BENCHMARK_DESCRIPTIONS: Record<CisBenchmark, CisBenchmarkDescription> = {
  [CisBenchmark.AKS_1_8]: {
    benchmark: CisBenchmark.AKS_1_8,
    label: 'CIS AKS 1.8',
    title: 'CIS Azure Kubernetes Service (AKS) Benchmark v1.8',
    version: '1.8',
    platform: 'AKS',
    kubernetesVersions: '1.32 and newer (kube-bench selects aks-1.8 there; aks-1.7 on 1.29-1.31)',
    kubeBenchBenchmark: 'aks-1.8',
    source: `${KUBE_BENCH_SOURCE} (aks-1.8)`,
    releases: [
      { version: '1.7', minKubernetesMinor: 29, maxKubernetesMinor: 31, inCatalog: false, checkedBy: ['kube-bench aks-1.7'] },
      { version: '1.8', minKubernetesMinor: 32, inCatalog: true, checkedBy: ['kube-bench aks-1.8'] },
    ],
    applicability: 'Controls are from CIS AKS 1.8, the newest CIS AKS benchmark; on AKS 1.29-1.31 kube-bench selects 1.7, which 1.8 extends (4.1.7-4.1.12).',
  },
  [CisBenchmark.RKE2_1_8]: {
    benchmark: CisBenchmark.RKE2_1_8,
    label: 'RKE2 CIS 1.8',
    title: 'CIS Kubernetes Benchmark v1.8 as profiled for RKE2',
    version: '1.8',
    platform: 'RKE2',
    kubernetesVersions: '1.26',
    kubeBenchBenchmark: 'rke2-cis-1.8',
    source: `${KUBE_BENCH_SOURCE} (rke2-cis-1.8)`,
    releases: [
      {
        version: '1.8',
        minKubernetesMinor: 26,
        maxKubernetesMinor: 26,
        inCatalog: true,
        checkedBy: ['kube-bench rke2-cis-1.8', 'Rancher rancher-cis-benchmark rke2-cis-1.8-profile-hardened'],
      },
      { version: '1.9', minKubernetesMinor: 27, maxKubernetesMinor: 27, inCatalog: false, checkedBy: ['Rancher rke2-cis-1.9-profile'] },
      { version: '1.10', minKubernetesMinor: 28, maxKubernetesMinor: 28, inCatalog: false, checkedBy: ['Rancher rke2-cis-1.10-profile'] },
      { version: '1.11', minKubernetesMinor: 29, maxKubernetesMinor: 31, inCatalog: false, checkedBy: ['Rancher rke2-cis-1.11-profile'] },
      { version: '1.12', minKubernetesMinor: 32, inCatalog: false, checkedBy: ['Rancher rancher-compliance rke2-cis-1.12-profile'] },
    ],
    applicability:
      'Controls are from RKE2 CIS 1.8 (Kubernetes 1.26), the newest RKE2 profile in kube-bench; Rancher scans RKE2 1.27 with 1.9, 1.28 with 1.10, 1.29-1.31 with 1.11 and 1.32+ with 1.12, whose ids partly differ.',
  },
};
