import { check, defineRule, literalList, notApplicable } from '../../define-rule';
import { EvidenceSubject, IResolvedResource, RuleSeverity } from '../../types';

const CRON_JOB_TYPES = ['kubernetes_cron_job_v1', 'kubernetes_cron_job'];
const CLUSTER_SCAN_GROUPS = ['compliance.cattle.io/', 'cis.cattle.io/'];

function runsKubeBench(job: IResolvedResource): boolean {
  const containers = literalList(job, 'spec.job_template.spec.template.spec.container');
  return containers.some((c: any) => typeof c?.image === 'string' && /(^|\/)kube-bench(:|@|$)/.test(c.image));
}

/** Every cluster runs CIS node checks on a schedule: the kube-bench CronJob, or a scheduled Rancher compliance scan. */
export const k8sCisNodeScan = defineRule(
  {
    id: 'k8s-cis-node-scan',
    title: 'Every cluster runs the CIS benchmark node checks on a schedule (kube-bench, or a scheduled Rancher compliance scan)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline kubeBench on (the default) and its cron job unsuspended, or on RKE2 add RancherComplianceScan scheduledScan to the baseline add-ons.',
    remediationTargets: ['ClusterBaselineProps.kubeBench', 'ClusterBaselineProps.kubeBenchOptions', 'RancherComplianceScan.scheduledScan'],
    cisControls: [],
    resourceTypes: [...CRON_JOB_TYPES, 'kubernetes_manifest'],
    constructDefault: 'ClusterBaseline: kube-bench CronJob (daily) with the cluster\'s benchmark',
    evidence: { protects: [EvidenceSubject.KUBERNETES_CLUSTER] },
  },
  (r) => {
    if (r.terraformType === 'kubernetes_manifest') {
      const apiVersion = r.get('manifest.apiVersion');
      if (r.get('manifest.kind') !== 'ClusterScan' || typeof apiVersion !== 'string' || !CLUSTER_SCAN_GROUPS.some((g) => apiVersion.startsWith(g))) {
        return notApplicable('not a Rancher ClusterScan');
      }
      return check(r.has('manifest.spec.scheduledScanConfig.cronSchedule'), 'the ClusterScan runs once, not on a schedule (no scheduledScanConfig.cronSchedule)');
    }
    if (!runsKubeBench(r)) {
      return notApplicable('not a kube-bench CronJob');
    }
    return check(r.get('spec.suspend') !== true, 'the kube-bench CronJob is suspended');
  },
);
