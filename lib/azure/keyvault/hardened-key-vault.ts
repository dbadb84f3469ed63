import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { addPrivateEndpoint } from '../internal/private-endpoint';
import { exactlyOneOf, invalidProp } from '../../errors';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { assignRole } from '../internal/role-assignment';
import { validateVaultName } from '../internal/validation';
import { validateVaultIpRule } from './vault-ip-rule';
import { KeyVaultRole } from './key-vault-role';
import { KeyVaultSku } from './key-vault-sku';
import { KmsKey, KmsKeyOptions } from './kms-key';
import { VaultSecret, VaultSecretOptions } from './vault-secret';
import { libraryScope } from '../../scope';
import { requireProps, requireString, validateIntegerRange } from '../../validation';

/** Props of {@link HardenedKeyVault}. */
export interface HardenedKeyVaultProps {
  /** Vault name: 3-24 letters, digits and "-", starting with a letter, ending with a letter or digit, no "--". */
  readonly name: string;
  /** Resource group of the vault, its private endpoint and (when created) its private DNS zone. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Subnet id of the vault's private endpoint (e.g. `AksNetwork.privateEndpointSubnetId`). */
  readonly privateEndpointSubnetId: string;
  /**
   * Id of an existing `privatelink.vaultcore.azure.net` private DNS zone (e.g.
   * `network.privateDnsZone('privatelink.vaultcore.azure.net')`). Give this or `virtualNetworkId`.
   * @default - the zone is created and linked to `virtualNetworkId`
   */
  readonly privateDnsZoneId?: string;
  /**
   * Virtual network to link a new `privatelink.vaultcore.azure.net` zone to. Give this or `privateDnsZoneId`.
   * @default - none; `privateDnsZoneId` is used
   */
  readonly virtualNetworkId?: string;
  /** Log Analytics workspace receiving the vault's AuditEvent and AzurePolicyEvaluationDetails logs. */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Entra ID tenant of the vault.
   * @default - the tenant of the principal running Terraform (azurerm_client_config)
   */
  readonly tenantId?: string;
  /**
   * Pricing tier; premium allows HSM-protected keys.
   * @default KeyVaultSku.PREMIUM (CIS AKS 1.8 5.3.1: KMS key in an HSM)
   */
  readonly skuName?: KeyVaultSku;
  /**
   * Days a deleted vault or object can be recovered (7-90). Purge protection is always on.
   * @default 90 (CIS AKS 1.8 4.5.2)
   */
  readonly softDeleteRetentionDays?: number;
  /**
   * Allow access from public networks (limited to `allowedIpRanges`). Insecure: the
   * `keyvault-public-network-access-disabled` rule fails synth unless waived.
   * @default false (CIS AKS 1.8 4.5.2)
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Public IP ranges allowed through the network ACL (IPv4 addresses or CIDRs; Key Vault takes no private
   * ranges and none that spans the Internet); only effective with `publicNetworkAccessEnabled`.
   * @default - none
   */
  readonly allowedIpRanges?: string[];
  /**
   * Give the principal running Terraform Key Vault Crypto Officer and Secrets Officer on the vault, so
   * that it can create the keys and secrets of this construct (RBAC authorization has no implicit owner).
   * Terraform must also reach the private endpoint (a runner inside the network) to create them.
   * @default true
   */
  readonly deployerAccess?: boolean;
}

const CONSTRUCT = 'HardenedKeyVault';
const PRIVATE_DNS_ZONE = 'privatelink.vaultcore.azure.net';

/**
 * An Azure Key Vault for a hardened platform: RBAC authorization (no access policies), purge protection,
 * explicit soft-delete retention, public network access off with a default-deny network ACL, a private
 * endpoint with its private DNS zone, audit logs to Log Analytics and premium (HSM) SKU. Access is given
 * through typed grants; KMS keys and secrets created through it carry expiry and rotation.
 */
