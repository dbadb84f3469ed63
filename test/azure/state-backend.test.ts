import * as fs from 'fs';
import * as path from 'path';
import { ManagementLock } from '@cdktf/provider-azurerm/lib/management-lock';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { HardenedStateBackend, HardenedStateBackendProps, StateReplication, TerraformStatePack } from '../../lib';
import { HardenedK8sError } from '../../lib/errors';
import { azureStack, findingsOf, synthWithPacks, testApp } from '../helpers/synth';

const SUBNET = '/subscriptions/s/resourceGroups/rg-runners/providers/Microsoft.Network/virtualNetworks/vnet-runners/subnets/pe';
const ZONE = '/subscriptions/s/resourceGroups/rg-runners/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net';
const PROPS: HardenedStateBackendProps = {
  storageAccountName: 'sttfstatetest',
  resourceGroupName: 'rg-tfstate',
  location: 'westeurope',
  privateEndpointSubnetId: SUBNET,
  privateDnsZoneId: ZONE,
  logAnalyticsWorkspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
  pipelinePrincipalIds: ['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222'],
};

/** Builds the bootstrap stack in a fresh app and synthesizes it with the state pack. */
function synthState(props: Partial<HardenedStateBackendProps> = {}) {
  const app = testApp();
  const state = new HardenedStateBackend(app, 'tfstate', { ...PROPS, ...props });
  const result = synthWithPacks(app, [new TerraformStatePack()]);
  return { state, result, tf: result.terraform('tfstate'), synth: JSON.stringify(result.terraform('tfstate')) };
}

describe('HardenedStateBackend defaults', () => {
  const { state, result, tf, synth } = synthState();

  test('the account accepts Entra ID only, is private, HTTPS with TLS 1.2, double encrypted, versioned, soft-deleted, GZRS, tenant-bound', () => {
    expect(synth).toHaveResourceWithProperties(StorageAccount, {
      name: 'sttfstatetest',
      account_kind: 'StorageV2',
      account_tier: 'Standard',
      account_replication_type: 'GZRS',
      shared_access_key_enabled: false,
      local_user_enabled: false,
      sftp_enabled: false,
      default_to_oauth_authentication: true,
      public_network_access_enabled: false,
      network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [], virtual_network_subnet_ids: [] },
      https_traffic_only_enabled: true,
      min_tls_version: 'TLS1_2',
      allow_nested_items_to_be_public: false,
      cross_tenant_replication_enabled: false,
      allowed_copy_scope: 'AAD',
      infrastructure_encryption_enabled: true,
      blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } },
      tags: { 'terraform-state': 'true' },
    });
    const account = tf.resource.azurerm_storage_account.account;
    expect(account).not.toHaveProperty('customer_managed_key');
    expect(account).not.toHaveProperty('identity');
  });

  test('a private "tfstate" container, a blob private endpoint in the runners\' subnet', () => {
    expect(state.containerName).toBe('tfstate');
    expect(synth).toHaveResourceWithProperties(StorageContainer, { name: 'tfstate', container_access_type: 'private', storage_account_id: '${azurerm_storage_account.account.id}' });
    expect(synth).toHaveResourceWithProperties(PrivateEndpoint, {
      subnet_id: SUBNET,
      private_service_connection: expect.objectContaining({ private_connection_resource_id: '${azurerm_storage_account.account.id}', subresource_names: ['blob'] }),
      private_dns_zone_group: { name: 'blob', private_dns_zone_ids: [ZONE] },
    });
  });

  test('blob reads, writes and deletes go to the workspace', () => {
    expect(synth).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      target_resource_id: '${azurerm_storage_account.account.id}/blobServices/default',
      log_analytics_workspace_id: PROPS.logAnalyticsWorkspaceId,
      enabled_log: [{ category: 'StorageDelete' }, { category: 'StorageRead' }, { category: 'StorageWrite' }],
      enabled_metric: [{ category: 'Transaction' }],
    });
  });

  test('each pipeline identity gets Storage Blob Data Contributor on the container, and nothing on the account', () => {
    const roles = Object.values<any>(tf.resource.azurerm_role_assignment).map((r) => [r.principal_id, r.role_definition_name, r.scope]);
    expect(roles).toEqual(PROPS.pipelinePrincipalIds.map((p) => [p, 'Storage Blob Data Contributor', '${azurerm_storage_container.container.id}']));
    expect(state.pipelineRoleAssignments).toHaveLength(2);
  });

  test('a CanNotDelete lock on the account, created after everything it would block', () => {
    expect(synth).toHaveResourceWithProperties(ManagementLock, { scope: '${azurerm_storage_account.account.id}', lock_level: 'CanNotDelete' });
    expect(tf.resource.azurerm_management_lock['delete-lock'].depends_on).toEqual([
      'azurerm_storage_container.container',
      'azurerm_private_endpoint.private-endpoint',
      'azurerm_monitor_diagnostic_setting.blob-diagnostics',
      'azurerm_role_assignment.pipeline-state-access-0',
      'azurerm_role_assignment.pipeline-state-access-1',
    ]);
  });

  test('the provider never calls the data plane and uses Entra ID for storage', () => {
    expect(tf.provider.azurerm).toEqual([{ features: [{ storage: [{ data_plane_available: false }] }], storage_use_azuread: true }]);
  });

  test('before migration the stack keeps its own state in a file relative to the stack directory (the project directory)', () => {
    expect(tf.terraform.backend).toEqual({ local: { path: '../../../terraform.tfstate.tfstate' } });
  });

  test('every state rule passes; the only finding is the customer-managed-key warning', () => {
    const report = result.report('tfstate');
    expect(report.summary.blocking).toBe(0);
    const failing = report.findings.filter((f: any) => f.status !== 'compliant' && f.status !== 'not-applicable');
    expect(failing.map((f: any) => [f.ruleId, f.severity])).toEqual([['state-account-customer-managed-key', 'warning']]);
    // The account rules and the backend rules (the bootstrap's local state is allowed before migration; no read, so no read rule).
    expect(new Set(report.findings.filter((f: any) => f.status === 'compliant').map((f: any) => f.ruleId)).size).toBe(14);
    expect(report.findings.find((f: any) => f.ruleId === 'state-backend-remote')).toMatchObject({ status: 'compliant', address: 'terraform.backend.local' });
  });
});

