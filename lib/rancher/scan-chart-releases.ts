// Internal: what each release of Rancher's two scan charts ships for RKE2, read in the charts' sources
// (rancher/compliance-operator chart/ and rancher/cis-operator chart/, every stable tag):
//   - the RKE2 ClusterScanProfiles (scanprofile-rke2-*.yaml) and the Kubernetes range of the
//     ClusterScanBenchmark each names (benchmark-rke2-*.yaml, minKubernetesVersion/maxKubernetesVersion),
//   - the chart's declared Kubernetes range (Chart.yaml annotation catalog.cattle.io/kube-version),
//   - the operator's default RKE2 profile (configmap.yaml default-clusterscanprofiles, key rke2).
// The operator marks a ClusterScan Failed when its profile is missing or its benchmark's range excludes
// the cluster's version (scanHandler.go validateClusterScanProfile), and it validates its own default
// profile the same way, so neither the profile nor "leave it to the default" is safe without these facts.

/** An RKE2 ClusterScanProfile a chart release ships, with its benchmark's Kubernetes minors (inclusive). */
export interface ScanProfileFact {
  /** ClusterScanProfile name. */
  readonly profile: string;
  /** ClusterScanBenchmark the profile runs, e.g. `rke2-cis-1.12`. */
  readonly benchmark: string;
  readonly minMinor: number;
  /** Undefined: no maxKubernetesVersion (every newer minor). */
  readonly maxMinor?: number;
}

/** The facts of a run of chart releases with the same RKE2 profiles, from `from` to the next entry of its line. */
export interface ScanChartRelease {
  /** First upstream chart version (the `+up` part of the rancher-charts version) this entry applies to. */
  readonly from: string;
  /** The Rancher minor the release line is built for (catalog.cattle.io/rancher-version). */
  readonly rancher: string;
  /** catalog.cattle.io/kube-version, as inclusive minors. */
  readonly kubeMinMinor: number;
  readonly kubeMaxMinor: number;
  /** Profiles in preference order (hardened before permissive). */
  readonly profiles: ScanProfileFact[];
  /** The operator's default RKE2 profile. */
  readonly defaultProfile: string;
}

function p(cis: string, minMinor: number, maxMinor?: number, suffix = ''): ScanProfileFact {
  return { profile: `rke2-cis-${cis}-profile${suffix}`, benchmark: `rke2-cis-${cis}${suffix}`, minMinor, maxMinor };
}

/** CIS 1.8 comes as a hardened and a permissive profile; a hardened cluster is scanned with the first. */
const P18_OPEN = [p('1.8', 26, undefined, '-hardened'), p('1.8', 26, undefined, '-permissive')];
const P18 = [p('1.8', 26, 26, '-hardened'), p('1.8', 26, 26, '-permissive')];
const P19 = p('1.9', 27, 27);
const P110 = p('1.10', 28, 28);
const P111_CAPPED = p('1.11', 29, 31);
const P112 = p('1.12', 32);
/** compliance-operator from 1.2.7 / 1.3.5 / 1.4.1 on: every RKE2 benchmark with a closed range but 1.12. */
const COMPLIANCE_FULL = [P19, P110, P111_CAPPED, P112];
const COMPLIANCE_TO_111 = [P19, P110, p('1.11', 29)];

