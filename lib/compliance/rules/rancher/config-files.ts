import { check, defineRule, literalList } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';
import { commands, poolCloudConfigs, readable } from './rke2-config';

/** RKE2 reads config.yaml, then every file of config.yaml.d in name order (Rancher writes 50-rancher.yaml there). */
const RKE2_CONFIG = /\/etc\/rancher\/rke2\/config\.yaml(\.d(\/|$)|$)/;

/**
 * No machine gets RKE2 configuration from anywhere but Rancher: a file in /etc/rancher/rke2/config.yaml.d
 * written by user data or machine_selector_files is merged by RKE2 after (or before) Rancher's, and a
 * `kube-apiserver-arg+:` in it adds flags no rule over the cluster's config can see.
 */
export const rke2ConfigOutsideRancher = defineRule(
  {
    id: 'rke2-config-from-rancher-only',
    title: "Machines get their RKE2 configuration only from Rancher (no file in /etc/rancher/rke2/config.yaml.d from user data or machine_selector_files)",
    severity: RuleSeverity.ERROR,
    remediation:
      'Put RKE2 config keys in machine_global_config or machineSelectorConfigs, where the rules judge them, and remove the files user data or machine_selector_files write under /etc/rancher/rke2/config.yaml.d.',
    remediationTargets: ['HardenedRke2ClusterProps.machineSelectorConfigs'],
    cisControls: [],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: its user data writes no RKE2 config file; every key is in the cluster config',
  },
  (cluster, context) =>
    readable(() => {
      const found: string[] = [];
      for (const { pool, cloudConfig } of poolCloudConfigs(cluster, context, () => true)) {
        const files: any[] = Array.isArray(cloudConfig.write_files) ? cloudConfig.write_files : [];
        files.filter((f) => RKE2_CONFIG.test(String(f?.path ?? ''))).forEach((f) => found.push(`user data of pool ${pool.name} writes ${f.path}`));
        commands(cloudConfig)
          .filter((c) => RKE2_CONFIG.test(c))
          .forEach((c) => found.push(`user data of pool ${pool.name} runs ${JSON.stringify(c)}`));
      }
      literalList(cluster, 'rke_config.machine_selector_files').forEach((entry, i) => {
        for (const source of [].concat(entry.file_sources ?? [])) {
          for (const object of [...[].concat((source as any).secret ?? []), ...[].concat((source as any).configmap ?? [])]) {
            for (const item of [].concat((object as any).items ?? [])) {
              const path = (item as any).path;
              if (isTerraformExpression(path)) {
                throw new UnresolvedValueError(`rke_config.machine_selector_files.${i}`, path);
              }
              if (RKE2_CONFIG.test(String(path))) {
                found.push(`machine_selector_files[${i}] writes ${path}`);
              }
            }
          }
        }
      });
      return check(found.length === 0, found.join('; '));
    }),
);
