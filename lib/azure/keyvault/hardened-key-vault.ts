import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { requireStrings } from '../../required-props';
import { invalidProp, missingProp } from '../../errors';
import { addDiagnostics, addPrivateEndpoint } from '../private-endpoint';

/** Key Vault pricing tier. */
export enum KeyVaultSku {
  /** HSM-backed keys available. */
  PREMIUM = 'premium',
  /** Software-protected keys only. */
  STANDARD = 'standard',
}

/** Props of {@link HardenedKeyVault}. */
export interface HardenedKeyVaultProps {
  /** Vault name: 3-24 letters, digits and hyphens, starting with a letter, globally unique. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Entra ID tenant of the vault. */
  readonly tenantId: string;
  /** Subnet of the vault's private endpoint. */
  readonly privateEndpointSubnetId: string;
  /** Private DNS zone `privatelink.vaultcore.azure.net` (e.g. `network.privateDnsZone(...)`). */
  readonly privateDnsZoneId: string;
  /**
   * Workspace for the vault's audit events.
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Days a deleted vault or object can be recovered (7-90).
   * @default 90
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Pricing tier.
   * @default KeyVaultSku.PREMIUM (HSM-backed keys)
   */
  readonly sku?: KeyVaultSku;
}

/** Props of {@link HardenedKeyVault.addKmsKey}. */
export interface KmsKeyProps {
  /** Key name. */
  readonly name: string;
  /** Expiry of the first key version, ISO 8601 UTC, e.g. `2027-12-31T00:00:00Z` (a fixed date keeps synth deterministic). */
  readonly expirationDate: string;
  /**
   * Key size in bits (2048 is what AKS KMS supports).
   * @default 2048
   */
  readonly keySize?: number;
  /**
   * Rotate to a new version this long after creation (ISO 8601 duration).
   * @default 'P180D'
   */
  readonly rotateAfter?: string;
}

const VAULT_NAME = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const ISO_DURATION = /^P(\d+Y)?(\d+M)?(\d+D)?$/;

/**
 * A Key Vault for the platform: RBAC authorization (no access policies), purge protection, explicit
 * soft-delete retention, public access off with network ACL default deny, a private endpoint, audit
 * logs, typed role grants and HSM-backed KMS keys with expiry and rotation.
 */
export class HardenedKeyVault extends Construct {
  /** The vault resource. */
  public readonly vault: KeyVault;
  private readonly sku: KeyVaultSku;

  constructor(scope: Construct, id: string, props: HardenedKeyVaultProps) {
    super(scope, id);
    const construct = `HardenedKeyVault ${this.node.path}`;
    requireStrings(construct, props, ['name', 'resourceGroupName', 'location', 'tenantId', 'privateEndpointSubnetId', 'privateDnsZoneId']);
    if (!Token.isUnresolved(props.name) && !VAULT_NAME.test(props.name)) {
      throw invalidProp(construct, 'name', props.name, '3-24 letters, digits and hyphens, starting with a letter, ending with a letter or digit, no "--"', 'use a name such as "kv-platform-prod"');
    }
    const retention = props.softDeleteRetentionDays ?? 90;
    if (!Number.isInteger(retention) || retention < 7 || retention > 90) {
      throw invalidProp(construct, 'softDeleteRetentionDays', retention, 'a whole number of days from 7 to 90', 'use 90');
    }
    this.sku = props.sku ?? KeyVaultSku.PREMIUM;
    if (!Object.values(KeyVaultSku).includes(this.sku)) {
      throw invalidProp(construct, 'sku', this.sku, Object.values(KeyVaultSku).join(', '), 'use a KeyVaultSku member');
    }
    this.vault = new KeyVault(this, 'vault', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: props.tenantId,
      skuName: this.sku,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: false,
      networkAcls: { defaultAction: 'Deny', bypass: 'AzureServices' },
    });
    addPrivateEndpoint(this, 'private-endpoint', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: this.vault.id,
      subresource: 'vault',
      privateDnsZoneId: props.privateDnsZoneId,
    });
    if (props.logAnalyticsWorkspaceId) {
      addDiagnostics(this, 'diagnostics', this.vault.id, props.logAnalyticsWorkspaceId, ['AuditEvent', 'AzurePolicyEvaluationDetails']);
    }
  }

  /** Resource id of the vault. */
  public get vaultId(): string {
    return this.vault.id;
  }

  /** Read secrets (e.g. a workload identity through the Secrets Store CSI driver). */
  public grantSecretsReader(id: string, principalId: string): RoleAssignment {
    return this.grant(id, principalId, 'Key Vault Secrets User');
  }

  /** Use keys for encryption (e.g. the AKS control plane for KMS etcd encryption). */
  public grantCryptoUser(id: string, principalId: string): RoleAssignment {
    return this.grant(id, principalId, 'Key Vault Crypto User');
  }

  /** Read certificates (and their secrets through the secrets reader grant, as Application Gateway does). */
  public grantCertificateReader(id: string, principalId: string): RoleAssignment {
    return this.grant(id, principalId, 'Key Vault Certificate User');
  }

  /** An RSA key for KMS etcd encryption: HSM-backed on premium, with expiry and automatic rotation. */
  public addKmsKey(id: string, props: KmsKeyProps): KeyVaultKey {
    const construct = `HardenedKeyVault ${this.node.path} addKmsKey`;
    if (!props?.name) {
      throw missingProp(construct, 'name', 'name the key, e.g. "aks-kms"');
    }
    if (!ISO_DATE.test(props.expirationDate ?? '')) {
      throw invalidProp(construct, 'expirationDate', props.expirationDate, 'an ISO 8601 UTC date-time such as "2027-12-31T00:00:00Z"', 'give a fixed expiry date');
    }
    const keySize = props.keySize ?? 2048;
    if (![2048, 3072, 4096].includes(keySize)) {
      throw invalidProp(construct, 'keySize', keySize, '2048, 3072 or 4096', 'use 2048 for AKS KMS');
    }
    const rotateAfter = props.rotateAfter ?? 'P180D';
    if (!ISO_DURATION.test(rotateAfter)) {
      throw invalidProp(construct, 'rotateAfter', rotateAfter, 'an ISO 8601 duration such as "P180D"', 'use "P180D"');
    }
    return new KeyVaultKey(this, id, {
      name: props.name,
      keyVaultId: this.vault.id,
      keyType: this.sku === KeyVaultSku.PREMIUM ? 'RSA-HSM' : 'RSA',
      keySize,
      keyOpts: ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey'],
      expirationDate: props.expirationDate,
      rotationPolicy: { automatic: { timeAfterCreation: rotateAfter }, expireAfter: 'P1Y', notifyBeforeExpiry: 'P30D' },
    });
  }

  private grant(id: string, principalId: string, role: string): RoleAssignment {
    return new RoleAssignment(this, id, { scope: this.vault.id, roleDefinitionName: role, principalId, principalType: 'ServicePrincipal' });
  }
}
