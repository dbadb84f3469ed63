// Internal validation shared by the Azure constructs; not part of the public API.
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../errors';

const VAULT_NAME = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const VAULT_OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;
const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Throws unless the value is a Key Vault name Azure accepts (skips unresolved tokens). */
export function validateVaultName(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'string' || !VAULT_NAME.test(value)) {
    throw invalidProp(
      construct,
      prop,
      value,
      '3-24 characters: letters, digits and "-", starting with a letter, ending with a letter or digit, no "--"',
      'choose a name such as "kv-platform-prod" (vault names are global: they become <name>.vault.azure.net)',
    );
  }
}

/** Throws unless the value is a Key Vault key, secret or certificate name (skips unresolved tokens). */
export function validateVaultObjectName(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'string' || !VAULT_OBJECT_NAME.test(value)) {
    throw invalidProp(construct, prop, value, '1-127 characters: letters, digits and "-"', 'use a name such as "aks-kms" or "db-password"');
  }
}

/** Throws unless the value is a literal UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` naming a real instant. */
export function validateUtcTimestamp(construct: string, prop: string, value: string): void {
  const allowed = 'a literal UTC timestamp in RFC 3339 form, e.g. "2027-12-31T00:00:00Z"';
  if (Token.isUnresolved(value)) {
    throw invalidProp(construct, prop, '<unresolved token>', allowed, 'pass a literal date: synth must be deterministic and the rules must read it');
  }
  const match = typeof value === 'string' ? RFC3339_UTC.exec(value) : null;
  const date = match ? new Date(value) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().replace('.000Z', 'Z') !== value) {
    throw invalidProp(construct, prop, value, allowed, 'write the date in UTC with seconds and a trailing "Z"');
  }
}

/** Throws when a required string prop is missing or empty. */
export function requireString(construct: string, prop: string, value: string | undefined, fix: string): string {
  if (value === undefined || value === null || (typeof value === 'string' && !Token.isUnresolved(value) && value.trim() === '')) {
    throw missingProp(construct, prop, fix);
  }
  return value;
}

/** Throws unless the number is an integer within [min, max] (skips unresolved tokens). */
export function validateIntegerRange(construct: string, prop: string, value: number, min: number, max: number, fix: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidProp(construct, prop, value, `an integer from ${min} to ${max}`, fix);
  }
}
