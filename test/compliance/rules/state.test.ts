import { STATE_RULES } from '../../../lib/compliance/rules/state';
import { stateAccountBlobLogs } from '../../../lib/compliance/rules/state/blob-logs';
import { stateContainerPrivate } from '../../../lib/compliance/rules/state/container-private';
import { stateAccountNoCrossTenantReplication } from '../../../lib/compliance/rules/state/cross-tenant-replication';
import { stateAccountCustomerManagedKey } from '../../../lib/compliance/rules/state/customer-managed-key';
import { stateAccountDataProtection } from '../../../lib/compliance/rules/state/data-protection';
import { stateAccountDeleteLock } from '../../../lib/compliance/rules/state/delete-lock';
import { stateAccountEntraIdOnly } from '../../../lib/compliance/rules/state/entra-id-only';
import { stateAccountInfrastructureEncryption } from '../../../lib/compliance/rules/state/infrastructure-encryption';
import { stateAccountNetworkRestricted } from '../../../lib/compliance/rules/state/network-restricted';
import { stateAccountNoPublicBlobs } from '../../../lib/compliance/rules/state/no-public-blobs';
import { stateAccountReplication } from '../../../lib/compliance/rules/state/replication';
import { stateLeastPrivilegeRoles } from '../../../lib/compliance/rules/state/role-assignments';
import { stateAccountSecureTransfer } from '../../../lib/compliance/rules/state/secure-transfer';
import { IComplianceRule, RuleSeverity, TerraformStatePack } from '../../../lib';
import { evaluateRule } from '../../helpers/rule-harness';

const ACCOUNT = 'azurerm_storage_account';
const TAG = { tags: { 'terraform-state': 'true' } };
const REF = '${azurerm_storage_account.subject.id}';
const HARDENED = {
  ...TAG,
  shared_access_key_enabled: false,
  local_user_enabled: false,
  public_network_access_enabled: false,
  network_rules: { default_action: 'Deny', bypass: ['AzureServices'], ip_rules: [] },
  https_traffic_only_enabled: true,
  min_tls_version: 'TLS1_2',
  allow_nested_items_to_be_public: false,
  infrastructure_encryption_enabled: true,
  cross_tenant_replication_enabled: false,
  account_replication_type: 'GZRS',
  blob_properties: { versioning_enabled: true, delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } },
  customer_managed_key: { key_vault_key_id: 'https://kv.vault.azure.net/keys/k', user_assigned_identity_id: '${azurerm_user_assigned_identity.cmk.id}' },
};
const blobEndpoint = { private_service_connection: { private_connection_resource_id: REF, subresource_names: ['blob'] } };
const OTHERS = {
  azurerm_private_endpoint: { pe: blobEndpoint },
  azurerm_management_lock: { lock: { scope: REF, lock_level: 'CanNotDelete' } },
  azurerm_monitor_diagnostic_setting: {
    blob: {
      target_resource_id: `${REF}/blobServices/default`,
      log_analytics_workspace_id: '/subscriptions/s/workspaces/law',
      enabled_log: [{ category: 'StorageDelete' }, { category: 'StorageRead' }, { category: 'StorageWrite' }],
    },
  },
};

const status = (rule: any, config: any, others: any = OTHERS) => evaluateRule(rule, ACCOUNT, config, others).status;

describe('terraform-state pack', () => {
  test('holds every state rule once; only the customer-managed key is a warning', () => {
    const pack = new TerraformStatePack();
    expect(pack.name).toBe('terraform-state');
    expect(pack.rules.map((r) => r.metadata.id)).toEqual(STATE_RULES.map((r) => r.metadata.id));
    expect(pack.rules.filter((r) => r.metadata.severity === RuleSeverity.WARNING).map((r) => r.metadata.id)).toEqual(['state-account-customer-managed-key']);
  });

  test('the hardened account passes every account rule', () => {
    for (const rule of STATE_RULES.filter((r) => r.metadata.resourceTypes.includes(ACCOUNT))) {
      expect([rule.metadata.id, status(rule, HARDENED)]).toEqual([rule.metadata.id, 'compliant']);
    }
  });

  test('an untagged storage account is not judged (the rules are for state accounts)', () => {
    const untagged = { ...HARDENED, tags: { purpose: 'data' } };
    for (const rule of STATE_RULES.filter((r) => r.metadata.resourceTypes.includes(ACCOUNT))) {
      expect([rule.metadata.id, status(rule, { ...untagged, shared_access_key_enabled: true })]).toEqual([rule.metadata.id, 'not-applicable']);
    }
  });
});

