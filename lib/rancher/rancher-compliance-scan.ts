import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp } from '../errors';
import { AddonInstallContext, IClusterAddon } from '../kubernetes/addons/addon';
import { Rancher2AppV2 } from './bindings/app-v2';
import { HardenedRke2Cluster } from './hardened-rke2-cluster';
import { libraryScope } from '../scope';

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
}

/** Release names and namespaces are the charts' catalog annotations (the provider forces them). */
const CHARTS: Record<RancherComplianceChart, ChartFacts> = {
  [RancherComplianceChart.RANCHER_COMPLIANCE]: { namespace: 'compliance-operator-system', apiGroup: 'compliance.cattle.io/v1' },
  [RancherComplianceChart.RANCHER_CIS_BENCHMARK]: { namespace: 'cis-operator-system', apiGroup: 'cis.cattle.io/v1' },
};

const CRON = /^(\S+\s+){4}\S+$/;

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
   * Chart version of both the app and its CRD chart; chart versions are tied to the Rancher minor.
   * @default - the newest version in rancher-charts for the Rancher server
   */
  readonly chartVersion?: string;
  /**
   * ClusterScanProfile of the scheduled scan.
   * @default "rke2-cis-1.8-profile"
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

  constructor(scope: Construct, id: string, props: RancherComplianceScanProps) {
    super(libraryScope(scope, id, 'RancherComplianceScan'), id);
    const construct = `RancherComplianceScan ${this.node.path}`;
    const chart = props.chart ?? RancherComplianceChart.RANCHER_COMPLIANCE;
    const facts = CHARTS[chart];
    if (!facts) {
      throw invalidProp(construct, 'chart', chart, Object.values(RancherComplianceChart).join(', '), 'use a RancherComplianceChart value');
    }
    const cronSchedule = props.cronSchedule ?? '0 4 * * *';
    if (!Token.isUnresolved(cronSchedule) && !CRON.test(cronSchedule.trim())) {
      throw invalidProp(construct, 'cronSchedule', cronSchedule, 'a five-field cron expression', 'use e.g. "0 4 * * *"');
    }
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
    this.scheduledScan = new RancherScheduledScan(facts.apiGroup, props.scanProfileName ?? 'rke2-cis-1.8-profile', cronSchedule, retentionCount);
  }
}

/** The scheduled ClusterScan of a RancherComplianceScan, installed into the baseline's objects stack. */
class RancherScheduledScan implements IClusterAddon {
  public readonly addonId = 'rancher-compliance-scan';
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];

  constructor(
    private readonly apiVersion: string,
    private readonly scanProfileName: string,
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
          scanProfileName: this.scanProfileName,
          scheduledScanConfig: { cronSchedule: this.cronSchedule, retentionCount: this.retentionCount },
        },
      },
    });
  }
}
