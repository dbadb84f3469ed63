import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp, missingProp } from '../errors';
import { AddonInstallContext, IClusterAddon } from '../kubernetes/addons/addon';
import { Rancher2AppV2 } from './bindings/app-v2';
import { HardenedRke2Cluster } from './hardened-rke2-cluster';
import { RANCHER_CIS_BENCHMARK_RELEASES, RANCHER_COMPLIANCE_RELEASES, ScanChartRelease } from './scan-chart-releases';
import { chooseScanProfile } from './scan-profile-selection';
import { rke2Minor } from './rke2-version';
import { libraryScope } from '../scope';
import { requireProps } from '../validation';

/** Which Rancher scanning app to install. */
export enum RancherComplianceChart {
  /** `rancher-compliance` (Rancher 2.12 and newer), API group compliance.cattle.io. */
  RANCHER_COMPLIANCE = 'rancher-compliance',
  /** `rancher-cis-benchmark` (Rancher 2.11 and older), API group cis.cattle.io. */
  RANCHER_CIS_BENCHMARK = 'rancher-cis-benchmark',
}

interface ChartFacts {
  readonly namespace: string;
  readonly apiGroup: string;
  readonly releases: ScanChartRelease[];
  readonly exampleVersion: string;
}

/** Release names and namespaces are the charts' catalog annotations (the provider forces them). */
const CHARTS: Record<RancherComplianceChart, ChartFacts> = {
  [RancherComplianceChart.RANCHER_COMPLIANCE]: {
    namespace: 'compliance-operator-system',
    apiGroup: 'compliance.cattle.io/v1',
    releases: RANCHER_COMPLIANCE_RELEASES,
    exampleVersion: '107.12.0+up1.2.12',
  },
  [RancherComplianceChart.RANCHER_CIS_BENCHMARK]: {
    namespace: 'cis-operator-system',
    apiGroup: 'cis.cattle.io/v1',
    releases: RANCHER_CIS_BENCHMARK_RELEASES,
    exampleVersion: '106.6.0+up8.8.0',
  },
};

const CRON = /^(\S+\s+){4}\S+$/;
/** rancher-charts versions: `<Rancher chart major>.<minor>.<patch>+up<upstream chart version>`. */
const RANCHER_CHART_VERSION = /^\d+\.\d+\.\d+\+up(\d+\.\d+\.\d+)$/;

/** Props of {@link RancherComplianceScan}. */
export interface RancherComplianceScanProps {
  /** The cluster to scan. */
  readonly cluster: HardenedRke2Cluster;
  /**
   * The scanning app: `rancher-compliance` on Rancher 2.12+, `rancher-cis-benchmark` before.
   * @default RancherComplianceChart.RANCHER_COMPLIANCE
   */
  readonly chart?: RancherComplianceChart;
  /**
   * Chart version of both the app and its CRD chart, as rancher-charts names it (`107.12.0+up1.2.12`);
   * chart versions are tied to the Rancher minor. Pinning it lets the scan profile be chosen for exactly
   * that release.
   * @default - the newest version in rancher-charts for the Rancher server
   */
  readonly chartVersion?: string;
  /**
   * ClusterScanProfile of the scheduled scan. When set, it is checked against the profiles the chart
   * release(s) ship and the Kubernetes range of their benchmarks.
   * @default - chosen from the chart, its version and the cluster's Kubernetes minor (rancher-compliance:
   * `rke2-cis-1.11-profile` on 1.31, `rke2-cis-1.12-profile` on 1.32 and newer); where the choice depends on
   * a chart version that is not pinned and the operator's own default is valid on every candidate, no
   * profile is named and the operator's default runs
   */
  readonly scanProfileName?: string;
  /**
   * Cron schedule of the scan (UTC).
   * @default "0 4 * * *"
   */
  readonly cronSchedule?: string;
  /**
   * Scan reports kept.
   * @default 14
   */
  readonly retentionCount?: number;
}

/**
 * Rancher's CIS scanning on an RKE2 cluster: the CRD chart, then the app (through Rancher Apps, in the
 * cluster's stack), plus a scheduled ClusterScan. The ClusterScan is a custom resource, so it goes in a
 * later stack as an add-on: pass `scheduledScan` to ClusterBaseline `addons`.
 */
export class RancherComplianceScan extends Construct {
  /** The CRD chart app. */
  public readonly crdApp: Rancher2AppV2;
  /** The scanning app. */
  public readonly app: Rancher2AppV2;
  /** The scheduled ClusterScan, as an add-on for ClusterBaseline. */
  public readonly scheduledScan: IClusterAddon;
  /** The ClusterScanProfile the scheduled scan names; undefined when the operator's default profile runs. */
  public readonly scanProfileName?: string;
  /**
   * The ClusterScanBenchmark the scheduled scan runs (e.g. `rke2-cis-1.12`); undefined when it depends on
   * the chart version Rancher installs or the profile was given for a release this library has not read.
   */
  public readonly benchmarkVersion?: string;

