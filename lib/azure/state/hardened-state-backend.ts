import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { App, AzurermBackend, ITerraformDependable, LocalBackend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp } from '../../errors';
import { libraryStackScope } from '../../scope';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { addPrivateEndpoint } from '../internal/private-endpoint';
import { assignRole } from '../internal/role-assignment';
import { isMachinePath, stateLocationId } from './backend-checks';
import { validateKey, validateNetwork, validatePrincipals } from './bootstrap-validation';
import { RemoteState } from './remote-state';
import { STATE_ACCOUNT_TAG, STATE_ACCOUNT_TAG_VALUE } from './state-account-tag';
import { optionalGuid, requireLiteral, stateKey, validateContainerName, validateStorageAccountName } from './state-names';
import { StateRegistry } from './state-registry';
import { StateReplication } from './state-replication';
import { requireProps, requireString, validateIntegerRange } from '../../validation';

/** A customer-managed key from a Key Vault that encrypts the state account. */
export interface StateEncryptionKey {
  /** Resource id of the vault holding the key (purge protection on, e.g. `HardenedKeyVault.keyVaultId`). */
  readonly keyVaultId: string;
  /**
   * Versionless key id, `https://<vault>.vault.azure.net/keys/<name>`, so the account follows the key's
   * rotation (e.g. `KmsKey.versionlessId`).
   */
  readonly keyVaultKeyId: string;
}

/** Options of {@link HardenedStateBackend.useForEveryStack}. */
export interface EveryStackStateOptions {
  /**
   * Prefix of every state key: keys become `<prefix>/<stack>.tfstate`.
   * @default - no prefix
   */
  readonly keyPrefix?: string;
  /**
   * The stacks to configure.
   * @default - every stack of the app that has no backend yet
   */
  readonly stacks?: TerraformStack[];
}

/** Props of {@link HardenedStateBackend}. */
export interface HardenedStateBackendProps {
  /** Storage account name: 3-24 lower-case letters and digits, globally unique, a literal. */
  readonly storageAccountName: string;
  /** Resource group the stack creates for the state account. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Log Analytics workspace that receives the blob read, write and delete logs (an existing one: the platform's is created later). */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Object ids of the pipeline identities (service principals or managed identities) that run
   * Terraform: each gets Storage Blob Data Contributor on the state container, and nothing on the account.
   */
  readonly pipelinePrincipalIds: string[];
  /**
   * Blob container holding the state files.
   * @default "tfstate"
   */
  readonly containerName?: string;
  /**
   * Subnet of the account's blob private endpoint, in the network the runners use (it exists before
   * the platform). Give this with `privateDnsZoneId`, or `runnerEgressIpRanges`, or both.
   * @default - no private endpoint; `runnerEgressIpRanges` is required
   */
  readonly privateEndpointSubnetId?: string;
  /**
   * Private DNS zone `privatelink.blob.core.windows.net` the endpoint registers in; required with
   * `privateEndpointSubnetId`.
   * @default - none
   */
  readonly privateDnsZoneId?: string;
  /**
   * Public egress addresses of runners outside the network (single IPs or prefixes from /24 to /30).
   * Giving them turns the public endpoint on for these addresses only; every other address is denied.
   * @default - none: public network access is off
   */
  readonly runnerEgressIpRanges?: string[];
  /**
   * Replication of the account's data.
   * @default StateReplication.GZRS
   */
  readonly replication?: StateReplication;
  /**
   * Days a deleted or overwritten state blob can be restored (1-365; the `state-account-data-protection` rule asks for at least 7).
   * @default 30
   */
  readonly blobSoftDeleteRetentionDays?: number;
  /**
   * Days a deleted container can be restored (1-365; the `state-account-data-protection` rule asks for at least 7).
   * @default 30
   */
  readonly containerSoftDeleteRetentionDays?: number;
  /**
   * Encrypt the account with a customer-managed key; the stack creates a user-assigned identity with
   * Key Vault Crypto Service Encryption User on the vault.
   * @default - Microsoft-managed keys, with infrastructure (double) encryption
   */
  readonly customerManagedKey?: StateEncryptionKey;
  /**
   * Put a CanNotDelete lock on the account. Setting false fails `state-account-delete-lock` unless waived.
   * @default true
   */
  readonly deleteLock?: boolean;
  /**
   * Whether this stack's own state has moved into the account. Leave false for the first apply (state
   * in `localStatePath`); once the account exists set true and run `cdktf deploy <stack> --migrate-state`.
   * @default false
   */
  readonly stateMigrated?: boolean;
  /**
   * Path of this stack's state file before migration, relative to the stack directory
   * `cdktf.out/stacks/<stack>` (absolute paths are refused: they tie the configuration to one machine).
   * @default "../../../terraform.<stack>.tfstate" (the project directory)
   */
  readonly localStatePath?: string;
  /**
   * Subscription of the state account (a literal GUID), for the provider and the backend.
   * @default - the runner's ARM_SUBSCRIPTION_ID
   */
  readonly subscriptionId?: string;
}

