import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { exactlyOneOf, invalidProp } from '../../errors';
import type { HardenedKeyVault } from './hardened-key-vault';
import { KeyVaultSku } from './key-vault-sku';
import { validateVaultObjectName } from '../internal/validation';
import { libraryScope } from '../../scope';
import { requireDefined, requireProps, requireString, validateIntegerRange, validateUtcTimestamp } from '../../validation';

/** Options of a KMS key created with {@link HardenedKeyVault.addKmsKey}. */
export interface KmsKeyOptions {
  /** Key name in the vault (1-127 letters, digits and "-"). */
  readonly name: string;
  /**
   * RSA key size in bits: 2048, 3072 or 4096.
   * @default 2048
   */
  readonly keySizeBits?: number;
  /**
   * Expiration of the first key version, a literal UTC timestamp such as `2027-12-31T00:00:00Z`.
   * Give either this or `validityDays` with `validFrom`. An expiration not after
   * `KmsKey.REFERENCE_DATE` adds the synth warning `[kms-key-expired]`: the key cannot wrap the
   * cluster's encryption keys once it has expired.
   * @default - computed from `validFrom` + `validityDays`
   */
  readonly expirationDate?: string;
  /**
   * Start of the validity window `validityDays` counts from: a literal UTC timestamp, so that synth
   * stays deterministic (the library never reads the clock). Required with `validityDays`.
   * @default - none
   */
  readonly validFrom?: string;
  /**
   * Days from `validFrom` to the first version's expiration (1-3650).
   * @default - none; `expirationDate` is used
   */
  readonly validityDays?: number;
  /**
   * Days after creation at which each new (rotated) key version expires (rotation_policy.expire_after).
   * @default 365
   */
  readonly expireAfterDays?: number;
  /**
   * Days before expiry at which Key Vault creates a new version automatically
   * (rotation_policy.automatic.time_before_expiry).
   * @default 30
   */
  readonly rotateBeforeExpiryDays?: number;
}

/** Props of {@link KmsKey}. */
export interface KmsKeyProps extends KmsKeyOptions {
  /** The vault holding the key. */
  readonly keyVault: HardenedKeyVault;
}

const KEY_SIZES = [2048, 3072, 4096];
/** See KmsKey.REFERENCE_DATE. */
const REFERENCE_DATE = '2026-12-01T00:00:00Z';
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A key of a {@link HardenedKeyVault} for KMS etcd encryption (CIS AKS 1.8 5.3.1): RSA-HSM on a premium
 * vault (RSA on standard), with an expiration date and a rotation policy that creates a new version
 * before expiry. AKS KMS takes the versioned `id`; after a rotation the next apply moves the cluster to
 * the new version.
 */
export class KmsKey extends Construct {
  /**
   * The date a fixed expiration is compared with: the release date of this library version. Synth never
   * reads the machine clock (its output would change from one day to the next), so a key that expires
   * before this date has certainly expired, and one that expires later is left to the key rotation policy.
   */
  public static readonly REFERENCE_DATE = REFERENCE_DATE;

  /** The underlying `azurerm_key_vault_key`. */
  public readonly key: KeyVaultKey;
  /** Versioned key id (what AKS `key_management_service.key_vault_key_id` takes). */
  public readonly id: string;
  /** Key id without the version. */
  public readonly versionlessId: string;
  /** Key name. */
  public readonly keyName: string;
  /** Expiration of the first version (UTC timestamp). */
  public readonly expirationDate: string;

  constructor(scope: Construct, id: string, props: KmsKeyProps) {
    super(libraryScope(scope, id, 'KmsKey'), id);
    const construct = `KmsKey ${this.node.path}`;
    requireProps(construct, props, 'pass KmsKeyProps');
    requireString(construct, 'name', props?.name, 'name the key, e.g. "aks-kms"');
    validateVaultObjectName(construct, 'name', props.name);
    requireDefined(construct, props, [['keyVault', 'pass the HardenedKeyVault that holds the key (or use HardenedKeyVault.addKmsKey)']]);
    const keySize = props.keySizeBits ?? 2048;
    if (!KEY_SIZES.includes(keySize)) {
      throw invalidProp(construct, 'keySizeBits', keySize, KEY_SIZES.join(', '), 'use 2048 or larger');
    }
    this.expirationDate = expirationOf(construct, props);
    if (this.expirationDate <= REFERENCE_DATE) {
      Annotations.of(this).addWarning(
        `[kms-key-expired] ${construct}: the first version expires at ${this.expirationDate}, before ${REFERENCE_DATE} (the release of this library), ` +
          'so it has expired: AKS KMS cannot wrap or unwrap the cluster\'s keys with it. Fix: set expirationDate (or validFrom + validityDays) in the future.',
      );
    }
    const expireAfter = props.expireAfterDays ?? 365;
    const rotateBefore = props.rotateBeforeExpiryDays ?? 30;
    validateIntegerRange(construct, 'expireAfterDays', expireAfter, 28, 3650, 'Key Vault needs at least 28 days (P28D)');
    validateIntegerRange(construct, 'rotateBeforeExpiryDays', rotateBefore, 7, expireAfter - 1, 'rotate at least 7 days before expiry and before the version expires');

    this.key = new KeyVaultKey(this, 'key', {
      name: props.name,
      keyVaultId: props.keyVault.keyVaultId,
      keyType: props.keyVault.skuName === KeyVaultSku.PREMIUM ? 'RSA-HSM' : 'RSA',
      keySize,
      keyOpts: ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey'],
      expirationDate: this.expirationDate,
      rotationPolicy: {
        expireAfter: `P${expireAfter}D`,
        automatic: { timeBeforeExpiry: `P${rotateBefore}D` },
      },
      dependsOn: props.keyVault.dataPlaneDependencies,
    });
    this.id = this.key.id;
    this.versionlessId = this.key.versionlessId;
    this.keyName = props.name;
  }
}

function expirationOf(construct: string, props: KmsKeyOptions): string {
  const fromWindow = props.validityDays !== undefined || props.validFrom !== undefined;
  if ((props.expirationDate !== undefined) === fromWindow) {
    throw exactlyOneOf(
      construct,
      ['expirationDate', 'validFrom + validityDays'],
      [props.expirationDate !== undefined ? 'expirationDate' : '', fromWindow ? 'validFrom/validityDays' : ''].filter((g) => g),
      'set expirationDate: "2027-12-31T00:00:00Z", or validFrom: "2026-01-01T00:00:00Z" with validityDays: 730',
    );
  }
  if (props.expirationDate !== undefined) {
    validateUtcTimestamp(construct, 'expirationDate', props.expirationDate);
    return props.expirationDate;
  }
  if (props.validFrom === undefined || props.validityDays === undefined) {
    throw invalidProp(
      construct,
      props.validFrom === undefined ? 'validFrom' : 'validityDays',
      undefined,
      'validFrom and validityDays together',
      'give both, e.g. validFrom: "2026-01-01T00:00:00Z", validityDays: 730',
    );
  }
  validateUtcTimestamp(construct, 'validFrom', props.validFrom);
  validateIntegerRange(construct, 'validityDays', props.validityDays, 1, 3650, 'give the number of days the first version is valid');
  return new Date(new Date(props.validFrom).getTime() + props.validityDays * DAY_MS).toISOString().replace('.000Z', 'Z');
}
