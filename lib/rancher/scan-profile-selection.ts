// Internal: which ClusterScanProfile a scheduled Rancher scan names, from the chart, its version and the
// cluster's Kubernetes minor, so that the operator accepts it (see scan-chart-releases.ts).
import { HardenedK8sError } from '../errors';
import { ScanChartRelease, ScanProfileFact } from './scan-chart-releases';

/** What the scheduled scan runs. */
export interface ScanProfileChoice {
  /** The profile to name in the ClusterScan; undefined leaves the choice to the operator's default. */
  readonly profileName?: string;
  /** The benchmark the scan runs, when the same for every release it may meet. */
  readonly benchmark?: string;
}

/** Inputs of the choice; `minor` undefined when the cluster's version is a token. */
export interface ScanProfileRequest {
  readonly construct: string;
  readonly chart: string;
  readonly releases: ScanChartRelease[];
  /** The upstream chart version (`+up` part), or undefined for the newest release of the Rancher server's line. */
  readonly upstreamVersion?: string;
  /** The chart version is a token: nothing is known about the release. */
  readonly versionUnknown?: boolean;
  readonly minor?: number;
  readonly profileName?: string;
}

const PROFILE_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** Chooses and validates the profile; throws a HardenedK8sError naming the fix when no safe choice exists. */
export function chooseScanProfile(request: ScanProfileRequest): ScanProfileChoice {
  const { construct, profileName } = request;
  if (profileName !== undefined && !PROFILE_NAME.test(profileName)) {
    throw fail(construct, `invalid scanProfileName ${JSON.stringify(profileName)}`, 'a ClusterScanProfile name such as "rke2-cis-1.12-profile"', 'use a profile name the chart ships, or leave scanProfileName unset');
  }
  const candidates = candidateReleases(request);
  if (candidates === undefined || request.minor === undefined) {
    if (profileName === undefined) {
      const why =
        request.minor === undefined
          ? 'the cluster\'s kubernetesVersion is a token'
          : request.versionUnknown
            ? 'chartVersion is a token'
            : `${request.chart} chart version ${request.upstreamVersion} is not a release this library has read`;
      throw fail(construct, `cannot choose a scan profile: ${why}`, 'a known chart version and a literal RKE2 version, or an explicit scanProfileName', 'set scanProfileName to a profile the installed chart ships (`kubectl get clusterscanprofiles`)');
    }
    return { profileName };
  }
  const minor = request.minor;
  if (profileName !== undefined) {
    return { profileName, benchmark: validateNamedProfile(request, candidates, minor, profileName) };
  }
  const explicit = candidates.map((r) => profileFor(r, minor));
  if (explicit.every((f) => f !== undefined && f.profile === explicit[0]!.profile)) {
    return { profileName: explicit[0]!.profile, benchmark: explicit[0]!.benchmark };
  }
  const defaults = candidates.map((r) => r.profiles.find((f) => f.profile === r.defaultProfile));
  if (defaults.every((f) => f !== undefined && covers(f, minor))) {
    const benchmarks = new Set(defaults.map((f) => f!.benchmark));
    return { profileName: undefined, benchmark: benchmarks.size === 1 ? [...benchmarks][0] : undefined };
  }
  const options = candidates.map((r, i) => `${r.rancher} line from ${r.from}: ${explicit[i]?.profile ?? 'none'}`).join('; ');
  throw fail(
    construct,
    `the scan profile for Kubernetes 1.${minor} depends on the ${request.chart} chart version (${options}), and the operator's default is not valid on every one`,
    'a pinned chartVersion such as "106.6.0+up8.8.0", or scanProfileName',
    'set chartVersion to the version Rancher installs, so the profile can be chosen for it',
  );
}