const CONSTRUCT = 'HardenedStateBackend';
const BLOB_DATA_CONTRIBUTOR = 'Storage Blob Data Contributor';
const CRYPTO_SERVICE_ENCRYPTION_USER = 'Key Vault Crypto Service Encryption User';

/**
 * The bootstrap stack of a team's Terraform state: an Azure Storage account that accepts Entra ID only
 * (shared keys and local users off), reachable through a private endpoint or from an explicit runner
 * allowlist, HTTPS with TLS 1.2, no public blobs, infrastructure encryption (optionally a
 * customer-managed key), blob versioning, soft delete of blobs and containers, zone and geo
 * replication, no cross-tenant replication, blob logs to Log Analytics, a delete lock, and Storage
 * Blob Data Contributor on the state container only for the pipeline identities.
 *
 * It is the one stack that starts with local state; after its first apply set `stateMigrated` and
 * migrate. `useForEveryStack()` puts every other stack of the app on the account.
 */
export class HardenedStateBackend extends TerraformStack {
  /** The state storage account. */
  public readonly storageAccount: StorageAccount;
  /** The state container. */
  public readonly container: StorageContainer;
  /** Storage account name. */
  public readonly storageAccountName: string;
  /** Container name. */
  public readonly containerName: string;
  /** The blob private endpoint, when one was asked for. */
  public readonly privateEndpoint?: PrivateEndpoint;
  /** The diagnostic setting of the blob service. */
  public readonly diagnosticSetting: MonitorDiagnosticSetting;
  /** The delete lock, unless turned off. */
  public readonly deleteLock?: ManagementLock;
  /** The pipeline identities' role assignments on the container. */
  public readonly pipelineRoleAssignments: RoleAssignment[];

  private readonly subscriptionId?: string;

