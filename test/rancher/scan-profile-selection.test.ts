import { App, TerraformVariable } from 'cdktf';
import { HardenedRke2Cluster, RancherComplianceChart, RancherComplianceScan } from '../../lib';
import { RANCHER_CIS_BENCHMARK_RELEASES, RANCHER_COMPLIANCE_RELEASES } from '../../lib/rancher/scan-chart-releases';
import { baseProps, rancherStack } from './rke2-helpers';

// One app, one cluster per Kubernetes minor, many scans: the choice happens at construction.
const app = new App();
const clusters = new Map<string, HardenedRke2Cluster>();
let scans = 0;

function clusterOn(version: string): HardenedRke2Cluster {
  if (!clusters.has(version)) {
    const stack = rancherStack(app, `rke2-${clusters.size}`);
    clusters.set(version, new HardenedRke2Cluster(stack, 'rke2', baseProps(stack, { kubernetesVersion: version })));
  }
  return clusters.get(version)!;
}

function scan(minor: number | string, props: { chart?: RancherComplianceChart; chartVersion?: string; scanProfileName?: string } = {}): RancherComplianceScan {
  const cluster = clusterOn(typeof minor === 'number' ? `v1.${minor}.4+rke2r1` : minor);
  return new RancherComplianceScan(cluster.node.scope!, `scan-${scans++}`, { cluster, ...props });
}

const COMPLIANCE = RancherComplianceChart.RANCHER_COMPLIANCE;
const CIS = RancherComplianceChart.RANCHER_CIS_BENCHMARK;

