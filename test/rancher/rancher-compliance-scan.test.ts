import * as fs from 'fs';
import { App, Testing } from 'cdktf';
import { ClusterBaseline, RancherComplianceChart, RancherComplianceScan } from '../../lib';
import { testApp } from '../helpers/synth';
import { defaultCluster } from './rke2-helpers';

/** [CRD app, app]: the CRD chart's name ends in -crd. */
function apps(tf: any): any[] {
  const all = Object.values<any>(tf.resource.rancher2_app_v2);
  return [all.find((a) => a.chart_name.endsWith('-crd')), all.find((a) => !a.chart_name.endsWith('-crd'))];
}

describe('RancherComplianceScan', () => {
  test('defaults: rancher-compliance CRD chart, then the app, in compliance-operator-system on the cluster', () => {
    const { stack, cluster } = defaultCluster(Testing.app());
    new RancherComplianceScan(stack, 'compliance', { cluster });
    const tf = JSON.parse(Testing.synth(stack));
    const [crd, app] = apps(tf);
    expect(crd).toMatchObject({
      name: 'rancher-compliance-crd',
      chart_name: 'rancher-compliance-crd',
      namespace: 'compliance-operator-system',
      repo_name: 'rancher-charts',
      cluster_id: '${rancher2_cluster_v2.rke2_cluster_E160FB67.cluster_v1_id}',
      wait: true,
      cleanup_on_fail: true,
    });
    expect(crd.chart_version).toBeUndefined();
    expect(crd.depends_on).toEqual(['rancher2_cluster_v2.rke2_cluster_E160FB67']);
    expect(app).toMatchObject({ name: 'rancher-compliance', chart_name: 'rancher-compliance', namespace: 'compliance-operator-system' });
    expect(app.depends_on).toEqual([expect.stringMatching(/^rancher2_app_v2\.compliance_crd_/)]);
  });

  test('rancher-cis-benchmark for older Rancher, with a pinned chart version', () => {
    const { stack, cluster } = defaultCluster(Testing.app());
    new RancherComplianceScan(stack, 'cis', { cluster, chart: RancherComplianceChart.RANCHER_CIS_BENCHMARK, chartVersion: '106.6.0+up8.8.0' });
    const [crd, app] = apps(JSON.parse(Testing.synth(stack)));
    expect([crd.chart_name, crd.namespace, crd.chart_version]).toEqual(['rancher-cis-benchmark-crd', 'cis-operator-system', '106.6.0+up8.8.0']);
    expect([app.chart_name, app.namespace, app.chart_version]).toEqual(['rancher-cis-benchmark', 'cis-operator-system', '106.6.0+up8.8.0']);
  });

  // The default cluster runs RKE2 1.32: rancher-compliance scans it with RKE2 CIS 1.12; rancher-cis-benchmark
  // (Rancher 2.11 and older) ships nothing newer than 1.11, whose benchmark has no upper bound there.
  test.each([
    [RancherComplianceChart.RANCHER_COMPLIANCE, 'compliance.cattle.io/v1', 'rke2-cis-1.12-profile'],
    [RancherComplianceChart.RANCHER_CIS_BENCHMARK, 'cis.cattle.io/v1', 'rke2-cis-1.11-profile'],
  ])('the scheduled ClusterScan (%s) goes into the baseline objects stack with the profile for the cluster, default schedule and retention', (chart, apiVersion, profile) => {
    const app = testApp();
    const { stack, cluster } = defaultCluster(app);
    const scan = new RancherComplianceScan(stack, 'compliance', { cluster, chart });
    new ClusterBaseline(app, 'baseline', { cluster, allowedRegistries: ['acrplatform.azurecr.io/'], addons: [scan.scheduledScan] });
    app.synth();
    const objects = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/baseline-objects/cdk.tf.json`, 'utf-8'));
    const manifests = Object.values<any>(objects.resource.kubernetes_manifest).map((m) => m.manifest);
    expect(manifests).toContainEqual({
      apiVersion,
      kind: 'ClusterScan',
      metadata: { name: 'rke2-cis-scheduled' },
      spec: { scanProfileName: profile, scheduledScanConfig: { cronSchedule: '0 4 * * *', retentionCount: 14 } },
    });
  });

  test('where the operator default is left to choose, the ClusterScan names no profile', () => {
    const app = testApp();
    const { stack, cluster } = defaultCluster(app, { kubernetesVersion: 'v1.30.14+rke2r2' });
    const scan = new RancherComplianceScan(stack, 'compliance', { cluster, chart: RancherComplianceChart.RANCHER_CIS_BENCHMARK });
    expect(scan.scanProfileName).toBeUndefined();
    new ClusterBaseline(app, 'baseline', { cluster, allowedRegistries: ['acrplatform.azurecr.io/'], addons: [scan.scheduledScan] });
    app.synth();
    const objects = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/baseline-objects/cdk.tf.json`, 'utf-8'));
    const scanManifest = Object.values<any>(objects.resource.kubernetes_manifest).map((m) => m.manifest).find((m) => m.kind === 'ClusterScan');
    expect(scanManifest.spec).toEqual({ scheduledScanConfig: { cronSchedule: '0 4 * * *', retentionCount: 14 } });
  });

  test('custom profile, schedule and retention', () => {
    const app = testApp();
    const { stack, cluster } = defaultCluster(app);
    const scan = new RancherComplianceScan(stack, 'compliance', { cluster, scanProfileName: 'rke2-cis-1.12-profile', cronSchedule: '30 1 * * 0', retentionCount: 4 });
    new ClusterBaseline(app, 'baseline', { cluster, allowedRegistries: ['acrplatform.azurecr.io/'], addons: [scan.scheduledScan] });
    app.synth();
    const objects = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/baseline-objects/cdk.tf.json`, 'utf-8'));
    const scanManifest = Object.values<any>(objects.resource.kubernetes_manifest).map((m) => m.manifest).find((m) => m.kind === 'ClusterScan');
    expect(scanManifest.spec).toEqual({ scanProfileName: 'rke2-cis-1.12-profile', scheduledScanConfig: { cronSchedule: '30 1 * * 0', retentionCount: 4 } });
  });

  test('bad input: cron and retention', () => {
    const { stack, cluster } = defaultCluster(new App());
    expect(() => new RancherComplianceScan(stack, 'a', { cluster, cronSchedule: 'daily' })).toThrow(/RancherComplianceScan .*invalid cronSchedule "daily". Allowed: a five-field cron expression/);
    expect(() => new RancherComplianceScan(stack, 'b', { cluster, retentionCount: 0 })).toThrow(/invalid retentionCount 0/);
  });
});