  constructor(scope: Construct, id: string, props: HardenedStateBackendProps) {
    // The checks every construct makes (a construct in a cdktf App of the library's framework), then this one's own: a stack of the App.
    libraryStackScope(scope, id, CONSTRUCT);
    if (!App.isApp(scope)) {
      throw new HardenedK8sError(
        `${CONSTRUCT} ${id}: the scope must be the App (got ${scope?.node?.path === undefined ? String(scope) : JSON.stringify(scope.node.path || '(root)')}). ` +
          'Allowed: a direct child of the App, as every stack (the cdktf CLI finds stacks by name). Fix: new HardenedStateBackend(app, id, props).',
      );
    }
    super(scope, id);
    const construct = `${CONSTRUCT} ${this.node.path}`;
    const p = requireProps(construct, props, 'pass HardenedStateBackendProps with storageAccountName, resourceGroupName, location, logAnalyticsWorkspaceId and pipelinePrincipalIds');
    this.storageAccountName = validateStorageAccountName(construct, 'storageAccountName', p.storageAccountName);
    this.containerName = validateContainerName(construct, 'containerName', p.containerName ?? 'tfstate');
    requireString(construct, 'resourceGroupName', p.resourceGroupName, 'name the resource group of the state account, e.g. "rg-tfstate"');
    requireString(construct, 'location', p.location, 'pass the Azure region, e.g. "westeurope"');
    requireString(construct, 'logAnalyticsWorkspaceId', p.logAnalyticsWorkspaceId, 'pass the id of an existing Log Analytics workspace');
    const principals = validatePrincipals(construct, p.pipelinePrincipalIds);
    const network = validateNetwork(construct, p);
    const replication = p.replication ?? StateReplication.GZRS;
    if (!Object.values(StateReplication).includes(replication)) {
      throw invalidProp(construct, 'replication', replication, Object.values(StateReplication).join(', '), 'use a StateReplication member');
    }
    const blobRetention = p.blobSoftDeleteRetentionDays ?? 30;
    validateIntegerRange(construct, 'blobSoftDeleteRetentionDays', blobRetention, 1, 365, 'keep deleted state for 30 days');
    const containerRetention = p.containerSoftDeleteRetentionDays ?? 30;
    validateIntegerRange(construct, 'containerSoftDeleteRetentionDays', containerRetention, 1, 365, 'keep a deleted container for 30 days');
    const key = p.customerManagedKey === undefined ? undefined : validateKey(construct, p.customerManagedKey);
    this.subscriptionId = optionalGuid(construct, 'subscriptionId', p.subscriptionId);

    // The provider never calls the account's data plane (queue and website properties): the runner
    // that bootstraps may not reach the private endpoint, and shared keys are off.
    new AzurermProvider(this, 'azurerm', {
      features: [{ storage: [{ dataPlaneAvailable: false }] }],
      storageUseAzuread: true,
      subscriptionId: this.subscriptionId,
    });
    this.configureOwnBackend(construct, p);

    const rg = new ResourceGroup(this, 'resource-group', { name: p.resourceGroupName, location: p.location });
    const encryption = key ? this.encryptionIdentity(rg, p.location, key) : undefined;
    this.storageAccount = new StorageAccount(this, 'account', {
      name: this.storageAccountName,
      resourceGroupName: rg.name,
      location: p.location,
      accountKind: 'StorageV2',
      accountTier: 'Standard',
      accountReplicationType: replication,
      accessTier: 'Hot',
      // Entra ID only: no account keys, SAS or local (SFTP) users.
      sharedAccessKeyEnabled: false,
      localUserEnabled: false,
      sftpEnabled: false,
      defaultToOauthAuthentication: true,
      publicNetworkAccessEnabled: network.allowlist.length > 0,
      networkRules: { defaultAction: 'Deny', bypass: ['AzureServices'], ipRules: [...network.allowlist].sort(), virtualNetworkSubnetIds: [] },
      httpsTrafficOnlyEnabled: true,
      minTlsVersion: 'TLS1_2',
      allowNestedItemsToBePublic: false,
      crossTenantReplicationEnabled: false,
      // Copies only to and from accounts of the same tenant.
      allowedCopyScope: 'AAD',
      infrastructureEncryptionEnabled: true,
      blobProperties: {
        versioningEnabled: true,
        deleteRetentionPolicy: { days: blobRetention },
        containerDeleteRetentionPolicy: { days: containerRetention },
      },
      identity: encryption ? { type: 'UserAssigned', identityIds: [encryption.identity.id] } : undefined,
      customerManagedKey: encryption ? { keyVaultKeyId: key!.keyVaultKeyId, userAssignedIdentityId: encryption.identity.id } : undefined,
      dependsOn: encryption ? [encryption.access] : undefined,
      tags: { [STATE_ACCOUNT_TAG]: STATE_ACCOUNT_TAG_VALUE },
    });
    this.container = new StorageContainer(this, 'container', {
      name: this.containerName,
      storageAccountId: this.storageAccount.id,
      containerAccessType: 'private',
    });

    const protectedBefore: ITerraformDependable[] = [this.container];
    if (network.subnetId) {
      this.privateEndpoint = addPrivateEndpoint(this, 'private-endpoint', {
        name: this.storageAccountName,
        resourceGroupName: rg.name,
        location: p.location,
        subnetId: network.subnetId,
        resourceId: this.storageAccount.id,
        subresource: 'blob',
        privateDnsZoneId: network.zoneId!,
      });
      protectedBefore.push(this.privateEndpoint);
    }
    this.diagnosticSetting = diagnosticsToWorkspace(
      this,
      'blob-diagnostics',
      'state-blob-logs',
      `${this.storageAccount.id}/blobServices/default`,
      p.logAnalyticsWorkspaceId,
      ['StorageDelete', 'StorageRead', 'StorageWrite'],
      ['Transaction'],
    );
    this.pipelineRoleAssignments = principals.map((principalId, index) =>
      assignRole(this, `pipeline-state-access-${index}`, this.container.id, BLOB_DATA_CONTRIBUTOR, principalId),
    );
    protectedBefore.push(this.diagnosticSetting, ...this.pipelineRoleAssignments);

    if (p.deleteLock ?? true) {
      // Created last and removed first, so that it never blocks the stack's own changes to the account's children.
      this.deleteLock = new ManagementLock(this, 'delete-lock', {
        name: `lock-${this.storageAccountName}`,
        scope: this.storageAccount.id,
        lockLevel: 'CanNotDelete',
        notes: 'Holds the Terraform state of the platform; remove only to decommission the account.',
        dependsOn: protectedBefore,
      });
    }
  }