describe('HardenedStateBackend options', () => {
  test('a runner allowlist opens the public endpoint to those addresses only (sorted); without a subnet there is no endpoint', () => {
    const { tf, result } = synthState({ privateEndpointSubnetId: undefined, privateDnsZoneId: undefined, runnerEgressIpRanges: ['20.50.12.0/24', '20.50.10.4'] });
    const account = tf.resource.azurerm_storage_account.account;
    expect(account.public_network_access_enabled).toBe(true);
    expect(account.network_rules).toEqual({ default_action: 'Deny', bypass: ['AzureServices'], ip_rules: ['20.50.10.4', '20.50.12.0/24'], virtual_network_subnet_ids: [] });
    expect(tf.resource.azurerm_private_endpoint).toBeUndefined();
    expect(findingsOf(result, 'tfstate', 'state-account-network-restricted')[0].status).toBe('compliant');
  });

  test('a customer-managed key: a user-assigned identity with Crypto Service Encryption User on the vault, before the account', () => {
    const key = { keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-sec', keyVaultKeyId: 'https://kv-sec.vault.azure.net/keys/tfstate' };
    const { tf, synth, result } = synthState({ customerManagedKey: key });
    const account = tf.resource.azurerm_storage_account.account;
    expect(account.identity).toEqual({ type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.encryption-identity.id}'] });
    expect(account.customer_managed_key).toEqual({ key_vault_key_id: key.keyVaultKeyId, user_assigned_identity_id: '${azurerm_user_assigned_identity.encryption-identity.id}' });
    expect(account.depends_on).toEqual(['azurerm_role_assignment.encryption-key-access']);
    expect(synth).toHaveResourceWithProperties(RoleAssignment, {
      scope: key.keyVaultId,
      role_definition_name: 'Key Vault Crypto Service Encryption User',
      principal_id: '${azurerm_user_assigned_identity.encryption-identity.principal_id}',
    });
    expect(findingsOf(result, 'tfstate', 'state-account-customer-managed-key')[0].status).toBe('compliant');
  });

  test('replication, retention and container name follow the props', () => {
    const { tf } = synthState({ replication: StateReplication.ZRS, blobSoftDeleteRetentionDays: 90, containerSoftDeleteRetentionDays: 14, containerName: 'state-files' });
    const account = tf.resource.azurerm_storage_account.account;
    expect(account.account_replication_type).toBe('ZRS');
    expect(account.blob_properties).toEqual({ versioning_enabled: true, delete_retention_policy: { days: 90 }, container_delete_retention_policy: { days: 14 } });
    expect(tf.resource.azurerm_storage_container.container.name).toBe('state-files');
  });

  test('after migration the stack keeps its own state in its account, with Entra ID, in the subscription given', () => {
    const { tf } = synthState({ stateMigrated: true, subscriptionId: '33333333-3333-3333-3333-333333333333' });
    expect(tf.terraform.backend).toEqual({
      azurerm: { storage_account_name: 'sttfstatetest', container_name: 'tfstate', key: 'tfstate.tfstate', use_azuread_auth: true, subscription_id: '33333333-3333-3333-3333-333333333333' },
    });
    expect(tf.provider.azurerm[0].subscription_id).toBe('33333333-3333-3333-3333-333333333333');
  });

  test('a relative local state path is kept as given', () => {
    expect(synthState({ localStatePath: '../../../state/bootstrap.tfstate' }).tf.terraform.backend.local.path).toBe('../../../state/bootstrap.tfstate');
  });

  test('turning the lock off removes it and fails synth on state-account-delete-lock', () => {
    const app = testApp();
    new HardenedStateBackend(app, 'tfstate', { ...PROPS, deleteLock: false });
    expect(() => synthWithPacks(app, [new TerraformStatePack()])).toThrow(/state-account-delete-lock/);
  });

  test('a public account made through an escape hatch fails synth on state-account-network-restricted', () => {
    const app = testApp();
    const state = new HardenedStateBackend(app, 'tfstate', PROPS);
    state.storageAccount.addOverride('public_network_access_enabled', true);
    state.storageAccount.addOverride('network_rules.default_action', 'Allow');
    expect(() => synthWithPacks(app, [new TerraformStatePack()])).toThrow(/state-account-network-restricted.*default_action=Allow/);
  });
});

describe('HardenedStateBackend bad input', () => {
  const build = (props: any, scope?: any) => () => {
    const app = testApp();
    return new HardenedStateBackend(scope === undefined ? app : scope(app), 'tfstate', props);
  };
  const token = (app: any) => new TerraformVariable(new TerraformStack(app, 'vars'), 'name', { type: 'string' }).stringValue;

  test.each<[string, any, RegExp]>([
    ['an upper-case account name', { storageAccountName: 'StTfState' }, /storageAccountName "StTfState".*3-24 lower-case letters and digits.*"sttfstate"/],
    ['a hyphen in the account name', { storageAccountName: 'st-tfstate' }, /storageAccountName "st-tfstate".*lower-case letters and digits/],
    ['a two-letter account name', { storageAccountName: 'st' }, /storageAccountName "st"/],
    ['a 25-character account name', { storageAccountName: 'a'.repeat(25) }, /storageAccountName "a{25}"/],
    ['no account name (JavaScript caller)', { storageAccountName: undefined }, /storageAccountName is required/],
    ['a container name with "--"', { containerName: 'tf--state' }, /containerName "tf--state".*single hyphens/],
    ['no pipeline identity', { pipelinePrincipalIds: [] }, /pipelinePrincipalIds \[\].*non-empty list of object ids/],
    ['the same pipeline identity twice', { pipelinePrincipalIds: ['a', 'a'] }, /pipelinePrincipalIds.*each identity once/],
    ['no network path at all', { privateEndpointSubnetId: undefined, privateDnsZoneId: undefined }, /reachable from nowhere/],
    ['a private endpoint without its DNS zone', { privateDnsZoneId: undefined }, /privateDnsZoneId is required with privateEndpointSubnetId/],
    ['a private address in the allowlist', { runnerEgressIpRanges: ['10.1.2.3'] }, /runnerEgressIpRanges "10.1.2.3".*public addresses only/],
    ['a /16 in the allowlist', { runnerEgressIpRanges: ['20.50.0.0/16'] }, /runnerEgressIpRanges "20.50.0.0\/16".*close to public/],
    ['the whole Internet in the allowlist', { runnerEgressIpRanges: ['0.0.0.0/0'] }, /"0.0.0.0\/0".*close to public/],
    ['a /32 in the allowlist (Azure refuses it)', { runnerEgressIpRanges: ['20.50.10.4/32'] }, /refuses \/31 and \/32/],
    ['host bits in the allowlist', { runnerEgressIpRanges: ['20.50.10.4/24'] }, /host bits zero/],
    ['an empty allowlist', { privateEndpointSubnetId: undefined, privateDnsZoneId: undefined, runnerEgressIpRanges: [] }, /runnerEgressIpRanges \[\]/],
    ['an address twice', { runnerEgressIpRanges: ['20.50.10.4', '20.50.10.4'] }, /each address once/],
    ['an unknown replication', { replication: 'LRS' }, /replication "LRS".*ZRS, GZRS, RAGZRS, GRS, RAGRS/],
    ['no soft delete days', { blobSoftDeleteRetentionDays: 0 }, /blobSoftDeleteRetentionDays 0.*from 1 to 365/],
    ['too many container soft delete days', { containerSoftDeleteRetentionDays: 400 }, /containerSoftDeleteRetentionDays 400/],
    ['a versioned key id (the account would not follow rotation)', { customerManagedKey: { keyVaultId: 'kv', keyVaultKeyId: 'https://kv-sec.vault.azure.net/keys/k/0123456789abcdef0123456789abcdef' } }, /versionless/],
    ['a customer-managed key without its vault', { customerManagedKey: { keyVaultKeyId: 'https://kv-sec.vault.azure.net/keys/k' } }, /customerManagedKey.keyVaultId is required/],
    ['an absolute local state path', { localStatePath: '/home/me/bootstrap.tfstate' }, /localStatePath "\/home\/me\/bootstrap.tfstate".*relative/],
    ['a subscription that is not a GUID', { subscriptionId: 'prod' }, /subscriptionId "prod".*GUID/],
  ])('%s', (_name, change, message) => {
    expect(build({ ...PROPS, ...change })).toThrow(HardenedK8sError);
    expect(build({ ...PROPS, ...change })).toThrow(message);
  });

  test('an account name that is a token (backend settings must be literal)', () => {
    const app = testApp();
    expect(() => new HardenedStateBackend(app, 'tfstate', { ...PROPS, storageAccountName: token(app) })).toThrow(/storageAccountName must be a literal/);
  });

  test('props missing altogether, or a scope that is not the App', () => {
    expect(build(undefined)).toThrow(/HardenedStateBackend tfstate: props is required but was not given/);
    expect(build(PROPS, (app: any) => new TerraformStack(app, 'outer'))).toThrow(/the scope must be the App \(got "outer"\)/);
    expect(() => new HardenedStateBackend(undefined as any, 'tfstate', PROPS)).toThrow(/HardenedStateBackend "tfstate": scope must be a construct in a cdktf App, but undefined was given\. Fix: pass the App as the first argument/);
  });
});

describe('HardenedStateBackend in an app', () => {
  test('stacks no RemoteState call configured fail synth instead of keeping local state', () => {
    const app = testApp();
    new HardenedStateBackend(app, 'tfstate', PROPS);
    azureStack(app, 'platform-infra');
    expect(() => synthWithPacks(app, [new TerraformStatePack()])).toThrow(
      /state-backend-remote .*stack "platform-infra": the local backend keeps its state in a local file at an absolute path .*no RemoteState call configured the stack.*HardenedStateBackend.useForEveryStack/,
    );
  });

  test('useForEveryStack puts the other stacks on the account, in the bootstrap\'s subscription, with the prefix given', () => {
    const app = testApp();
    const state = new HardenedStateBackend(app, 'tfstate', { ...PROPS, subscriptionId: '33333333-3333-3333-3333-333333333333' });
    const infra = azureStack(app, 'platform-infra');
    const remote = state.useForEveryStack({ keyPrefix: 'platform' });
    expect(remote.stacks).toEqual([infra]);
    app.synth();
    expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'platform-infra', 'cdk.tf.json'), 'utf-8')).terraform.backend).toEqual({
      azurerm: { storage_account_name: 'sttfstatetest', container_name: 'tfstate', key: 'platform/platform-infra.tfstate', use_azuread_auth: true, subscription_id: '33333333-3333-3333-3333-333333333333' },
    });
  });
});
