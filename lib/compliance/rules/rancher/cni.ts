import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { withRke2Config } from './rke2-config';

const POLICY_CNIS = ['calico', 'canal', 'cilium'];

/** The CNI names of an RKE2 `cni` value (a list or a comma-separated string, e.g. `multus,calico`). */
function cniNames(value: unknown): string[] {
  if (value === undefined || value === null) {
    return ['canal']; // RKE2's default
  }
  const list = Array.isArray(value) ? value : String(value).split(',');
  return list.map((v) => String(v).trim()).filter(Boolean);
}

/** The cluster's CNI enforces NetworkPolicy. */
export const rke2CniNetworkPolicy = defineRule(
  {
    id: 'rke2-cni-network-policy',
    title: 'The CNI enforces NetworkPolicy (calico, canal or cilium)',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedRke2Cluster cni (Rke2Cni.CALICO by default); "none" leaves NetworkPolicies unenforced.',
    remediationTargets: ['HardenedRke2ClusterProps.cni', 'Rke2Cni.CALICO'],
    cisControls: [cisRke2('5.3.1')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: cni: calico',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      const failures = config.failures('control-plane', 'cni', (v) => cniNames(v).some((name) => POLICY_CNIS.includes(name)));
      return check(failures.length === 0, `CNI without NetworkPolicy support: ${failures.join('; ')}`);
    }),
);
