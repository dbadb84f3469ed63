import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { Rke2Args } from './rke2-args';
import { withRke2Config } from './rke2-config';
import { KubeletCipherSuites } from '../../../rancher/rke2-settings';

/** The AEAD suites kube-bench accepts for the kubelet: the list HardenedRke2Cluster sets. */
const STRONG_SUITES = new Set(KubeletCipherSuites.STRONG);

/** Every kubelet restricts TLS to strong AEAD cipher suites. */
export const rke2KubeletStrongCiphers = defineRule(
  {
    id: 'rke2-kubelet-strong-ciphers',
    title: 'Every kubelet uses only strong TLS cipher suites (kubelet-arg tls-cipher-suites)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster (kubelet-arg tls-cipher-suites = KubeletCipherSuites.STRONG); a machineSelectorConfigs entry that sets kubelet-arg must repeat it.',
    remediationTargets: ['KubeletCipherSuites.STRONG', 'HardenedRke2ClusterProps.machineSelectorConfigs'],
    cisControls: [cisRke2('4.2.12')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: kubelet-arg tls-cipher-suites with the strong AEAD suites only',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = config.failures('any', 'kubelet-arg', (value) => {
        const suites = Rke2Args.of(value).list('tls-cipher-suites');
        return suites.length > 0 && suites.every((s) => STRONG_SUITES.has(s));
      });
      return check(failures.length === 0, `tls-cipher-suites unset or with weak suites: ${failures.join('; ')}`);
    }),
);

/** Every kubelet limits the PIDs a pod may use. */
export const rke2KubeletPodMaxPids = defineRule(
  {
    id: 'rke2-kubelet-pod-max-pids',
    title: 'Every kubelet limits PIDs per pod (kubelet-arg pod-max-pids)',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedRke2Cluster podMaxPids (default 4096); a machineSelectorConfigs entry that sets kubelet-arg must repeat it.',
    remediationTargets: ['HardenedRke2ClusterProps.podMaxPids', 'HardenedRke2ClusterProps.machineSelectorConfigs'],
    cisControls: [cisRke2('4.2.13')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: kubelet-arg pod-max-pids=4096',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = config.failures('any', 'kubelet-arg', (value) => {
        const limit = Number(Rke2Args.of(value).value('pod-max-pids'));
        return Number.isInteger(limit) && limit > 0;
      });
      return check(failures.length === 0, `pod-max-pids unset or unlimited: ${failures.join('; ')}`);
    }),
);
