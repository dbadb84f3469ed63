import { KeyVault } from '@cdktf/provider-azurerm/lib/key-vault';
import { KeyVaultKey } from '@cdktf/provider-azurerm/lib/key-vault-key';
import { KeyVaultSecret } from '@cdktf/provider-azurerm/lib/key-vault-secret';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { TerraformOutput, TerraformVariable, Testing } from 'cdktf';
import { HardenedKeyVault, KeyVaultRole, KeyVaultSku } from '../../lib/azure';
import { only, stack, synthJson, VAULT_PROPS } from './helpers';

const KEY = { name: 'aks-kms', expirationDate: '2027-12-31T00:00:00Z' };

describe('HardenedKeyVault defaults', () => {
  const s = stack();
  const vault = new HardenedKeyVault(s, 'kv', VAULT_PROPS);
  vault.addKmsKey('kms', KEY);
  const synth = Testing.synth(s);
  const json = JSON.parse(synth);

  test('RBAC, purge protection, 90-day retention, premium, public access off, default-deny ACL', () => {
    expect(synth).toHaveResourceWithProperties(KeyVault, {
      name: 'kv-platform-test',
      rbac_authorization_enabled: true,
      purge_protection_enabled: true,
      soft_delete_retention_days: 90,
      sku_name: 'premium',
      public_network_access_enabled: false,
      network_acls: { default_action: 'Deny', bypass: 'AzureServices', ip_rules: [], virtual_network_subnet_ids: [] },
    });
    expect(only(json, 'azurerm_key_vault')).not.toHaveProperty('access_policy');
    expect(only(json, 'azurerm_key_vault')).not.toHaveProperty('enable_rbac_authorization');
  });

  test('tenant defaults to the deploying principal tenant', () => {
    expect(only(json, 'azurerm_key_vault').tenant_id).toMatch(/^\$\{data\.azurerm_client_config\.[^.]+\.tenant_id\}$/);
    expect(vault.skuName).toBe(KeyVaultSku.PREMIUM);
  });

  test('private endpoint in the subnet, registered in the given zone', () => {
    expect(synth).toHaveResourceWithProperties(PrivateEndpoint, {
      name: 'pe-kv-platform-test',
      subnet_id: VAULT_PROPS.privateEndpointSubnetId,
      private_service_connection: expect.objectContaining({ subresource_names: ['vault'], is_manual_connection: false }),
      private_dns_zone_group: { name: 'vault', private_dns_zone_ids: [VAULT_PROPS.privateDnsZoneId] },
    });
    expect(json.resource.azurerm_private_dns_zone).toBeUndefined();
  });

  test('audit logs to Log Analytics', () => {
    expect(synth).toHaveResourceWithProperties(MonitorDiagnosticSetting, {
      log_analytics_workspace_id: VAULT_PROPS.logAnalyticsWorkspaceId,
      enabled_log: [{ category: 'AuditEvent' }, { category: 'AzurePolicyEvaluationDetails' }],
    });
  });

  test('the deploying principal gets Crypto Officer and Secrets Officer (deployerAccess default true)', () => {
    const roles = Object.values(json.resource.azurerm_role_assignment).map((r: any) => r.role_definition_name).sort();
    expect(roles).toEqual([KeyVaultRole.CRYPTO_OFFICER, KeyVaultRole.SECRETS_OFFICER]);
  });

  test('KMS key: RSA-HSM 2048 on premium, expiry, automatic rotation 30 days before a 365-day expiry', () => {
    expect(synth).toHaveResourceWithProperties(KeyVaultKey, {
      name: 'aks-kms',
      key_type: 'RSA-HSM',
      key_size: 2048,
      key_opts: ['decrypt', 'encrypt', 'unwrapKey', 'wrapKey'],
      expiration_date: '2027-12-31T00:00:00Z',
      rotation_policy: { expire_after: 'P365D', automatic: { time_before_expiry: 'P30D' } },
    });
    const key = only(json, 'azurerm_key_vault_key');
    expect(key.depends_on).toHaveLength(3);
    expect(key.depends_on.some((d: string) => d.startsWith('azurerm_private_endpoint.'))).toBe(true);
  });
});

