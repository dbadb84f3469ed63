import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { commands, poolCloudConfigs, readable, withRke2Config } from './rke2-config';

const CREATES_ETCD_USER = /useradd\b.*\betcd\b/;

/** etcd runs as the etcd user: profile cis, and the user is created on every etcd machine before RKE2 starts. */
export const rke2EtcdUser = defineRule(
  {
    id: 'rke2-etcd-user',
    title: 'etcd data is owned by etcd:etcd (profile: cis and an etcd user created by cloud-init on etcd machines)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster, whose cloud-init creates the etcd user and group on server machines; with your own machine configs, run `useradd -r -c "etcd user" -s /sbin/nologin -M etcd -U` in their user data.',
    remediationTargets: ['HardenedRke2Cluster'],
    cisControls: [cisRke2('1.1.12')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: profile: cis; cloud-init bootcmd creates the etcd user and group on etcd and control-plane machines',
  },
  (cluster, context) =>
    withRke2Config(cluster, (config) =>
      readable(() => {
        const profile = config.failures('etcd', 'profile', (v) => v === 'cis' || v === 'etcd');
        if (profile.length) {
          return check(false, `no profile, so RKE2 runs etcd as root: ${profile.join('; ')}`);
        }
        const pools = poolCloudConfigs(cluster, context, (p) => p.etcd);
        if (pools.length === 0) {
          return check(false, 'the cluster has no etcd machine pool in this configuration');
        }
        const missing = pools.filter(({ cloudConfig }) => !commands(cloudConfig).some((c) => CREATES_ETCD_USER.test(c))).map(({ pool }) => pool.name);
        return check(missing.length === 0, `the user data of etcd pools ${missing.join(', ')} does not create the etcd user`);
      }),
    ),
);