/** The releases the scan may meet: the pinned one, or the newest of each Rancher line that declares the minor. */
function candidateReleases(request: ScanProfileRequest): ScanChartRelease[] | undefined {
  const { releases, upstreamVersion, minor, construct, chart } = request;
  if (request.versionUnknown) {
    return undefined;
  }
  if (upstreamVersion !== undefined) {
    const release = releaseOf(releases, upstreamVersion);
    if (release && minor !== undefined && (minor < release.kubeMinMinor || minor > release.kubeMaxMinor)) {
      const fitting = newestPerLine(releases).filter((r) => declares(r, minor));
      throw fail(
        construct,
        `${chart} ${upstreamVersion} declares Kubernetes 1.${release.kubeMinMinor}-1.${release.kubeMaxMinor} (catalog.cattle.io/kube-version), not the cluster's 1.${minor}`,
        fitting.length ? `a chart line that declares 1.${minor}: ${fitting.map((r) => `Rancher ${r.rancher} (${r.from} or newer)`).join(', ')}` : `no release of ${chart} declares 1.${minor}`,
        'pick the chart version of a Rancher line that supports the cluster\'s Kubernetes minor, or another chart',
      );
    }
    return release ? [release] : undefined;
  }
  if (minor === undefined) {
    return undefined;
  }
  const fitting = newestPerLine(releases).filter((r) => declares(r, minor));
  if (fitting.length === 0) {
    const lines = newestPerLine(releases).map((r) => `Rancher ${r.rancher}: 1.${r.kubeMinMinor}-1.${r.kubeMaxMinor}`).join(', ');
    throw fail(
      construct,
      `no release of ${chart} declares the cluster's Kubernetes 1.${minor} (${lines})`,
      `a chart whose releases support 1.${minor}`,
      minor < newestPerLine(releases)[0].kubeMinMinor
        ? 'use RancherComplianceChart.RANCHER_CIS_BENCHMARK on older Kubernetes, or upgrade the cluster'
        : 'pin chartVersion and scanProfileName to a newer release you have checked',
    );
  }
  return fitting;
}

function validateNamedProfile(request: ScanProfileRequest, candidates: ScanChartRelease[], minor: number, profileName: string): string | undefined {
  const benchmarks = new Set<string>();
  for (const release of candidates) {
    const fact = release.profiles.find((f) => f.profile === profileName);
    const valid = release.profiles.filter((f) => covers(f, minor)).map((f) => f.profile);
    if (!fact || !covers(fact, minor)) {
      throw fail(
        request.construct,
        `invalid scanProfileName ${JSON.stringify(profileName)}: ${fact ? `its benchmark ${fact.benchmark} is declared for ${range(fact)}, not 1.${minor}` : `${request.chart} ${release.from}+ (Rancher ${release.rancher}) ships no such profile`}, so the operator would mark the scan Failed`,
        valid.length ? valid.join(', ') : 'none for this Kubernetes minor',
        'leave scanProfileName unset to have it chosen for the chart and the cluster\'s Kubernetes version',
      );
    }
    benchmarks.add(fact.benchmark);
  }
  return benchmarks.size === 1 ? [...benchmarks][0] : undefined;
}

function profileFor(release: ScanChartRelease, minor: number): ScanProfileFact | undefined {
  return release.profiles.find((f) => covers(f, minor));
}

function covers(fact: ScanProfileFact, minor: number): boolean {
  return minor >= fact.minMinor && (fact.maxMinor === undefined || minor <= fact.maxMinor);
}

function declares(release: ScanChartRelease, minor: number): boolean {
  return minor >= release.kubeMinMinor && minor <= release.kubeMaxMinor;
}

function range(fact: ScanProfileFact): string {
  return fact.maxMinor === undefined ? `Kubernetes 1.${fact.minMinor} and newer` : fact.maxMinor === fact.minMinor ? `Kubernetes 1.${fact.minMinor}` : `Kubernetes 1.${fact.minMinor}-1.${fact.maxMinor}`;
}

/** The entry that applies to a version: the last of its Rancher line starting at or before it. */
function releaseOf(releases: ScanChartRelease[], version: string): ScanChartRelease | undefined {
  const line = lineOf(releases, version);
  return releases.filter((r) => r.rancher === line && compareVersions(r.from, version) <= 0).pop();
}

/**
 * The Rancher line of a chart version: its major when every entry of that major is one line
 * (rancher-cis-benchmark 7.x is Rancher 2.10), else its major.minor (rancher-compliance 1.3.x is 2.13).
 */
function lineOf(releases: ScanChartRelease[], version: string): string | undefined {
  const [major, minor] = version.split('.').map(Number);
  const sameMajor = releases.filter((r) => Number(r.from.split('.')[0]) === major);
  if (new Set(sameMajor.map((r) => r.rancher)).size === 1) {
    return sameMajor[0].rancher;
  }
  return sameMajor.find((r) => Number(r.from.split('.')[1]) === minor)?.rancher;
}

function newestPerLine(releases: ScanChartRelease[]): ScanChartRelease[] {
  const byLine = new Map<string, ScanChartRelease>();
  releases.forEach((r) => byLine.set(r.rancher, r));
  return [...byLine.values()];
}

/** Numeric comparison of `x.y.z` versions. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if (pa[i] !== pb[i]) {
      return pa[i] - pb[i];
    }
  }
  return 0;
}

function fail(construct: string, what: string, allowed: string, fix: string): HardenedK8sError {
  return new HardenedK8sError(`${construct}: ${what}. Allowed: ${allowed}. Fix: ${fix}`);
}
