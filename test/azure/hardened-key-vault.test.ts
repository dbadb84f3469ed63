import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Testing, TerraformStack } from 'cdktf';
import { HardenedKeyVault, HardenedKeyVaultProps, KeyVaultSku } from '../../lib';

const props: HardenedKeyVaultProps = {
  name: 'kv-platform-prod',
  resourceGroupName: 'rg',
  location: 'westeurope',
  tenantId: 'tenant',
  privateEndpointSubnetId: 'snet-pe',
  privateDnsZoneId: 'zone',
  logAnalyticsWorkspaceId: 'law',
};
const stack = () => new TerraformStack(Testing.app(), 'test');

describe('HardenedKeyVault', () => {
  const s = stack();
  const vault = new HardenedKeyVault(s, 'vault', props);
  vault.addKmsKey('kms', { name: 'aks-kms', expirationDate: '2027-12-31T00:00:00Z' });
  vault.grantCryptoUser('aks-kms', 'control-plane');
  vault.grantSecretsReader('app', 'workload');
  vault.grantCertificateReader('agw', 'gateway');
  const out = Testing.synth(s);

  test('RBAC, purge protection, 90-day soft delete, private with ACL default deny, premium', () => {
    expect(out).toHaveResourceWithProperties(KeyVault, {
      sku_name: 'premium',
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      public_network_access_enabled: false,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices' },
    });
  });

  test('private endpoint and audit logs', () => {
    expect(out).toHaveResourceWithProperties(PrivateEndpoint, {
      private_service_connection: { name: 'psc-kv-platform-prod', private_connection_resource_id: '${azurerm_key_vault.vault_BBE00A92.id}', subresource_names: ['vault'], is_manual_connection: false },
    });
    expect(out).toHaveResourceWithProperties(MonitorDiagnosticSetting, { enabled_log: [{ category: 'AuditEvent' }, { category: 'AzurePolicyEvaluationDetails' }] });
  });

  test('KMS key: RSA-HSM 2048 with expiry and rotation', () => {
    expect(out).toHaveResourceWithProperties(KeyVaultKey, {
      name: 'aks-kms',
      key_type: 'RSA-HSM',
      key_size: 2048,
      expiration_date: '2027-12-31T00:00:00Z',
      rotation_policy: { automatic: { time_after_creation: 'P180D' }, expire_after: 'P1Y', notify_before_expiry: 'P30D' },
    });
  });

  test('typed grants', () => {
    for (const [role, principal] of [['Key Vault Crypto User', 'control-plane'], ['Key Vault Secrets User', 'workload'], ['Key Vault Certificate User', 'gateway']]) {
      expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: role, principal_id: principal });
    }
  });

  test('standard SKU makes software keys', () => {
    const s2 = stack();
    new HardenedKeyVault(s2, 'vault', { ...props, sku: KeyVaultSku.STANDARD }).addKmsKey('k', { name: 'k', expirationDate: '2027-12-31T00:00:00Z' });
    expect(Testing.synth(s2)).toHaveResourceWithProperties(KeyVaultKey, { key_type: 'RSA' });
  });

  test.each([
    ['a name starting with a digit', { name: '1vault' }, /invalid name "1vault"/],
    ['a name that is too long', { name: 'kv-platform-production-westeurope' }, /invalid name/],
    ['consecutive hyphens', { name: 'kv--prod' }, /invalid name "kv--prod"/],
    ['retention below 7', { softDeleteRetentionDays: 6 }, /invalid softDeleteRetentionDays 6.*7 to 90/],
    ['retention above 90', { softDeleteRetentionDays: 91 }, /invalid softDeleteRetentionDays 91/],
    ['no tenant', { tenantId: '' }, /tenantId is required/],
  ])('rejects %s', (_label, overrides, message) => {
    expect(() => new HardenedKeyVault(stack(), 'v', { ...props, ...overrides })).toThrow(message);
  });

  test.each([
    ['a date without time', { expirationDate: '2027-12-31' }, /invalid expirationDate "2027-12-31"/],
    ['a weak key size', { expirationDate: '2027-12-31T00:00:00Z', keySize: 1024 }, /invalid keySize 1024/],
    ['a bad rotation period', { expirationDate: '2027-12-31T00:00:00Z', rotateAfter: '180 days' }, /invalid rotateAfter "180 days"/],
  ])('addKmsKey rejects %s', (_label, overrides, message) => {
    const v = new HardenedKeyVault(stack(), 'v', props);
    expect(() => v.addKmsKey('k', { name: 'k', ...(overrides as any) })).toThrow(message);
  });
});
