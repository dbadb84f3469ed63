import { cisRke2 } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { workloadNamespaces } from '../../../kubernetes/exemptions';
import { admissionConfigPaths, admissionConfigsOnControlPlane, pluginConfiguration, readable, withRke2Config } from './rke2-config';

const RESTRICTED_TEMPLATE = 'rancher-restricted';

/** Pod Security Admission enforces `restricted` cluster-wide. */
export const rke2PodSecurityRestricted = defineRule(
  {
    id: 'rke2-pod-security-restricted',
    title: 'Pod Security Admission enforces restricted cluster-wide (own admission configuration, rancher-restricted template, or the CIS profile)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster (its admission configuration enforces restricted, pinned) and exempt no workload namespace in podSecurityExemptNamespaces, or set defaultPodSecurityAdmissionConfigurationTemplateName to "rancher-restricted".',
    remediationTargets: ['HardenedRke2ClusterProps.defaultPodSecurityAdmissionConfigurationTemplateName', 'HardenedRke2ClusterProps.podSecurityVersion', 'HardenedRke2ClusterProps.podSecurityExemptNamespaces'],
    cisControls: ['5.2.1', '5.2.2', '5.2.3', '5.2.4', '5.2.5', '5.2.6', '5.2.7', '5.2.8', '5.2.9', '5.2.10', '5.2.11', '5.2.12', '5.2.13', '5.7.2', '5.7.3'].map(cisRke2),
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: admission configuration with PodSecurity defaults enforce/audit/warn restricted, written to control-plane machines',
  },
  (cluster, context) =>
    withRke2Config(cluster, (config) =>
      readable(() => {
        const template = cluster.get('default_pod_security_admission_configuration_template_name');
        if (template !== undefined && template !== null && template !== '') {
          return template === RESTRICTED_TEMPLATE
            ? compliant(`Rancher template ${RESTRICTED_TEMPLATE}`)
            : nonCompliant(`Rancher template ${JSON.stringify(template)} is not ${RESTRICTED_TEMPLATE}; the rule cannot prove what it enforces (waive it with the reason if it enforces restricted)`);
        }
        const paths = admissionConfigPaths(config);
        if (paths.length === 0) {
          const profile = config.failures('control-plane', 'profile', (v) => v === 'cis');
          // Without an admission configuration of its own, RKE2's CIS profile writes rke2-pss.yaml (restricted).
          return profile.length === 0 ? compliant('RKE2 profile: cis default (restricted)') : nonCompliant(`no Pod Security configuration and no CIS profile: ${profile.join('; ')}`);
        }
        const problems = paths.flatMap((path) => {
          const { configs, missing } = admissionConfigsOnControlPlane(cluster, context, path);
          const notRestricted = configs.filter((c) => pluginConfiguration(c, 'PodSecurity')?.defaults?.enforce !== 'restricted');
          const unpinned = configs.filter((c) => !/^v1\.\d+$/.test(String(pluginConfiguration(c, 'PodSecurity')?.defaults?.['enforce-version'] ?? 'latest')));
          const exempted = [...new Set(configs.flatMap((c) => workloadNamespaces(pluginConfiguration(c, 'PodSecurity')?.exemptions?.namespaces ?? [])))].sort();
          return [
            ...(missing.length ? [`no user data writes ${path} on control-plane pools ${missing.join(', ')}`] : []),
            ...(notRestricted.length ? [`${path} does not enforce restricted by default`] : []),
            ...(unpinned.length ? [`${path} does not pin enforce-version (latest lets a cluster upgrade change what is admitted)`] : []),
            ...(exempted.length ? [`${path} exempts namespaces that may hold workloads from Pod Security: ${exempted.join(', ')}`] : []),
          ];
        });
        return problems.length === 0 ? compliant() : nonCompliant(problems.join('; '));
      }),
    ),
);
