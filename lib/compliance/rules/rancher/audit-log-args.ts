import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { Rke2Args } from './rke2-args';
import { withRke2Config } from './rke2-config';

/** Minimums of the audit log flags; RKE2 sets exactly these when a profile or an audit policy file is set. */
const MINIMUMS: Array<[string, number]> = [
  ['audit-log-maxage', 30],
  ['audit-log-maxbackup', 10],
  ['audit-log-maxsize', 100],
];

/** The API server writes an audit log, kept 30 days in 10 files of 100 MB. */
export const rke2AuditLogArgs = defineRule(
  {
    id: 'rke2-audit-log-args',
    title: 'The API server writes an audit log (audit-log-path) with maxage >= 30, maxbackup >= 10, maxsize >= 100',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster auditLogMaxAgeDays, auditLogMaxBackups and auditLogMaxSizeMb at or above their defaults (30 days, 10 files, 100 MB), with profile: cis or audit-policy-file set.',
    remediationTargets: ['HardenedRke2ClusterProps.auditLogMaxAgeDays', 'HardenedRke2ClusterProps.auditLogMaxBackups', 'HardenedRke2ClusterProps.auditLogMaxSizeMb'],
    cisControls: ['1.2.17', '1.2.18', '1.2.19', '1.2.20'].map(cisRke2),
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: kube-apiserver-arg audit-log-path, audit-log-maxage=30, audit-log-maxbackup=10, audit-log-maxsize=100',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = config.problems('control-plane', ({ config: c, sources }) => {
        // RKE2 adds the audit flags (path and 30/10/100) when a profile or an audit policy file is set.
        const rke2Adds = c.profile === 'cis' || (typeof c['audit-policy-file'] === 'string' && c['audit-policy-file'] !== '');
        const args = Rke2Args.of(c['kube-apiserver-arg']);
        const path = args.value('audit-log-path');
        const logged = args.has('audit-log-path') ? path !== '' && path !== '-' : rke2Adds;
        const kept = MINIMUMS.every(([flag, min]) => (!args.has(flag) ? rke2Adds : Number(args.value(flag)) >= min));
        return logged && kept ? [] : [`${sources['kube-apiserver-arg'] ?? 'machine_global_config'} kube-apiserver-arg=${JSON.stringify(c['kube-apiserver-arg'] ?? null)}`];
      });
      return check(failures.length === 0, `audit log flags missing or below 30/10/100: ${failures.join('; ')}`);
    }),
);
