import type { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { literalNotAllowed } from '../../errors';
import type { HardenedKeyVault } from './hardened-key-vault';
import { validateVaultObjectName } from '../internal/validation';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';
import { requireDefined, requireProps, requireString, validateUtcTimestamp } from '../../validation';

/** Options of a secret created with {@link HardenedKeyVault.addSecret}. */
export interface VaultSecretOptions {
  /** Secret name in the vault (1-127 letters, digits and "-"). */
  readonly name: string;
  /**
   * The secret value: a reference to a sensitive Terraform variable or a resource attribute
   * (e.g. `new TerraformVariable(stack, 'db-password', { sensitive: true }).stringValue`). A literal is an
   * error: it would be written in plain text to the synthesized configuration.
   */
  readonly value: string;
  /** MIME type or short description of the value, e.g. `text/plain` or `application/x-pem-file`. */
  readonly contentType: string;
  /** Expiration, a literal UTC timestamp such as `2027-12-31T00:00:00Z`. */
  readonly expirationDate: string;
  /**
   * Not usable before this literal UTC timestamp.
   * @default - usable at once
   */
  readonly notBeforeDate?: string;
}

/** Props of {@link VaultSecret}. */
export interface VaultSecretProps extends VaultSecretOptions {
  /** The vault holding the secret. */
  readonly keyVault: HardenedKeyVault;
}

/** A secret of a {@link HardenedKeyVault} with a content type and an expiration date, its value from a reference. */
export class VaultSecret extends Construct {
  /** The underlying `azurerm_key_vault_secret`. */
  public readonly secret: KeyVaultSecret;
  /** Versioned secret id. */
  public readonly id: string;
  /** Secret id without the version (follows the latest version). */
  public readonly versionlessId: string;
  /** Secret name. */
  public readonly secretName: string;

  constructor(scope: Construct, id: string, props: VaultSecretProps) {
    super(libraryScope(scope, id, 'VaultSecret'), id);
    const construct = `VaultSecret ${this.node.path}`;
    requireProps(construct, props, 'pass VaultSecretProps');
    requireString(construct, 'name', props?.name, 'name the secret, e.g. "db-password"');
    validateVaultObjectName(construct, 'name', props.name);
    requireDefined(construct, props, [['keyVault', 'pass the HardenedKeyVault that holds the secret (or use HardenedKeyVault.addSecret)']]);
    requireString(construct, 'value', props.value, 'pass a sensitive TerraformVariable stringValue or a resource attribute');
    if (!Token.isUnresolved(props.value)) {
      throw literalNotAllowed(construct, 'value', 'pass new TerraformVariable(stack, "x", { sensitive: true }).stringValue, or a resource attribute');
    }
    requireString(construct, 'contentType', props.contentType, 'describe the value, e.g. "text/plain"');
    requireString(construct, 'expirationDate', props.expirationDate, 'set an expiration, e.g. "2027-12-31T00:00:00Z"');
    validateUtcTimestamp(construct, 'expirationDate', props.expirationDate);
    if (props.notBeforeDate !== undefined) {
      validateUtcTimestamp(construct, 'notBeforeDate', props.notBeforeDate);
    }
    const KeyVaultSecretClass = optionalResources.keyVaultSecret();
    this.secret = new KeyVaultSecretClass(this, 'secret', {
      name: props.name,
      keyVaultId: props.keyVault.keyVaultId,
      value: props.value,
      contentType: props.contentType,
      expirationDate: props.expirationDate,
      notBeforeDate: props.notBeforeDate,
      dependsOn: props.keyVault.dataPlaneDependencies,
    });
    this.id = this.secret.id;
    this.versionlessId = this.secret.versionlessId;
    this.secretName = props.name;
  }
}
