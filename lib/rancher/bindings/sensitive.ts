// Internal: sensitive provider arguments must never be literal strings in the synthesized JSON.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

/**
 * Throws when a sensitive argument is given as a literal. A literal would be written in plain text to
 * cdk.tf.json (and to version control); a token from a sensitive variable or a Key Vault secret is not.
 */
export function requireSensitiveReference(construct: string, prop: string, value: string | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) {
    return;
  }
  throw invalidProp(
    construct,
    prop,
    '<literal value, not shown>',
    'a reference to a sensitive TerraformVariable or a Key Vault secret (data azurerm_key_vault_secret .value)',
    'create `new TerraformVariable(scope, id, { type: "string", sensitive: true })` and pass its `.stringValue`, or read the secret from Key Vault',
  );
}
