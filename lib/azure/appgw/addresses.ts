// Internal validation of gateway addresses and Key Vault secret ids; not part of the public API.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { parseVaultObjectUri, vaultUriPattern } from '../keyvault/vault-uri';
import { ipv4Octets, isPrivateIpv4, looksLikeIpv4 } from './private-ipv4';

const FQDN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** Throws unless the address is a private IPv4 address or an FQDN (skips unresolved tokens). */
export function validatePrivateBackend(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value === 'string' && (isPrivateIpv4(value) || (!ipv4Octets(value) && !looksLikeIpv4(value) && FQDN.test(value)))) {
    return;
  }
  throw invalidProp(
    construct,
    prop,
    value,
    'an RFC 1918 private IPv4 address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) or an FQDN that resolves to one',
    'point the backend at a private IP or internal DNS name: traffic beyond the gateway stays on private addresses',
  );
}

/** Throws unless the address is an RFC 1918 private IPv4 address (skips unresolved tokens). */
export function validatePrivateIp(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value) || (typeof value === 'string' && isPrivateIpv4(value))) {
    return;
  }
  throw invalidProp(construct, prop, value, 'an RFC 1918 private IPv4 address in the gateway subnet', 'pick a free static address of the gateway subnet, e.g. "10.240.4.10"');
}

/** Throws unless the value is a Key Vault secret URI (skips unresolved tokens). */
export function validateKeyVaultSecretId(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  const uri = typeof value === 'string' && !value.endsWith('/') ? parseVaultObjectUri(value) : undefined;
  if (uri?.kind !== 'secrets') {
    throw invalidProp(
      construct,
      prop,
      value,
      `a Key Vault secret URI ${vaultUriPattern('secrets/<name>[/<32-hex version>]')}`,
      "pass the certificate's secret id (azurerm_key_vault_certificate versionless_secret_id), not its certificate or key URI",
    );
  }
}
