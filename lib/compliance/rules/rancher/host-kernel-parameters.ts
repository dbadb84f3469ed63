import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { poolCloudConfigs, readable, writtenFile } from './rke2-config';

const REQUIRED: Array<[string, string]> = [
  ['kernel.panic', '10'],
  ['kernel.panic_on_oops', '1'],
  ['vm.overcommit_memory', '1'],
  ['vm.panic_on_oom', '0'],
];
const SYSCTL_FILE = /^\/etc\/sysctl\.d\/[^/]+\.conf$/;

function sysctlSettings(cloudConfig: any): Map<string, string> {
  const settings = new Map<string, string>();
  const files: any[] = Array.isArray(cloudConfig.write_files) ? cloudConfig.write_files : [];
  for (const file of files.filter((f) => typeof f?.path === 'string' && SYSCTL_FILE.test(f.path))) {
    for (const line of String(writtenFile(cloudConfig, file.path) ?? '').split('\n')) {
      const match = /^\s*([\w.]+)\s*=\s*(\S+)\s*$/.exec(line);
      if (match) {
        settings.set(match[1], match[2]);
      }
    }
  }
  return settings;
}

/** Every machine gets the kernel parameters `profile: cis` requires, or RKE2 refuses to start on it. */
export const rke2HostKernelParameters = defineRule(
  {
    id: 'rke2-host-kernel-parameters',
    title: 'Every machine persists the kernel parameters the CIS profile requires (vm.panic_on_oom, vm.overcommit_memory, kernel.panic, kernel.panic_on_oops)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster, whose cloud-init writes /etc/sysctl.d/60-rke2-cis.conf; with your own machine configs, write the same file in their user data.',
    remediationTargets: ['HardenedRke2Cluster'],
    cisControls: [],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: cloud-init writes /etc/sysctl.d/60-rke2-cis.conf and applies it at boot on every machine',
  },
  (cluster, context) =>
    readable(() => {
      const pools = poolCloudConfigs(cluster, context, () => true);
      const problems = pools.flatMap(({ pool, cloudConfig }) => {
        const settings = sysctlSettings(cloudConfig);
        const wrong = REQUIRED.filter(([key, value]) => settings.get(key) !== value).map(([key, value]) => `${key}=${value}`);
        return wrong.length ? [`pool ${pool.name} misses ${wrong.join(', ')}`] : [];
      });
      return check(pools.length > 0 && problems.length === 0, pools.length ? problems.join('; ') : 'the cluster has no machine pool');
    }),
);
