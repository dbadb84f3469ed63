import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../errors';
import { parseCidr, overlaps } from '../network/cidr';
import { ApiServerAccess } from './enums';
import { parseVaultObjectUri, vaultUriPattern } from '../keyvault/vault-uri';

const KUBERNETES_VERSION = /^\d+\.\d+(\.\d+)?$/;

/** A Kubernetes version must be `major.minor[.patch]` (AKS picks the patch when it is left out). */
export function validateKubernetesVersion(construct: string, version: string | undefined): void {
  if (version === undefined || Token.isUnresolved(version)) {
    return;
  }
  if (typeof version !== 'string' || !KUBERNETES_VERSION.test(version)) {
    throw invalidProp(construct, 'kubernetesVersion', version, 'major.minor or major.minor.patch, e.g. "1.33" or "1.33.2"', 'drop any "v" prefix or suffix');
  }
}

/** A public API server is never open: it needs authorized ranges, none of them the whole internet. */
export function validateAuthorizedRanges(construct: string, access: ApiServerAccess, ranges: string[] | undefined): void {
  if (!Object.values(ApiServerAccess).includes(access)) {
    throw invalidProp(construct, 'apiServerAccess', access, Object.values(ApiServerAccess).join(', '), 'use an ApiServerAccess member');
  }
  if (access === ApiServerAccess.PRIVATE) {
    if (ranges && ranges.length > 0) {
      throw invalidProp(construct, 'authorizedIpRanges', ranges, 'no ranges with a private API server (they have no effect there)', 'remove authorizedIpRanges, or use ApiServerAccess.PUBLIC_RESTRICTED');
    }
    return;
  }
  if (!ranges || ranges.length === 0) {
    throw missingProp(construct, 'authorizedIpRanges', 'a public API server must be restricted: list the CIDRs allowed to reach it (CIS AKS 1.8 5.4.1), or keep ApiServerAccess.PRIVATE');
  }
  const blocks = ranges.filter((r) => !Token.isUnresolved(r)).map((range) => {
    const block = parseCidr(range);
    if (!block) {
      throw invalidProp(construct, 'authorizedIpRanges', range, 'IPv4 CIDRs with the host bits zero, e.g. "203.0.113.0/24"', 'fix the CIDR');
    }
    if (block.prefix === 0) {
      throw invalidProp(construct, 'authorizedIpRanges', range, 'ranges narrower than the whole internet', 'list your egress or VPN ranges (CIS AKS 1.8 5.4.1)');
    }
    return block;
  });
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length; j++) {
      if (overlaps(blocks[i], blocks[j])) {
        throw invalidProp(construct, 'authorizedIpRanges', [blocks[i].cidr, blocks[j].cidr], 'non-overlapping ranges', 'merge or remove the overlapping range');
      }
    }
  }
}

/** azurerm's KubernetesDNSPrefix: 1-54 letters, digits and "-", starting and ending with a letter or digit. */
const DNS_PREFIX = /^[A-Za-z0-9]([A-Za-z0-9-]{0,52}[A-Za-z0-9])?$/;

/**
 * The DNS prefix AKS gets: `dnsPrefix`, or the cluster name when it is not set. A valid cluster name is not
 * always a valid prefix (`aks_prod` has "_", names run to 63 characters), and azurerm refuses it at plan.
 */
export function validateDnsPrefix(construct: string, dnsPrefix: string | undefined, name: string): void {
  const value = dnsPrefix ?? name;
  if (Token.isUnresolved(value) || DNS_PREFIX.test(value)) {
    return;
  }
  const allowed = '1-54 letters, digits and "-", starting and ending with a letter or digit';
  if (dnsPrefix === undefined) {
    const suggestion = name.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 54).replace(/-+$/, '') || 'aks';
    throw invalidProp(construct, 'dnsPrefix (derived from name)', value, allowed, `set dnsPrefix explicitly, e.g. "${suggestion}" (the cluster name is valid, but not as a DNS prefix)`);
  }
  throw invalidProp(construct, 'dnsPrefix', value, allowed, 'use a prefix such as "aks-platform-prod"');
}

/** AKS KMS takes a versioned Key Vault key id (KmsKey.id); a versionless one or another object is refused at apply. */
export function validateKmsKeyId(construct: string, keyId: string | undefined): void {
  if (keyId === undefined || Token.isUnresolved(keyId)) {
    return;
  }
  const uri = typeof keyId === 'string' ? parseVaultObjectUri(keyId) : undefined;
  if (uri?.kind !== 'keys' || !uri.version) {
    throw invalidProp(
      construct,
      'kmsKeyVaultKeyId',
      keyId,
      `a versioned Key Vault key id ${vaultUriPattern('keys/<name>/<32-hex version>')}`,
      'pass KmsKey.id (the versioned id), not versionlessId or a secret id',
    );
  }
}