describe('HardenedKeyVault options', () => {
  test('creates the private DNS zone and VNet link when given a virtual network', () => {
    const s = stack();
    new HardenedKeyVault(s, 'kv', { ...VAULT_PROPS, privateDnsZoneId: undefined, virtualNetworkId: '/vnet' });
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(PrivateDnsZone, { name: 'privatelink.vaultcore.azure.net', resource_group_name: 'rg-platform' });
    expect(synth).toHaveResourceWithProperties(PrivateDnsZoneVirtualNetworkLink, { virtual_network_id: '/vnet', registration_enabled: false });
    expect(only(JSON.parse(synth), 'azurerm_private_endpoint').private_dns_zone_group.private_dns_zone_ids[0]).toMatch(/azurerm_private_dns_zone\./);
  });

  test('standard SKU makes software RSA keys; retention, tenant and deployer access follow props', () => {
    const s = stack();
    const vault = new HardenedKeyVault(s, 'kv', { ...VAULT_PROPS, skuName: KeyVaultSku.STANDARD, softDeleteRetentionDays: 7, tenantId: 'tenant', deployerAccess: false });
    const key = vault.addKmsKey('kms', { ...KEY, keySizeBits: 4096 });
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(KeyVault, { sku_name: 'standard', soft_delete_retention_days: 7, tenant_id: 'tenant' });
    expect(synth).toHaveResourceWithProperties(KeyVaultKey, { key_type: 'RSA', key_size: 4096 });
    expect(JSON.parse(synth).resource.azurerm_role_assignment).toBeUndefined();
    new TerraformOutput(s, 'ids', { value: [key.id, key.versionlessId] });
    expect(synthJson(s).output.ids.value).toEqual([
      expect.stringMatching(/^\$\{azurerm_key_vault_key\.[^.]+\.id\}$/),
      expect.stringMatching(/^\$\{azurerm_key_vault_key\.[^.]+\.versionless_id\}$/),
    ]);
  });

  test('expiration computed from validFrom + validityDays without reading the clock', () => {
    const s = stack();
    const key = new HardenedKeyVault(s, 'kv', VAULT_PROPS).addKmsKey('kms', { name: 'k', validFrom: '2026-01-01T00:00:00Z', validityDays: 365 });
    expect(key.expirationDate).toBe('2027-01-01T00:00:00Z');
    expect(synthJson(s).resource.azurerm_key_vault_key).toEqual(expect.anything());
  });

  test('rotation settings follow props', () => {
    const s = stack();
    new HardenedKeyVault(s, 'kv', VAULT_PROPS).addKmsKey('kms', { ...KEY, expireAfterDays: 180, rotateBeforeExpiryDays: 14 });
    expect(Testing.synth(s)).toHaveResourceWithProperties(KeyVaultKey, { rotation_policy: { expire_after: 'P180D', automatic: { time_before_expiry: 'P14D' } } });
  });

  test('public access is an explicit insecure choice with IP rules', () => {
    const s = stack();
    new HardenedKeyVault(s, 'kv', { ...VAULT_PROPS, publicNetworkAccessEnabled: true, allowedIpRanges: ['203.0.113.0/24', '198.51.100.7'] });
    expect(Testing.synth(s)).toHaveResourceWithProperties(KeyVault, {
      public_network_access_enabled: true,
      network_acls: expect.objectContaining({ default_action: 'Deny', ip_rules: ['198.51.100.7', '203.0.113.0/24'] }),
    });
  });

  test('secrets: value from a sensitive variable, content type and expiration', () => {
    const s = stack();
    const vault = new HardenedKeyVault(s, 'kv', VAULT_PROPS);
    const value = new TerraformVariable(s, 'db-password', { type: 'string', sensitive: true });
    const secret = vault.addSecret('db', { name: 'db-password', value: value.stringValue, contentType: 'text/plain', expirationDate: '2027-06-30T00:00:00Z' });
    const synth = Testing.synth(s);
    expect(synth).toHaveResourceWithProperties(KeyVaultSecret, {
      name: 'db-password',
      value: '${var.db-password}',
      content_type: 'text/plain',
      expiration_date: '2027-06-30T00:00:00Z',
    });
    expect(secret.secretName).toBe('db-password');
  });

  test('typed grants assign the matching data-plane role on the vault', () => {
    const s = stack();
    const vault = new HardenedKeyVault(s, 'kv', { ...VAULT_PROPS, deployerAccess: false });
    vault.grantSecretsReader('reader', 'p1');
    vault.grantCryptoUser('crypto', 'p2');
    vault.grantCertificateUser('cert', 'p3');
    vault.grantApplicationGatewayCertificateReader('agw', 'p4');
    const roles = Object.values(synthJson(s).resource.azurerm_role_assignment)
      .map((r: any) => `${r.principal_id}:${r.role_definition_name}:${r.scope}`)
      .sort();
    const scope = '${azurerm_key_vault.kv_vault_85F3A5F7.id}';
    expect(roles.map((r) => r.replace(/\$\{azurerm_key_vault\.[^}]+\}/, scope))).toEqual([
      `p1:Key Vault Secrets User:${scope}`,
      `p2:Key Vault Crypto User:${scope}`,
      `p3:Key Vault Certificate User:${scope}`,
      `p4:Key Vault Secrets User:${scope}`,
    ]);
    expect(Testing.synth(s)).toHaveResourceWithProperties(RoleAssignment, { principal_id: 'p2', role_definition_name: 'Key Vault Crypto User' });
  });
});