describe('state account attribute rules: the provider default is insecure, so an unset attribute fails', () => {
  test.each([
    [stateAccountEntraIdOnly, { shared_access_key_enabled: true }, 'shared_access_key_enabled=true: the state can be read without Entra ID'],
    [stateAccountEntraIdOnly, { shared_access_key_enabled: undefined, local_user_enabled: undefined }, 'shared_access_key_enabled=true, local_user_enabled=true: the state can be read without Entra ID'],
    [stateAccountEntraIdOnly, { local_user_enabled: true }, 'local_user_enabled=true: the state can be read without Entra ID'],
    [stateAccountSecureTransfer, { https_traffic_only_enabled: false }, 'https_traffic_only_enabled=false'],
    [stateAccountSecureTransfer, { min_tls_version: 'TLS1_1' }, 'min_tls_version=TLS1_1'],
    [stateAccountNoPublicBlobs, { allow_nested_items_to_be_public: undefined }, 'allow_nested_items_to_be_public=true'],
    [stateAccountInfrastructureEncryption, { infrastructure_encryption_enabled: undefined }, 'infrastructure_encryption_enabled=false'],
    [stateAccountNoCrossTenantReplication, { cross_tenant_replication_enabled: true }, 'cross_tenant_replication_enabled=true'],
    [stateAccountReplication, { account_replication_type: 'LRS' }, 'account_replication_type=LRS: one datacenter holds every copy'],
    [stateAccountCustomerManagedKey, { customer_managed_key: undefined }, 'Microsoft-managed keys only'],
  ].map(([rule, change, message]) => [(rule as IComplianceRule).metadata.id, rule, change, message]) as [string, IComplianceRule, object, string][])(
    '%s: %j non-compliant',
    (_id, rule, change, message) => {
      expect(evaluateRule(rule, ACCOUNT, { ...HARDENED, ...change }, OTHERS)).toEqual({ status: 'non-compliant', message });
    },
  );

  test('defaults that are secure in azurerm 4.55 pass when unset: HTTPS only, TLS 1.2, no cross-tenant replication', () => {
    const unset = { ...HARDENED, https_traffic_only_enabled: undefined, min_tls_version: undefined, cross_tenant_replication_enabled: undefined };
    expect(status(stateAccountSecureTransfer, unset)).toBe('compliant');
    expect(status(stateAccountNoCrossTenantReplication, unset)).toBe('compliant');
    expect(status(stateAccountSecureTransfer, { ...HARDENED, min_tls_version: 'TLS1_3' })).toBe('compliant');
  });

  test.each(['ZRS', 'GZRS', 'RAGZRS', 'GRS', 'RAGRS'])('replication %s is redundant', (type) => {
    expect(status(stateAccountReplication, { ...HARDENED, account_replication_type: type })).toBe('compliant');
  });

  test('a customer-managed key in its own resource counts', () => {
    const others = { ...OTHERS, azurerm_storage_account_customer_managed_key: { cmk: { storage_account_id: REF, key_vault_key_id: 'x' } } };
    expect(status(stateAccountCustomerManagedKey, { ...HARDENED, customer_managed_key: undefined }, others)).toBe('compliant');
  });

  test('unknown when a flag comes from a variable (never a pass)', () => {
    expect(status(stateAccountEntraIdOnly, { ...HARDENED, shared_access_key_enabled: '${var.keys}' })).toBe('unknown');
    expect(status(stateAccountReplication, { ...HARDENED, account_replication_type: '${var.replication}' })).toBe('unknown');
  });
});

describe('state-account-data-protection', () => {
  const blob = (props: any) => ({ ...HARDENED, blob_properties: props });
  test('versioning and both soft deletes of at least 7 days pass; the provider defaults days to 7', () => {
    expect(status(stateAccountDataProtection, blob({ versioning_enabled: true, delete_retention_policy: {}, container_delete_retention_policy: { days: 7 } }))).toBe('compliant');
  });
  test.each([
    [{ delete_retention_policy: { days: 30 }, container_delete_retention_policy: { days: 30 } }, 'blob versioning off'],
    [{ versioning_enabled: true, container_delete_retention_policy: { days: 30 } }, 'blob soft delete off'],
    [{ versioning_enabled: true, delete_retention_policy: { days: 3 }, container_delete_retention_policy: { days: 30 } }, 'blob soft delete 3 days'],
    [{ versioning_enabled: true, delete_retention_policy: { days: 30 } }, 'container soft delete off'],
    [undefined, 'blob versioning off, blob soft delete off, container soft delete off'],
  ])('%#: non-compliant', (props, message) => {
    expect(evaluateRule(stateAccountDataProtection, ACCOUNT, blob(props), OTHERS)).toEqual({ status: 'non-compliant', message });
  });
});

