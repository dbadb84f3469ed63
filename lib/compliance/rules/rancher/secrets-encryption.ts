import { cisRke2 } from '../../../cis/refs';
import { RKE2_DEFAULT_DATA_DIR, secretsEncryptionProblems } from '../../../rancher/rke2-secrets-encryption';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { withRke2Config } from './rke2-config';

/**
 * RKE2 servers always encrypt secrets at rest (they force the hidden `secrets-encryption` flag on), so the
 * rule checks what can still go wrong: a node config that switches it off, names a provider RKE2 does not
 * generate, or points the API server at an encryption configuration RKE2 does not manage.
 */
export const rke2SecretsEncryption = defineRule(
  {
    id: 'rke2-secrets-encryption',
    title: 'Nothing weakens the encryption at rest RKE2 servers apply: no secrets-encryption: false, provider aescbc or secretbox, no foreign encryption-provider-config',
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove secrets-encryption: false; leave secrets-encryption-provider unset (aescbc) or set it to secretbox; remove the kube-apiserver-arg encryption-provider-config entry (RKE2 writes, passes and rotates that file itself: `rke2 secrets-encrypt rotate-keys`).',
    cisControls: ['1.2.28', '1.2.29'].map(cisRke2),
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault:
      'HardenedRke2Cluster: no secrets-encryption, secrets-encryption-provider or encryption-provider-config key; selector entries may not add them (RKE2 servers encrypt with a generated aescbc key)',
  },
  (cluster) =>
    withRke2Config(cluster, (config) => {
      // Judged per source (global config or selector entry), for the keys each server actually gets from it.
      const failures = config.problems('control-plane', ({ config: c, sources }) => {
        const dataDirs = [RKE2_DEFAULT_DATA_DIR, ...(typeof c['data-dir'] === 'string' && c['data-dir'] !== '' ? [c['data-dir']] : [])];
        const bySource = new Map<string, Record<string, any>>();
        for (const key of Object.keys(c)) {
          const source = sources[key] ?? 'machine_global_config';
          bySource.set(source, { ...(bySource.get(source) ?? {}), [key]: c[key] });
        }
        return [...bySource].flatMap(([where, keys]) => secretsEncryptionProblems(keys, dataDirs).map((p) => `${where}: ${p}`));
      });
      return check(failures.length === 0, failures.join('; '));
    }),
);
