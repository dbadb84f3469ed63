import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { Rke2Args } from './rke2-args';
import { withRke2Config } from './rke2-config';

/** Every node runs RKE2 with `profile: cis`, and no node turns protect-kernel-defaults off. */
export const rke2CisProfile = defineRule(
  {
    id: 'rke2-cis-profile',
    title: 'Every RKE2 node runs with profile: cis and protect-kernel-defaults is never false',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster (profile: cis and protect-kernel-defaults: true in machine_global_config); give every machineSelectorConfigs entry an explicit config without profile or protect-kernel-defaults: false.',
    remediationTargets: ['HardenedRke2ClusterProps.machineSelectorConfigs'],
    cisControls: ['1.1.1', '1.1.3', '1.1.5', '1.1.7'].map(cisRke2),
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: machine_global_config profile: cis, protect-kernel-defaults: true; no selector entry overrides them',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = [
        ...config.failures('any', 'profile', (v) => v === 'cis'),
        // With a profile, RKE2 refuses to start when protect-kernel-defaults is explicitly false.
        ...config.failures('any', 'protect-kernel-defaults', (v) => v !== false),
        // A kubelet-arg entry replaces the value the profile gives the kubelet.
        ...config.failures('any', 'kubelet-arg', (v) => (Rke2Args.of(v).value('protect-kernel-defaults') ?? 'true').toLowerCase() !== 'false'),
      ];
      return check(failures.length === 0, failures.join('; '));
    }),
);
