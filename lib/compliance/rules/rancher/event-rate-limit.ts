import { cisRke2 } from '../../../cis/refs';
import { check, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { admissionConfigPaths, admissionConfigsOnControlPlane, admissionPlugins, pluginConfiguration, readable, withRke2Config } from './rke2-config';

/** EventRateLimit is enabled and configured in the admission configuration every control-plane machine gets. */
export const rke2EventRateLimit = defineRule(
  {
    id: 'rke2-event-rate-limit',
    title: 'The API server enables EventRateLimit with its configuration in the admission configuration file',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster eventRateLimit at true (its admission configuration carries EventRateLimit limits), or waive the rule with the reason when a Rancher Pod Security Admission template owns the admission configuration.',
    remediationTargets: ['HardenedRke2ClusterProps.eventRateLimit'],
    cisControls: [cisRke2('1.2.9')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: EventRateLimit in enable-admission-plugins; its limits in the admission configuration written to control-plane machines',
  },
  (cluster, context) =>
    withRke2Config(cluster, (config) =>
      readable(() => {
        const notEnabled = config.failures('control-plane', 'kube-apiserver-arg', (args) => admissionPlugins(args).includes('EventRateLimit'));
        if (notEnabled.length) {
          return nonCompliant(`EventRateLimit is not in enable-admission-plugins: ${notEnabled.join('; ')}`);
        }
        const template = cluster.get('default_pod_security_admission_configuration_template_name');
        if (template) {
          return nonCompliant(`a Rancher Pod Security Admission template (${template}) replaces the admission configuration, which then has no EventRateLimit configuration`);
        }
        const paths = admissionConfigPaths(config);
        if (paths.length === 0) {
          return nonCompliant('no admission configuration file (pod-security-admission-config-file or admission-control-config-file) carries the EventRateLimit configuration');
        }
        const problems = paths.flatMap((path) => {
          const { configs, missing } = admissionConfigsOnControlPlane(cluster, context, path);
          const unconfigured = configs.filter((c) => !Array.isArray(pluginConfiguration(c, 'EventRateLimit')?.limits));
          return [
            ...(missing.length ? [`no user data writes ${path} on control-plane pools ${missing.join(', ')}`] : []),
            ...(unconfigured.length ? [`${path} has no EventRateLimit limits`] : []),
          ];
        });
        return check(problems.length === 0, problems.join('; '));
      }),
    ),
);
