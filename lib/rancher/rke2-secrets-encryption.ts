// Internal: what RKE2 does with secrets encryption at rest, read in rancher/rke2 (pkg/rke2/rke2.go,
// pkg/cli/cmds/server.go) and the k3s flags it copies, at the pinned releases:
//   - every server sets `secrets-encryption` to true itself before it starts (the key is hidden and
//     forced), generates an aescbc key and passes `--encryption-provider-config` to the API server;
//   - `secrets-encryption-provider` (RKE2 v1.30.12, v1.31.8, v1.32.4 and newer) picks aescbc (default)
//     or secretbox;
//   - a `kube-apiserver-arg` entry `encryption-provider-config=...` replaces the generated file: its
//     providers are then whatever that file says, and `rke2 secrets-encrypt` no longer rotates its keys.

/** Encryption providers RKE2 generates a configuration for. */
export const RKE2_SECRETS_ENCRYPTION_PROVIDERS = ['aescbc', 'secretbox'];

/** RKE2's data directory unless `data-dir` says otherwise. */
export const RKE2_DEFAULT_DATA_DIR = '/var/lib/rancher/rke2';

/** The encryption configuration RKE2 generates under a data directory. */
export function rke2EncryptionConfigPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}/server/cred/encryption-config.json`;
}

/**
 * Why an RKE2 config (one node's keys) weakens encryption at rest; empty when nothing does.
 * `dataDirs` are the data directories the cluster's nodes may use.
 */
export function secretsEncryptionProblems(config: any, dataDirs: string[]): string[] {
  const problems: string[] = [];
  const enabled = config['secrets-encryption'];
  if (enabled === false || enabled === 'false') {
    problems.push('secrets-encryption=false asks for no encryption at rest (RKE2 servers ignore it, but it contradicts the control)');
  }
  const provider = config['secrets-encryption-provider'];
  if (provider !== undefined && !RKE2_SECRETS_ENCRYPTION_PROVIDERS.includes(provider)) {
    problems.push(`secrets-encryption-provider=${JSON.stringify(provider)} is not one RKE2 supports (${RKE2_SECRETS_ENCRYPTION_PROVIDERS.join(', ')})`);
  }
  const args = config['kube-apiserver-arg'];
  for (const entry of args === undefined || args === null ? [] : Array.isArray(args) ? args : [args]) {
    const text = String(entry).replace(/^--?/, '');
    if (text.startsWith('encryption-provider-config=')) {
      const path = text.slice('encryption-provider-config='.length);
      if (!dataDirs.map(rke2EncryptionConfigPath).includes(path)) {
        problems.push(`kube-apiserver-arg encryption-provider-config=${path} replaces the configuration RKE2 generates and rotates (${rke2EncryptionConfigPath(dataDirs[0])})`);
      }
    }
  }
  return problems;
}
