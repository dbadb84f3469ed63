import { check, defineRule, notApplicable, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { withRke2Config } from './rke2-config';

/** etcd metrics stay on localhost (RKE2 default, set explicitly by the hardened template). */
export const rke2EtcdMetricsNotExposed = defineRule(
  {
    id: 'rke2-etcd-metrics-not-exposed',
    title: 'etcd metrics are not exposed on the node network (etcd-expose-metrics is not true)',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedRke2Cluster (etcd-expose-metrics: false); scrape etcd from the node itself if needed.',
    remediationTargets: ['HardenedRke2Cluster'],
    cisControls: [],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: etcd-expose-metrics: false',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = config.failures('etcd', 'etcd-expose-metrics', (v) => v !== true && v !== 'true');
      return check(failures.length === 0, failures.join('; '));
    }),
);

/** etcd snapshots are taken on a schedule and kept. */
export const rke2EtcdSnapshots = defineRule(
  {
    id: 'rke2-etcd-snapshots',
    title: 'etcd snapshots are scheduled and retained',
    severity: RuleSeverity.WARNING,
    remediation:
      'Keep HardenedRke2Cluster etcdSnapshotScheduleCron and etcdSnapshotRetention (every 5 hours, 5 kept), or set rke_config.etcd snapshot_schedule_cron and snapshot_retention.',
    remediationTargets: ['HardenedRke2ClusterProps.etcdSnapshotScheduleCron', 'HardenedRke2ClusterProps.etcdSnapshotRetention'],
    cisControls: [],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: etcd snapshot_schedule_cron "0 */5 * * *", snapshot_retention 5',
  },
  (cluster) => {
    const disabled = valueOr(cluster, 'rke_config.etcd.disable_snapshots', false);
    const cron = cluster.get('rke_config.etcd.snapshot_schedule_cron');
    const retention = cluster.get('rke_config.etcd.snapshot_retention');
    return check(
      disabled === false && typeof cron === 'string' && cron.trim() !== '' && typeof retention === 'number' && retention >= 1,
      `disable_snapshots=${disabled}, snapshot_schedule_cron=${JSON.stringify(cron)}, snapshot_retention=${JSON.stringify(retention)}`,
    );
  },
);

/** Machines get no public IP and the driver opens no port to the Internet. */
export const rke2MachinesPrivate = defineRule(
  {
    id: 'rke2-machines-private',
    title: 'Azure machines have no public IP, connect over the private network, open no ports and use managed disks',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep the machine configs of HardenedRke2Cluster machinePools (no_public_ip, use_private_ip, private_address_only, no open_port, managed_disks); reach nodes through a bastion or VPN.',
    remediationTargets: ['HardenedRke2ClusterProps.machinePools'],
    cisControls: [],
    resourceTypes: ['rancher2_machine_config_v2'],
    constructDefault: 'HardenedRke2Cluster: azure_config no_public_ip, use_private_ip, private_address_only = true, open_port = [], managed_disks = true',
  },
  (machine) => {
    if (!machine.has('azure_config')) {
      return notApplicable('not an Azure machine config');
    }
    const problems: string[] = [];
    for (const [attribute, wanted] of [
      ['no_public_ip', true],
      ['use_private_ip', true],
      ['private_address_only', true],
      ['static_public_ip', false],
      ['managed_disks', true],
    ] as const) {
      const value = valueOr(machine, `azure_config.${attribute}`, false);
      if (value !== wanted) {
        problems.push(`${attribute}=${value}`);
      }
    }
    const ports = machine.get('azure_config.open_port');
    if (Array.isArray(ports) && ports.length > 0) {
      problems.push(`open_port=${JSON.stringify(ports)}`);
    }
    return check(problems.length === 0, problems.join(', '));
  },
);
