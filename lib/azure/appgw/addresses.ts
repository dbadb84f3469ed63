// Internal validation of gateway addresses and Key Vault secret ids; not part of the public API.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { parseVaultObjectUri, vaultUriPattern } from '../keyvault/vault-uri';

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const FQDN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$/;

/** The octets of an IPv4 address, or undefined. */
function octets(value: string): number[] | undefined {
  const match = IPV4.exec(value);
  if (!match) {
    return undefined;
  }
  const parts = match.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

/** True for an RFC 1918 private IPv4 address. */
export function isPrivateIpv4(value: string): boolean {
  const o = octets(value);
  if (!o) {
    return false;
  }
  return o[0] === 10 || (o[0] === 172 && o[1] >= 16 && o[1] <= 31) || (o[0] === 192 && o[1] === 168);
}

/** Throws unless the address is a private IPv4 address or an FQDN (skips unresolved tokens). */
export function validatePrivateBackend(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value === 'string' && (isPrivateIpv4(value) || (!octets(value) && !IPV4.test(value) && FQDN.test(value)))) {
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
