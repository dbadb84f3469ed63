// Internal: Key Vault object URIs (`https://<vault>.<suffix>/<secrets|keys|certificates>/<name>[/<version>]`)
// in every Azure cloud that runs Key Vault.

/**
 * Key Vault DNS suffixes: Azure public cloud, Azure China (21Vianet) and Azure Government. Azure Germany's
 * `vault.microsoftazure.de` closed with that cloud in October 2021 and no longer resolves.
 */
export const VAULT_DNS_SUFFIXES = ['vault.azure.net', 'vault.azure.cn', 'vault.usgovcloudapi.net'];

/** The parts of a Key Vault object URI. */
export interface VaultObjectUri {
  readonly vault: string;
  readonly suffix: string;
  readonly kind: string;
  readonly name: string;
  readonly version?: string;
}

const OBJECT_URI = /^https:\/\/([A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9])\.([a-z.]+)\/(secrets|keys|certificates)\/([0-9A-Za-z-]{1,127})(?:\/([0-9a-f]{32}))?\/?$/;

/** Parses a Key Vault object URI of a known cloud; undefined when it is not one. */
export function parseVaultObjectUri(value: string): VaultObjectUri | undefined {
  const m = OBJECT_URI.exec(value);
  if (!m || !VAULT_DNS_SUFFIXES.includes(m[2])) {
    return undefined;
  }
  return { vault: m[1], suffix: m[2], kind: m[3], name: m[4], version: m[5] };
}

/** A URI pattern for messages: the public cloud's form, then the other clouds' suffixes. */
export function vaultUriPattern(path: string): string {
  return `https://<vault>.${VAULT_DNS_SUFFIXES[0]}/${path} (${VAULT_DNS_SUFFIXES.slice(1).join(' or ')} in Azure China and Azure Government)`;
}