  /** Resource id of the state account. */
  public get storageAccountId(): string {
    return this.storageAccount.id;
  }

  /** Puts every stack of the app that has no backend yet (or the given ones) on this account. */
  public useForEveryStack(options?: EveryStackStateOptions): RemoteState {
    return RemoteState.azureStorage(this, {
      storageAccountName: this.storageAccountName,
      containerName: this.containerName,
      subscriptionId: this.subscriptionId,
      keyPrefix: options?.keyPrefix,
      stacks: options?.stacks,
    });
  }

  private configureOwnBackend(construct: string, p: HardenedStateBackendProps): void {
    const registry = StateRegistry.of(this);
    if (p.stateMigrated ?? false) {
      const key = stateKey(undefined, this.node.id);
      registry.claim(construct, stateLocationId({ type: 'azurerm', config: { storage_account_name: this.storageAccountName, container_name: this.containerName, key } }), this);
      new AzurermBackend(this, { storageAccountName: this.storageAccountName, containerName: this.containerName, key, useAzureadAuth: true, subscriptionId: this.subscriptionId });
      registry.add(this, false);
      return;
    }
    const path = p.localStatePath ?? `../../../terraform.${this.node.id}.tfstate`;
    requireLiteral(construct, 'localStatePath', path, 'give a path relative to cdktf.out/stacks/<stack>, or leave it out');
    if (isMachinePath(path)) {
      throw invalidProp(construct, 'localStatePath', path, 'a path relative to the stack directory cdktf.out/stacks/<stack>', 'write it relative, e.g. "../../../terraform.tfstate-bootstrap.tfstate"');
    }
    new LocalBackend(this, { path });
    registry.add(this, true);
  }

  private encryptionIdentity(rg: ResourceGroup, location: string, key: StateEncryptionKey): { identity: UserAssignedIdentity; access: RoleAssignment } {
    const identity = new UserAssignedIdentity(this, 'encryption-identity', { name: `id-${this.storageAccountName}-cmk`, resourceGroupName: rg.name, location });
    const access = assignRole(this, 'encryption-key-access', key.keyVaultId, CRYPTO_SERVICE_ENCRYPTION_USER, identity.principalId);
    return { identity, access };
  }
}