describe('state-account-network-restricted', () => {
  const allowlisted = (rules: string[], action = 'Deny') => ({ ...HARDENED, public_network_access_enabled: true, network_rules: { default_action: action, ip_rules: rules } });

  test('compliant: public access off with a blob private endpoint', () => {
    expect(status(stateAccountNetworkRestricted, HARDENED)).toBe('compliant');
  });
  test('non-compliant: public access off with no blob endpoint (a file or queue endpoint does not serve the state)', () => {
    const fileEndpoint = { azurerm_private_endpoint: { pe: { private_service_connection: { private_connection_resource_id: REF, subresource_names: ['file'] } } } };
    expect(status(stateAccountNetworkRestricted, HARDENED, fileEndpoint)).toBe('non-compliant');
    expect(status(stateAccountNetworkRestricted, HARDENED, {})).toBe('non-compliant');
  });
  test('compliant: the public endpoint limited to runner addresses', () => {
    expect(status(stateAccountNetworkRestricted, allowlisted(['20.50.10.4', '20.50.11.0/28', '20.50.12.0/24']), {})).toBe('compliant');
  });
  test('non-compliant: a public account (the provider defaults to public with default action Allow)', () => {
    const open = { ...HARDENED, public_network_access_enabled: undefined, network_rules: undefined };
    expect(evaluateRule(stateAccountNetworkRestricted, ACCOUNT, open, {})).toMatchObject({ status: 'non-compliant', message: expect.stringContaining('default_action=Allow') });
    expect(status(stateAccountNetworkRestricted, allowlisted(['20.50.10.4'], 'Allow'), {})).toBe('non-compliant');
  });
  test('non-compliant: an allowlist wider than a runner egress prefix is close to public', () => {
    expect(evaluateRule(stateAccountNetworkRestricted, ACCOUNT, allowlisted(['20.50.10.4', '0.0.0.0/0']), {})).toEqual({
      status: 'non-compliant',
      message: 'network_rules.ip_rules too wide for runner egress: 0.0.0.0/0',
    });
    expect(status(stateAccountNetworkRestricted, allowlisted(['20.0.0.0/16']), {})).toBe('non-compliant');
  });
  test('unknown: the allowlist comes from a variable', () => {
    expect(status(stateAccountNetworkRestricted, allowlisted(['${var.runner_ip}']), {})).toBe('unknown');
  });
});

describe('state-account-delete-lock', () => {
  test('compliant: CanNotDelete (or ReadOnly) on the account, or on its resource group', () => {
    expect(status(stateAccountDeleteLock, HARDENED)).toBe('compliant');
    const readOnly = { azurerm_management_lock: { lock: { scope: REF, lock_level: 'ReadOnly' } } };
    expect(status(stateAccountDeleteLock, HARDENED, readOnly)).toBe('compliant');
    const onGroup = {
      azurerm_resource_group: { rg: { name: 'rg-tfstate' } },
      azurerm_management_lock: { lock: { scope: '${azurerm_resource_group.rg.id}', lock_level: 'CanNotDelete' } },
    };
    expect(status(stateAccountDeleteLock, { ...HARDENED, resource_group_name: '${azurerm_resource_group.rg.name}' }, onGroup)).toBe('compliant');
  });
  test('non-compliant: no lock, or a lock on something else', () => {
    expect(status(stateAccountDeleteLock, HARDENED, {})).toBe('non-compliant');
    const elsewhere = { azurerm_management_lock: { lock: { scope: '${azurerm_key_vault.kv.id}', lock_level: 'CanNotDelete' } } };
    expect(status(stateAccountDeleteLock, HARDENED, elsewhere)).toBe('non-compliant');
  });
});

