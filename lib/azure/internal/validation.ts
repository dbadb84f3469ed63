// Internal: Azure's naming rules for Key Vault and its objects; the checks every construct makes are in
// lib/validation.ts.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

const VAULT_NAME = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{1,22}[A-Za-z0-9]$/;
const VAULT_OBJECT_NAME = /^[0-9A-Za-z-]{1,127}$/;

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