/** rancher-compliance (compliance-operator; chart version = operator version). */
export const RANCHER_COMPLIANCE_RELEASES: ScanChartRelease[] = [
  { from: '1.0.0', rancher: '2.12', kubeMinMinor: 31, kubeMaxMinor: 33, profiles: [p('1.9', 27)], defaultProfile: 'rke2-cis-1.9-profile' },
  { from: '1.1.0', rancher: '2.12', kubeMinMinor: 31, kubeMaxMinor: 33, profiles: [P19, p('1.10', 28)], defaultProfile: 'rke2-cis-1.10-profile' },
  { from: '1.2.1', rancher: '2.12', kubeMinMinor: 31, kubeMaxMinor: 33, profiles: COMPLIANCE_TO_111, defaultProfile: 'rke2-cis-1.11-profile' },
  { from: '1.2.7', rancher: '2.12', kubeMinMinor: 31, kubeMaxMinor: 33, profiles: COMPLIANCE_FULL, defaultProfile: 'rke2-cis-1.12-profile' },
  { from: '1.3.0', rancher: '2.13', kubeMinMinor: 32, kubeMaxMinor: 34, profiles: COMPLIANCE_TO_111, defaultProfile: 'rke2-cis-1.11-profile' },
  { from: '1.3.5', rancher: '2.13', kubeMinMinor: 32, kubeMaxMinor: 34, profiles: COMPLIANCE_FULL, defaultProfile: 'rke2-cis-1.12-profile' },
  { from: '1.4.0', rancher: '2.14', kubeMinMinor: 33, kubeMaxMinor: 35, profiles: COMPLIANCE_TO_111, defaultProfile: 'rke2-cis-1.11-profile' },
  { from: '1.4.1', rancher: '2.14', kubeMinMinor: 33, kubeMaxMinor: 35, profiles: COMPLIANCE_FULL, defaultProfile: 'rke2-cis-1.12-profile' },
  { from: '1.5.0', rancher: '2.15', kubeMinMinor: 34, kubeMaxMinor: 36, profiles: COMPLIANCE_FULL, defaultProfile: 'rke2-cis-1.12-profile' },
];

/** rancher-cis-benchmark (cis-operator; chart versions 5.x-8.x, operator 1.1.x-1.4.x). */
export const RANCHER_CIS_BENCHMARK_RELEASES: ScanChartRelease[] = [
  { from: '5.7.0', rancher: '2.8', kubeMinMinor: 25, kubeMaxMinor: 28, profiles: P18_OPEN, defaultProfile: 'rke2-cis-1.8-profile-permissive' },
  { from: '6.1.0', rancher: '2.9', kubeMinMinor: 27, kubeMaxMinor: 30, profiles: P18_OPEN, defaultProfile: 'rke2-cis-1.8-profile-permissive' },
  { from: '6.6.0', rancher: '2.9', kubeMinMinor: 27, kubeMaxMinor: 30, profiles: [...P18, p('1.9', 27)], defaultProfile: 'rke2-cis-1.9-profile' },
  { from: '7.0.0', rancher: '2.10', kubeMinMinor: 28, kubeMaxMinor: 31, profiles: P18_OPEN, defaultProfile: 'rke2-cis-1.8-profile-permissive' },
  { from: '7.2.0', rancher: '2.10', kubeMinMinor: 28, kubeMaxMinor: 31, profiles: [...P18, p('1.9', 27)], defaultProfile: 'rke2-cis-1.9-profile' },
  { from: '7.6.0', rancher: '2.10', kubeMinMinor: 28, kubeMaxMinor: 31, profiles: [...P18, P19, p('1.10', 28)], defaultProfile: 'rke2-cis-1.10-profile' },
  { from: '7.7.0', rancher: '2.10', kubeMinMinor: 28, kubeMaxMinor: 31, profiles: [...P18, ...COMPLIANCE_TO_111], defaultProfile: 'rke2-cis-1.11-profile' },
  { from: '8.0.0', rancher: '2.11', kubeMinMinor: 30, kubeMaxMinor: 32, profiles: [...P18, p('1.9', 27)], defaultProfile: 'rke2-cis-1.9-profile' },
  { from: '8.2.0', rancher: '2.11', kubeMinMinor: 30, kubeMaxMinor: 32, profiles: [...P18, P19, p('1.10', 28)], defaultProfile: 'rke2-cis-1.10-profile' },
  { from: '8.3.0', rancher: '2.11', kubeMinMinor: 30, kubeMaxMinor: 32, profiles: [...P18, ...COMPLIANCE_TO_111], defaultProfile: 'rke2-cis-1.11-profile' },
];