export class HardenedKeyVault extends Construct {
  /** The underlying `azurerm_key_vault`. */
  public readonly vault: KeyVault;
  /** Resource id of the vault. */
  public readonly keyVaultId: string;
  /** Vault name. */
  public readonly vaultName: string;
  /** Vault URI, `https://<name>.vault.azure.net/`. */
  public readonly vaultUri: string;
  /** Tenant id of the vault. */
  public readonly tenantId: string;
  /** Pricing tier. */
  public readonly skuName: KeyVaultSku;
  /** The private endpoint. */
  public readonly privateEndpoint: PrivateEndpoint;
  /** Id of the private DNS zone the endpoint registers in. */
  public readonly privateDnsZoneId: string;
  /** The diagnostic setting sending audit logs to Log Analytics. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** What data-plane operations of Terraform (keys, secrets) wait for: the endpoint and deployer roles. */
  public readonly dataPlaneDependencies: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: HardenedKeyVaultProps) {
    super(libraryScope(scope, id, 'HardenedKeyVault'), id);
    const construct = `${CONSTRUCT} ${this.node.path}`;
    requireProps(construct, props, 'pass HardenedKeyVaultProps');
    requireString(construct, 'name', props?.name, 'name the vault, e.g. "kv-platform-prod"');
    validateVaultName(construct, 'name', props.name);
    requireString(construct, 'resourceGroupName', props.resourceGroupName, 'pass the resource group name');
    requireString(construct, 'location', props.location, 'pass the Azure region, e.g. "westeurope"');
    requireString(construct, 'privateEndpointSubnetId', props.privateEndpointSubnetId, 'pass the private endpoint subnet id, e.g. network.privateEndpointSubnetId');
    requireString(construct, 'logAnalyticsWorkspaceId', props.logAnalyticsWorkspaceId, 'pass the Log Analytics workspace id that receives the audit logs');
    const zoneProps = [props.privateDnsZoneId !== undefined ? 'privateDnsZoneId' : '', props.virtualNetworkId !== undefined ? 'virtualNetworkId' : ''].filter((p) => p);
    if (zoneProps.length !== 1) {
      throw exactlyOneOf(
        construct,
        ['privateDnsZoneId', 'virtualNetworkId'],
        zoneProps,
        `pass the id of an existing ${PRIVATE_DNS_ZONE} zone (network.privateDnsZone("${PRIVATE_DNS_ZONE}")), or the virtual network id to create and link one`,
      );
    }
    const retention = props.softDeleteRetentionDays ?? 90;
    validateIntegerRange(construct, 'softDeleteRetentionDays', retention, 7, 90, 'Azure keeps deleted vaults 7 to 90 days; use 90 unless you must purge sooner');
    const sku = props.skuName ?? KeyVaultSku.PREMIUM;
    if (!Object.values(KeyVaultSku).includes(sku)) {
      throw invalidProp(construct, 'skuName', sku, Object.values(KeyVaultSku).join(', '), 'use a KeyVaultSku member');
    }
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    (props.allowedIpRanges ?? []).forEach((range, i) => validateVaultIpRule(construct, `allowedIpRanges[${i}]`, range));
    const client = new DataAzurermClientConfig(this, 'client');
    this.tenantId = props.tenantId ?? client.tenantId;
    this.skuName = sku;

    this.vault = new KeyVault(this, 'vault', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      tenantId: this.tenantId,
      skuName: sku,
      rbacAuthorizationEnabled: true,
      purgeProtectionEnabled: true,
      softDeleteRetentionDays: retention,
      publicNetworkAccessEnabled: publicAccess,
      networkAcls: {
        defaultAction: 'Deny',
        bypass: 'AzureServices',
        ipRules: [...(props.allowedIpRanges ?? [])].sort(),
        virtualNetworkSubnetIds: [],
      },
    });
    this.keyVaultId = this.vault.id;
    this.vaultName = props.name;
    this.vaultUri = this.vault.vaultUri;

    this.privateDnsZoneId = props.privateDnsZoneId ?? this.createZone(props.resourceGroupName, props.virtualNetworkId!);
    this.privateEndpoint = addPrivateEndpoint(this, 'private-endpoint', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: this.vault.id,
      subresource: 'vault',
      privateDnsZoneId: this.privateDnsZoneId,
    });
    this.diagnosticSetting = diagnosticsToWorkspace(this, 'diagnostics', 'audit-to-log-analytics', this.vault.id, props.logAnalyticsWorkspaceId, [
      'AuditEvent',
      'AzurePolicyEvaluationDetails',
    ]);

    const dependencies: ITerraformDependable[] = [this.privateEndpoint];
    if (props.deployerAccess ?? true) {
      dependencies.push(
        assignRole(this, 'deployer-crypto-officer', this.vault.id, KeyVaultRole.CRYPTO_OFFICER, client.objectId),
        assignRole(this, 'deployer-secrets-officer', this.vault.id, KeyVaultRole.SECRETS_OFFICER, client.objectId),
      );
    }
    this.dataPlaneDependencies = dependencies;
  }

  /** Lets a principal read secret contents (Key Vault Secrets User), e.g. a workload identity. */
  public grantSecretsReader(id: string, principalId: string): RoleAssignment {
    return this.grant(id, KeyVaultRole.SECRETS_USER, principalId);
  }

  /** Lets a principal use keys for cryptographic operations (Key Vault Crypto User), e.g. KMS. */
  public grantCryptoUser(id: string, principalId: string): RoleAssignment {
    return this.grant(id, KeyVaultRole.CRYPTO_USER, principalId);
  }

  /** Lets a principal read certificate contents (Key Vault Certificate User). */
  public grantCertificateUser(id: string, principalId: string): RoleAssignment {
    return this.grant(id, KeyVaultRole.CERTIFICATE_USER, principalId);
  }

  /**
   * Lets Application Gateway's identity read a TLS certificate: the gateway reads it through the
   * certificate's secret, so this is Key Vault Secrets User.
   */
  public grantApplicationGatewayCertificateReader(id: string, principalId: string): RoleAssignment {
    return this.grant(id, KeyVaultRole.SECRETS_USER, principalId);
  }

  /** Assigns any Key Vault data-plane role on this vault. */
  public grant(id: string, role: KeyVaultRole, principalId: string): RoleAssignment {
    if (!Object.values(KeyVaultRole).includes(role)) {
      throw invalidProp(`${CONSTRUCT} ${this.node.path}`, 'role', role, Object.values(KeyVaultRole).join(', '), 'use a KeyVaultRole member');
    }
    requireString(`${CONSTRUCT} ${this.node.path}`, 'principalId', principalId, 'pass the object (principal) id of the identity');
    return assignRole(this, id, this.vault.id, role, principalId);
  }

  /** Creates a key for KMS etcd encryption (CIS AKS 1.8 5.3.1): HSM-backed on premium, with expiry and rotation. */
  public addKmsKey(id: string, options: KmsKeyOptions): KmsKey {
    return new KmsKey(this, id, { ...options, keyVault: this });
  }

  /** Creates a secret whose value comes from a sensitive reference, with content type and expiry. */
  public addSecret(id: string, options: VaultSecretOptions): VaultSecret {
    return new VaultSecret(this, id, { ...options, keyVault: this });
  }

  private createZone(resourceGroupName: string, virtualNetworkId: string): string {
    const zone = new PrivateDnsZone(this, 'private-dns-zone', { name: PRIVATE_DNS_ZONE, resourceGroupName });
    new PrivateDnsZoneVirtualNetworkLink(this, 'private-dns-zone-link', {
      name: 'vault-dns',
      resourceGroupName,
      privateDnsZoneName: zone.name,
      virtualNetworkId,
      registrationEnabled: false,
    });
    return zone.id;
  }
}