  constructor(scope: Construct, id: string, props: RancherComplianceScanProps) {
    super(libraryScope(scope, id, 'RancherComplianceScan'), id);
    const construct = `RancherComplianceScan ${this.node.path}`;
    requireProps(construct, props, 'pass RancherComplianceScanProps with the cluster to scan');
    if (!props.cluster) {
      throw missingProp(construct, 'cluster', 'pass the HardenedRke2Cluster to scan');
    }
    const chart = props.chart ?? RancherComplianceChart.RANCHER_COMPLIANCE;
    const facts = CHARTS[chart];
    if (!facts) {
      throw invalidProp(construct, 'chart', chart, Object.values(RancherComplianceChart).join(', '), 'use a RancherComplianceChart value');
    }
    const cronSchedule = props.cronSchedule ?? '0 4 * * *';
    if (!Token.isUnresolved(cronSchedule) && !CRON.test(cronSchedule.trim())) {
      throw invalidProp(construct, 'cronSchedule', cronSchedule, 'a five-field cron expression', 'use e.g. "0 4 * * *"');
    }
    const upstreamVersion = parseChartVersion(construct, props.chartVersion, facts.exampleVersion);
    const kubernetesVersion = props.cluster.kubernetesVersion ?? '';
    const choice = chooseScanProfile({
      construct,
      chart,
      releases: facts.releases,
      upstreamVersion,
      versionUnknown: props.chartVersion !== undefined && props.chartVersion !== null && Token.isUnresolved(props.chartVersion),
      minor: Token.isUnresolved(kubernetesVersion) ? undefined : rke2Minor(kubernetesVersion),
      profileName: props.scanProfileName ?? undefined,
    });
    this.scanProfileName = choice.profileName;
    this.benchmarkVersion = choice.benchmark;
    const retentionCount = props.retentionCount ?? 14;
    if (!Token.isUnresolved(retentionCount) && (!Number.isInteger(retentionCount) || retentionCount < 1)) {
      throw invalidProp(construct, 'retentionCount', retentionCount, 'a whole number of at least 1', 'keep at least one report, e.g. 14');
    }

    const common = {
      clusterId: props.cluster.clusterV1Id,
      namespace: facts.namespace,
      repoName: 'rancher-charts',
      chartVersion: props.chartVersion,
      cleanupOnFail: true,
      wait: true,
    };
    this.crdApp = new Rancher2AppV2(this, 'crd', { ...common, name: `${chart}-crd`, chartName: `${chart}-crd`, dependsOn: [props.cluster.cluster] });
    this.app = new Rancher2AppV2(this, 'app', { ...common, name: chart, chartName: chart, dependsOn: [this.crdApp] });
    this.scheduledScan = new RancherScheduledScan(facts.apiGroup, choice.profileName, cronSchedule, retentionCount);
  }
}

/** The upstream chart version of a rancher-charts version; undefined when unset or a token. */
function parseChartVersion(construct: string, chartVersion: string | undefined, example: string): string | undefined {
  if (chartVersion === undefined || chartVersion === null || Token.isUnresolved(chartVersion)) {
    return undefined;
  }
  const match = typeof chartVersion === 'string' ? RANCHER_CHART_VERSION.exec(chartVersion) : null;
  if (!match) {
    throw invalidProp(
      construct,
      'chartVersion',
      chartVersion,
      `a rancher-charts release version "<major>.<minor>.<patch>+up<x.y.z>", e.g. "${example}"`,
      'copy the version from the rancher-charts repository of your Rancher server (Apps > Charts), or leave chartVersion unset',
    );
  }
  return match[1];
}

/** The scheduled ClusterScan of a RancherComplianceScan, installed into the baseline's objects stack. */
class RancherScheduledScan implements IClusterAddon {
  public readonly addonId = 'rancher-compliance-scan';
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];

  constructor(
    private readonly apiVersion: string,
    private readonly scanProfileName: string | undefined,
    private readonly cronSchedule: string,
    private readonly retentionCount: number,
  ) {}

  public install(context: AddonInstallContext): void {
    new Manifest(context.objectScope, 'rancher-compliance-scheduled-scan', {
      manifest: {
        apiVersion: this.apiVersion,
        kind: 'ClusterScan',
        metadata: { name: 'rke2-cis-scheduled' },
        spec: {
          // Without a profile name the operator picks its default for the cluster's provider and version.
          ...(this.scanProfileName ? { scanProfileName: this.scanProfileName } : {}),
          scheduledScanConfig: { cronSchedule: this.cronSchedule, retentionCount: this.retentionCount },
        },
      },
    });
  }
}
