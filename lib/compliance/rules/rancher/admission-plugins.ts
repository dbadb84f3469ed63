import { cisRke2 } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { IComplianceRule, RuleSeverity } from '../../types';
import { admissionPlugins, withRke2Config } from './rke2-config';

/** A rule that requires an admission plugin (and NodeRestriction, which the user's list would otherwise drop). */
function pluginRule(id: string, plugin: string, control: string, title: string, remediation: string, remediationTargets: string[]): IComplianceRule {
  return defineRule(
    {
      id,
      title,
      severity: RuleSeverity.ERROR,
      remediation,
      remediationTargets,
      cisControls: [cisRke2(control)],
      resourceTypes: ['rancher2_cluster_v2'],
      constructDefault: `HardenedRke2Cluster: kube-apiserver-arg enable-admission-plugins includes NodeRestriction and ${plugin}`,
    },
    (cluster) =>
      withRke2Config(cluster, (config) => {
        const failures = config.failures('control-plane', 'kube-apiserver-arg', (args) => {
          const plugins = admissionPlugins(args);
          // enable-admission-plugins replaces RKE2's default list, so NodeRestriction must stay in it.
          return plugins.includes(plugin) && plugins.includes('NodeRestriction');
        });
        return check(failures.length === 0, `enable-admission-plugins must include ${plugin} and NodeRestriction: ${failures.join('; ')}`);
      }),
  );
}

export const rke2DenyServiceExternalIps = pluginRule(
  'rke2-deny-service-external-ips',
  'DenyServiceExternalIPs',
  '1.2.3',
  'The API server enables the DenyServiceExternalIPs admission plugin (and keeps NodeRestriction)',
  'Keep HardenedRke2Cluster, or add DenyServiceExternalIPs to kube-apiserver-arg enable-admission-plugins together with NodeRestriction.',
  ['HardenedRke2Cluster'],
);

export const rke2AlwaysPullImages = pluginRule(
  'rke2-always-pull-images',
  'AlwaysPullImages',
  '1.2.11',
  'The API server enables the AlwaysPullImages admission plugin (and keeps NodeRestriction)',
  'Keep HardenedRke2Cluster alwaysPullImages at true, or waive the rule with the reason (e.g. air-gapped nodes with pre-pulled images).',
  ['HardenedRke2ClusterProps.alwaysPullImages'],
);