describe('profile chosen for the chart and the cluster\'s Kubernetes minor, chart version not pinned', () => {
  test.each([
    [COMPLIANCE, 31, 'rke2-cis-1.11-profile', 'rke2-cis-1.11'],
    [COMPLIANCE, 32, 'rke2-cis-1.12-profile', 'rke2-cis-1.12'],
    [COMPLIANCE, 34, 'rke2-cis-1.12-profile', 'rke2-cis-1.12'],
    [COMPLIANCE, 36, 'rke2-cis-1.12-profile', 'rke2-cis-1.12'],
    [CIS, 31, 'rke2-cis-1.11-profile', 'rke2-cis-1.11'],
    [CIS, 32, 'rke2-cis-1.11-profile', 'rke2-cis-1.11'],
  ])('%s on 1.%d: %s', (chart, minor, profile, benchmark) => {
    const s = scan(minor, { chart });
    expect([s.scanProfileName, s.benchmarkVersion]).toEqual([profile, benchmark]);
  });

  // 1.27: Rancher 2.8 needs 1.8, 2.9 needs 1.9; 1.29-1.30: 2.9 needs 1.9, 2.10 and 2.11 need 1.11.
  test.each([27, 29, 30])('rancher-cis-benchmark on 1.%d: the lines disagree but each operator default is valid: no profile named', (minor) => {
    const s = scan(minor, { chart: CIS });
    expect([s.scanProfileName, s.benchmarkVersion]).toEqual([undefined, undefined]);
  });

  test('rancher-cis-benchmark on 1.28: 2.8, 2.9 and 2.10 need 1.8, 1.9 and 1.10, and the 2.10 default (1.11) would fail: chartVersion required', () => {
    expect(() => scan(28, { chart: CIS })).toThrow(
      /the scan profile for Kubernetes 1.28 depends on the rancher-cis-benchmark chart version \(2.8 line from 5.7.0: rke2-cis-1.8-profile-hardened; 2.9 line from 6.6.0: rke2-cis-1.9-profile; 2.10 line from 7.7.0: rke2-cis-1.10-profile\).*Fix: set chartVersion/,
    );
  });

  test.each([
    [COMPLIANCE, 30, /no release of rancher-compliance declares the cluster's Kubernetes 1.30 .*Fix: use RancherComplianceChart.RANCHER_CIS_BENCHMARK/],
    [COMPLIANCE, 37, /no release of rancher-compliance declares the cluster's Kubernetes 1.37 .*Fix: pin chartVersion and scanProfileName/],
    [CIS, 33, /no release of rancher-cis-benchmark declares the cluster's Kubernetes 1.33/],
  ])('%s on 1.%d: no chart release supports the minor', (chart, minor, message) => {
    expect(() => scan(minor, { chart })).toThrow(message);
  });
});

describe('profile chosen for a pinned chart version', () => {
  test.each([
    [COMPLIANCE, '107.0.0+up1.0.0', 33, 'rke2-cis-1.9-profile'],
    [COMPLIANCE, '107.1.0+up1.1.0', 31, 'rke2-cis-1.10-profile'],
    [COMPLIANCE, '107.2.0+up1.2.1', 33, 'rke2-cis-1.11-profile'],
    [COMPLIANCE, '107.8.0+up1.2.7', 31, 'rke2-cis-1.11-profile'],
    [COMPLIANCE, '107.12.0+up1.2.12', 32, 'rke2-cis-1.12-profile'],
    [COMPLIANCE, '108.0.0+up1.3.0', 34, 'rke2-cis-1.11-profile'],
    [COMPLIANCE, '108.4.0+up1.3.4', 32, 'rke2-cis-1.11-profile'],
    [COMPLIANCE, '108.5.0+up1.3.5', 32, 'rke2-cis-1.12-profile'],
    [COMPLIANCE, '108.10.0+up1.3.11', 34, 'rke2-cis-1.12-profile'],
    [COMPLIANCE, '109.0.0+up1.4.0', 35, 'rke2-cis-1.11-profile'],
    [COMPLIANCE, '109.1.0+up1.4.1', 33, 'rke2-cis-1.12-profile'],
    [COMPLIANCE, '110.1.0+up1.5.1', 36, 'rke2-cis-1.12-profile'],
    [CIS, '104.2.0+up6.5.0', 30, 'rke2-cis-1.8-profile-hardened'],
    [CIS, '104.4.0+up6.9.0', 27, 'rke2-cis-1.9-profile'],
    [CIS, '104.4.0+up6.9.0', 30, 'rke2-cis-1.9-profile'],
    [CIS, '105.0.0+up7.0.0', 28, 'rke2-cis-1.8-profile-hardened'],
    [CIS, '105.3.0+up7.3.0', 31, 'rke2-cis-1.9-profile'],
    [CIS, '105.5.0+up7.6.0', 31, 'rke2-cis-1.10-profile'],
    [CIS, '105.6.0+up7.7.0', 28, 'rke2-cis-1.10-profile'],
    [CIS, '105.6.0+up7.7.0', 29, 'rke2-cis-1.11-profile'],
    [CIS, '106.0.0+up8.0.0', 32, 'rke2-cis-1.9-profile'],
    [CIS, '106.1.0+up8.2.0', 30, 'rke2-cis-1.10-profile'],
    [CIS, '106.6.0+up8.8.0', 32, 'rke2-cis-1.11-profile'],
  ])('%s %s on 1.%d: %s', (chart, chartVersion, minor, profile) => {
    expect(scan(minor, { chart, chartVersion }).scanProfileName).toBe(profile);
  });

  test('a chart version that does not declare the cluster\'s minor is an error naming the lines that do', () => {
    expect(() => scan(30, { chartVersion: '107.0.0+up1.0.0' })).toThrow(
      /rancher-compliance 1.0.0 declares Kubernetes 1.31-1.33 \(catalog.cattle.io\/kube-version\), not the cluster's 1.30. Allowed: no release of rancher-compliance declares 1.30/,
    );
    expect(() => scan(33, { chart: CIS, chartVersion: '105.6.0+up7.7.0' })).toThrow(/declares Kubernetes 1.28-1.31.*Allowed: no release/);
    expect(() => scan(30, { chart: CIS, chartVersion: '104.4.0+up6.9.0' }).scanProfileName).not.toThrow();
    expect(() => scan(31, { chart: CIS, chartVersion: '104.4.0+up6.9.0' })).toThrow(/Allowed: a chart line that declares 1.31: Rancher 2.10 \(7.7.0 or newer\), Rancher 2.11 \(8.3.0 or newer\)/);
  });

  test('a chart version this library has not read needs an explicit scanProfileName, which is then taken as given', () => {
    expect(() => scan(32, { chartVersion: '111.0.0+up1.6.0' })).toThrow(/rancher-compliance chart version 1.6.0 is not a release this library has read.*Fix: set scanProfileName/);
    expect(() => scan(32, { chart: CIS, chartVersion: '104.0.0+up6.0.0' })).toThrow(/chart version 6.0.0 is not a release/);
    const s = scan(32, { chartVersion: '111.0.0+up1.6.0', scanProfileName: 'rke2-cis-1.13-profile' });
    expect([s.scanProfileName, s.benchmarkVersion]).toEqual(['rke2-cis-1.13-profile', undefined]);
  });

  test.each(['106.0.0', '107.12.0+up1.2.12-rc.1', 'latest', ''])('bad chartVersion %j', (chartVersion) => {
    expect(() => scan(32, { chartVersion })).toThrow(/invalid chartVersion .*Allowed: a rancher-charts release version "<major>.<minor>.<patch>\+up<x.y.z>", e.g. "107.12.0\+up1.2.12"/);
  });
});

describe('an explicit scanProfileName is checked against what the operator accepts', () => {
  test('the old default rke2-cis-1.8-profile is shipped by no release', () => {
    expect(() => scan(32, { scanProfileName: 'rke2-cis-1.8-profile' })).toThrow(
      /invalid scanProfileName "rke2-cis-1.8-profile": rancher-compliance 1.2.7\+ \(Rancher 2.12\) ships no such profile, so the operator would mark the scan Failed. Allowed: rke2-cis-1.12-profile/,
    );
    expect(() => scan(31, { chart: CIS, scanProfileName: 'rke2-cis-1.8-profile' })).toThrow(/ships no such profile/);
  });
  test('a shipped profile whose benchmark excludes the minor', () => {
    expect(() => scan(32, { scanProfileName: 'rke2-cis-1.11-profile' })).toThrow(/its benchmark rke2-cis-1.11 is declared for Kubernetes 1.29-1.31, not 1.32/);
    expect(() => scan(30, { chart: CIS, chartVersion: '106.0.0+up8.0.0', scanProfileName: 'rke2-cis-1.8-profile-hardened' })).toThrow(/declared for Kubernetes 1.26, not 1.30/);
  });
  test('a valid one is kept, with its benchmark', () => {
    const s = scan(30, { chart: CIS, chartVersion: '104.2.0+up6.5.0', scanProfileName: 'rke2-cis-1.8-profile-permissive' });
    expect([s.scanProfileName, s.benchmarkVersion]).toEqual(['rke2-cis-1.8-profile-permissive', 'rke2-cis-1.8-permissive']);
  });
  test.each(['', 'RKE2 profile', '-x'])('not a profile name: %j', (scanProfileName) => {
    expect(() => scan(32, { scanProfileName })).toThrow(/invalid scanProfileName .*Allowed: a ClusterScanProfile name/);
  });
});

test('a token Kubernetes version or chart version needs an explicit scanProfileName', () => {
  const stack = rancherStack(app, 'token-version');
  const version = new TerraformVariable(stack, 'version', { type: 'string' });
  const cluster = new HardenedRke2Cluster(stack, 'rke2', baseProps(stack, { kubernetesVersion: version.stringValue }));
  expect(() => new RancherComplianceScan(stack, 'a', { cluster })).toThrow(/cannot choose a scan profile: the cluster's kubernetesVersion is a token/);
  expect(new RancherComplianceScan(stack, 'b', { cluster, scanProfileName: 'rke2-cis-1.12-profile' }).scanProfileName).toBe('rke2-cis-1.12-profile');
  const chartVersion = new TerraformVariable(stack, 'chart-version', { type: 'string' }).stringValue;
  expect(() => scan(32, { chartVersion })).toThrow(/cannot choose a scan profile: chartVersion is a token/);
});

test('JavaScript callers: no props or no cluster', () => {
  const stack = rancherStack(app, 'js');
  expect(() => new RancherComplianceScan(stack, 'a', undefined as any)).toThrow(/RancherComplianceScan .*props is required but was not given/);
  expect(() => new RancherComplianceScan(stack, 'b', { cluster: null as any })).toThrow(/cluster is required/);
});

describe.each([
  [COMPLIANCE, RANCHER_COMPLIANCE_RELEASES],
  [CIS, RANCHER_CIS_BENCHMARK_RELEASES],
])('%s: every choice is one the operator accepts', (chart, releases) => {
  // For each known release and each minor it declares, the pinned choice is a profile the release ships
  // whose benchmark covers the minor; the hardened variant wins over the permissive one.
  test.each(releases.map((r) => [r.from, r]))('release %s', (from, release) => {
    for (let minor = Math.max(release.kubeMinMinor, 27); minor <= release.kubeMaxMinor; minor++) {
      const s = scan(minor, { chart, chartVersion: `100.0.0+up${from}` });
      const fact = release.profiles.find((f) => f.profile === s.scanProfileName);
      expect([minor, fact && minor >= fact.minMinor && (fact.maxMinor === undefined || minor <= fact.maxMinor)]).toEqual([minor, true]);
      expect(s.scanProfileName).not.toMatch(/permissive/);
    }
  });
});