describe('HardenedKeyVault bad input', () => {
  const make = (props: any) => new HardenedKeyVault(stack(), 'kv', { ...VAULT_PROPS, ...props });

  test.each([
    ['kv', 'too short'],
    ['kv-this-name-is-far-too-long', 'too long'],
    ['1kv-platform', 'starts with a digit'],
    ['kv-platform-', 'ends with a hyphen'],
    ['kv--platform', 'consecutive hyphens'],
    ['kv_platform', 'underscore'],
  ])('name %s (%s)', (name) => {
    expect(() => make({ name })).toThrow(/HardenedKeyVault .*invalid name .*3-24 characters.*Fix:/);
  });

  test.each([6, 91, 30.5])('softDeleteRetentionDays %s', (days) => {
    expect(() => make({ softDeleteRetentionDays: days })).toThrow(/invalid softDeleteRetentionDays .*from 7 to 90.*Fix:/);
  });

  test('no private DNS zone id nor virtual network', () => {
    expect(() => make({ privateDnsZoneId: undefined })).toThrow(/exactly one of privateDnsZoneId, virtualNetworkId .*none was given.*Fix:/);
  });

  test('both a zone id and a virtual network', () => {
    expect(() => make({ virtualNetworkId: '/vnet' })).toThrow(/privateDnsZoneId and virtualNetworkId were given/);
  });

  test('missing private endpoint subnet', () => {
    expect(() => make({ privateEndpointSubnetId: '' })).toThrow(/privateEndpointSubnetId is required.*Fix:/);
  });

  test('KMS key without an expiration', () => {
    const vault = make({});
    expect(() => vault.addKmsKey('k', { name: 'k' })).toThrow(/exactly one of expirationDate, validFrom \+ validityDays.*Fix:/);
  });

  test('KMS key with both an expiration and a validity window', () => {
    const vault = make({});
    expect(() => vault.addKmsKey('k', { ...KEY, validityDays: 30, validFrom: '2026-01-01T00:00:00Z' })).toThrow(/expirationDate and validFrom\/validityDays were given/);
  });

  test('KMS key validity without a start date', () => {
    expect(() => make({}).addKmsKey('k', { name: 'k', validityDays: 30 })).toThrow(/invalid validFrom .*Fix:/);
  });

  test.each(['2027-12-31', '2027-02-30T00:00:00Z', '31/12/2027'])('KMS key expiration %s', (date) => {
    expect(() => make({}).addKmsKey('k', { name: 'k', expirationDate: date })).toThrow(/invalid expirationDate .*RFC 3339.*Fix:/);
  });

  test('KMS key size below 2048', () => {
    expect(() => make({}).addKmsKey('k', { ...KEY, keySizeBits: 1024 })).toThrow(/invalid keySizeBits 1024.*2048, 3072, 4096/);
  });

  test('rotation at or after expiry', () => {
    expect(() => make({}).addKmsKey('k', { ...KEY, expireAfterDays: 30, rotateBeforeExpiryDays: 30 })).toThrow(/invalid rotateBeforeExpiryDays/);
  });

  test('secret with a literal value', () => {
    expect(() => make({}).addSecret('s', { name: 's', value: 'hunter2', contentType: 'text/plain', expirationDate: '2027-01-01T00:00:00Z' })).toThrow(
      /value must not be a literal.*sensitive Terraform variable.*Fix:/,
    );
  });

  test('secret without content type or expiration', () => {
    const vault = make({});
    const value = new TerraformVariable(vault, 'v', { sensitive: true }).stringValue;
    expect(() => vault.addSecret('s', { name: 's', value, contentType: '', expirationDate: '2027-01-01T00:00:00Z' })).toThrow(/contentType is required/);
    expect(() => vault.addSecret('t', { name: 't', value, contentType: 'text/plain', expirationDate: undefined as any })).toThrow(/expirationDate is required/);
  });
});