describe('state-account-blob-logs', () => {
  const setting = (extra: any) => ({ azurerm_monitor_diagnostic_setting: { s: { target_resource_id: `${REF}/blobServices/default`, log_analytics_workspace_id: 'law', ...extra } } });
  test('compliant: read, write and delete logs (or the allLogs group) to a workspace', () => {
    expect(status(stateAccountBlobLogs, HARDENED)).toBe('compliant');
    expect(status(stateAccountBlobLogs, HARDENED, setting({ enabled_log: [{ category_group: 'allLogs' }] }))).toBe('compliant');
  });
  test('non-compliant: the audit group leaves reads out', () => {
    expect(evaluateRule(stateAccountBlobLogs, ACCOUNT, HARDENED, setting({ enabled_log: [{ category_group: 'audit' }] }))).toEqual({ status: 'non-compliant', message: 'missing log categories: StorageRead' });
  });
  test('non-compliant: a setting on the account (not its blob service), none at all, or none to a workspace', () => {
    const onAccount = { azurerm_monitor_diagnostic_setting: { s: { target_resource_id: REF, log_analytics_workspace_id: 'law', enabled_log: [{ category_group: 'allLogs' }] } } };
    expect(status(stateAccountBlobLogs, HARDENED, onAccount)).toBe('non-compliant');
    expect(status(stateAccountBlobLogs, HARDENED, {})).toBe('non-compliant');
    const toStorage = { azurerm_monitor_diagnostic_setting: { s: { target_resource_id: `${REF}/blobServices/default`, storage_account_id: 'x', enabled_log: [{ category_group: 'allLogs' }] } } };
    expect(status(stateAccountBlobLogs, HARDENED, toStorage)).toBe('non-compliant');
  });
});

describe('state-container-private', () => {
  const stateAccount = { azurerm_storage_account: { acct: HARDENED } };
  const container = (extra: any) => ({ storage_account_id: '${azurerm_storage_account.acct.id}', ...extra });
  test('compliant: private (the default) on a state account', () => {
    expect(evaluateRule(stateContainerPrivate, 'azurerm_storage_container', container({}), stateAccount).status).toBe('compliant');
  });
  test('non-compliant: blob or container access', () => {
    expect(evaluateRule(stateContainerPrivate, 'azurerm_storage_container', container({ container_access_type: 'blob' }), stateAccount).status).toBe('non-compliant');
  });
  test('not applicable: a container of another account', () => {
    const other = { azurerm_storage_account: { acct: { name: 'data' } } };
    expect(evaluateRule(stateContainerPrivate, 'azurerm_storage_container', container({ container_access_type: 'blob' }), other).status).toBe('not-applicable');
  });
});

describe('state-least-privilege-roles', () => {
  const stack = {
    azurerm_storage_account: { acct: HARDENED },
    azurerm_storage_container: { tfstate: { storage_account_id: '${azurerm_storage_account.acct.id}' } },
  };
  const assignment = (role: string, scope: string) => ({ role_definition_name: role, scope, principal_id: 'p' });
  const evaluate = (config: any) => evaluateRule(stateLeastPrivilegeRoles, 'azurerm_role_assignment', config, stack);

  test('compliant: Storage Blob Data Contributor or Reader on the container (by reference or by its path)', () => {
    expect(evaluate(assignment('Storage Blob Data Contributor', '${azurerm_storage_container.tfstate.id}')).status).toBe('compliant');
    expect(evaluate(assignment('Storage Blob Data Reader', '${azurerm_storage_account.acct.id}/blobServices/default/containers/tfstate')).status).toBe('compliant');
  });
  test('non-compliant: any role on the account itself, and owner-level data roles on the container', () => {
    expect(evaluate(assignment('Storage Blob Data Contributor', '${azurerm_storage_account.acct.id}'))).toMatchObject({ status: 'non-compliant', message: expect.stringContaining('on the state account itself') });
    expect(evaluate(assignment('Contributor', '${azurerm_storage_account.acct.id}')).status).toBe('non-compliant');
    expect(evaluate(assignment('Storage Blob Data Owner', '${azurerm_storage_container.tfstate.id}')).status).toBe('non-compliant');
    expect(evaluate({ role_definition_id: '/providers/x', scope: '${azurerm_storage_container.tfstate.id}', principal_id: 'p' }).status).toBe('non-compliant');
  });
  test('not applicable: a role elsewhere', () => {
    expect(evaluate(assignment('Contributor', '${azurerm_key_vault.kv.id}')).status).toBe('not-applicable');
  });
});
