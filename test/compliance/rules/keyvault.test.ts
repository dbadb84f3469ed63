import { KEYVAULT_RULES } from '../../../lib/compliance/rules/keyvault';
import { keyVaultKeyExpiration } from '../../../lib/compliance/rules/keyvault/key-expiration';
import { keyVaultKeyHsm } from '../../../lib/compliance/rules/keyvault/key-hsm';
import { keyVaultKeyRotationPolicy } from '../../../lib/compliance/rules/keyvault/key-rotation-policy';
import { keyVaultSecretContentType } from '../../../lib/compliance/rules/keyvault/secret-content-type';
import { keyVaultSecretExpiration } from '../../../lib/compliance/rules/keyvault/secret-expiration';
import { keyVaultNetworkAclDeny } from '../../../lib/compliance/rules/keyvault/vault-network-acl';
import { keyVaultPremiumForKeys } from '../../../lib/compliance/rules/keyvault/vault-premium-for-kms';
import { keyVaultPublicNetworkAccess } from '../../../lib/compliance/rules/keyvault/vault-public-network-access';
import { keyVaultPurgeProtection } from '../../../lib/compliance/rules/keyvault/vault-purge-protection';
import { keyVaultRbacAuthorization } from '../../../lib/compliance/rules/keyvault/vault-rbac-authorization';
import { keyVaultSoftDeleteRetention } from '../../../lib/compliance/rules/keyvault/vault-soft-delete-retention';
import { evaluateRule } from '../../helpers/rule-harness';

const VAULT = 'azurerm_key_vault';
const KEY = 'azurerm_key_vault_key';
const SECRET = 'azurerm_key_vault_secret';
const status = (rule: any, type: string, config: any, others: any = {}) => evaluateRule(rule, type, config, others).status;

test('KEYVAULT_RULES lists every key vault rule once', () => {
  const ids = KEYVAULT_RULES.map((r) => r.metadata.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(11);
});

describe('keyvault-rbac-authorization (CIS AKS 1.8 4.5.2)', () => {
  test('compliant: rbac_authorization_enabled', () => expect(status(keyVaultRbacAuthorization, VAULT, { rbac_authorization_enabled: true })).toBe('compliant'));
  test('compliant: deprecated enable_rbac_authorization', () => expect(status(keyVaultRbacAuthorization, VAULT, { enable_rbac_authorization: true })).toBe('compliant'));
  test('non-compliant: provider default (access policies)', () => expect(status(keyVaultRbacAuthorization, VAULT, {})).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultRbacAuthorization, VAULT, { rbac_authorization_enabled: '${var.rbac}' })).toBe('unknown'));
});

describe('keyvault-purge-protection (CIS AKS 1.8 4.5.2)', () => {
  test('compliant', () => expect(status(keyVaultPurgeProtection, VAULT, { purge_protection_enabled: true })).toBe('compliant'));
  test('non-compliant: provider default', () => expect(status(keyVaultPurgeProtection, VAULT, {})).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultPurgeProtection, VAULT, { purge_protection_enabled: '${var.p}' })).toBe('unknown'));
});

describe('keyvault-soft-delete-retention-explicit', () => {
  test('compliant: 90 days', () => expect(status(keyVaultSoftDeleteRetention, VAULT, { soft_delete_retention_days: 90 })).toBe('compliant'));
  test('non-compliant: unset', () => expect(status(keyVaultSoftDeleteRetention, VAULT, {})).toBe('non-compliant'));
  test('non-compliant: outside 7-90', () => expect(status(keyVaultSoftDeleteRetention, VAULT, { soft_delete_retention_days: 5 })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultSoftDeleteRetention, VAULT, { soft_delete_retention_days: '${var.days}' })).toBe('unknown'));
});

describe('keyvault-public-network-access-disabled (CIS AKS 1.8 4.5.2)', () => {
  test('compliant', () => expect(status(keyVaultPublicNetworkAccess, VAULT, { public_network_access_enabled: false })).toBe('compliant'));
  test('non-compliant: provider default (public)', () => expect(status(keyVaultPublicNetworkAccess, VAULT, {})).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultPublicNetworkAccess, VAULT, { public_network_access_enabled: '${var.pub}' })).toBe('unknown'));
});

describe('keyvault-network-acl-deny (CIS AKS 1.8 4.5.2)', () => {
  test('compliant', () => expect(status(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: 'Deny', bypass: 'AzureServices' } })).toBe('compliant'));
  test('non-compliant: no ACL', () => expect(status(keyVaultNetworkAclDeny, VAULT, {})).toBe('non-compliant'));
  test('non-compliant: Allow', () => expect(status(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: 'Allow', bypass: 'None' } })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: '${var.a}' } })).toBe('unknown'));
  test('compliant: client IPs and ranges in ip_rules', () =>
    expect(status(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: 'Deny', ip_rules: ['203.0.113.7', '198.51.100.0/24'] } })).toBe('compliant'));
  test.each([['0.0.0.0/0'], ['128.0.0.0/1'], ['0.0.0.0/7']])('non-compliant: ip_rules %s lets the Internet through a Deny ACL', (rule) =>
    expect(evaluateRule(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: 'Deny', ip_rules: ['203.0.113.7', rule] } })).toEqual({
      status: 'non-compliant',
      message: `network_acls.ip_rules allow ${rule}`,
    }));
  test('unknown: ip_rules from a variable', () =>
    expect(status(keyVaultNetworkAclDeny, VAULT, { network_acls: { default_action: 'Deny', ip_rules: '${var.rules}' } })).toBe('unknown'));
});

describe('keyvault-premium-for-keys (CIS AKS 1.8 5.3.1)', () => {
  const keys = { [KEY]: { kms: { key_vault_id: '${azurerm_key_vault.subject.id}', key_type: 'RSA-HSM' } } };
  test('compliant: premium vault with a key', () => expect(status(keyVaultPremiumForKeys, VAULT, { sku_name: 'premium' }, keys)).toBe('compliant'));
  test('non-compliant: standard vault with a key', () => expect(status(keyVaultPremiumForKeys, VAULT, { sku_name: 'standard' }, keys)).toBe('non-compliant'));
  test('not applicable: no key in the vault', () => expect(status(keyVaultPremiumForKeys, VAULT, { sku_name: 'standard' })).toBe('not-applicable'));
  test('unknown: SKU from a variable', () => expect(status(keyVaultPremiumForKeys, VAULT, { sku_name: '${var.sku}' }, keys)).toBe('unknown'));
});

describe('keyvault-key-hsm (CIS AKS 1.8 5.3.1)', () => {
  test('compliant: RSA-HSM', () => expect(status(keyVaultKeyHsm, KEY, { key_type: 'RSA-HSM' })).toBe('compliant'));
  test('compliant: EC-HSM', () => expect(status(keyVaultKeyHsm, KEY, { key_type: 'EC-HSM' })).toBe('compliant'));
  test('non-compliant: software RSA', () => expect(status(keyVaultKeyHsm, KEY, { key_type: 'RSA' })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(keyVaultKeyHsm, KEY, { key_type: '${var.t}' })).toBe('unknown'));
});

describe('keyvault-key-expiration (CIS AKS 1.8 5.3.1)', () => {
  test('compliant', () => expect(status(keyVaultKeyExpiration, KEY, { expiration_date: '2027-12-31T00:00:00Z' })).toBe('compliant'));
  test('compliant: set from a variable (present, value decided at apply)', () => expect(status(keyVaultKeyExpiration, KEY, { expiration_date: '${var.exp}' })).toBe('compliant'));
  test('non-compliant: no expiration', () => expect(status(keyVaultKeyExpiration, KEY, { key_type: 'RSA-HSM' })).toBe('non-compliant'));
});

describe('keyvault-key-rotation-policy (CIS AKS 1.8 5.3.1)', () => {
  test('compliant: rotate before expiry', () =>
    expect(status(keyVaultKeyRotationPolicy, KEY, { rotation_policy: { expire_after: 'P365D', automatic: { time_before_expiry: 'P30D' } } })).toBe('compliant'));
  test('compliant: rotate after creation', () =>
    expect(status(keyVaultKeyRotationPolicy, KEY, { rotation_policy: { automatic: { time_after_creation: 'P300D' } } })).toBe('compliant'));
  test('non-compliant: no rotation policy', () => expect(status(keyVaultKeyRotationPolicy, KEY, {})).toBe('non-compliant'));
  test('non-compliant: policy without automatic rotation', () =>
    expect(status(keyVaultKeyRotationPolicy, KEY, { rotation_policy: { expire_after: 'P365D', notify_before_expiry: 'P30D' } })).toBe('non-compliant'));
  test('unknown: policy from an expression', () => expect(status(keyVaultKeyRotationPolicy, KEY, { rotation_policy: '${local.policy}' })).toBe('unknown'));
});

describe('keyvault-secret-content-type', () => {
  test('compliant', () => expect(status(keyVaultSecretContentType, SECRET, { content_type: 'text/plain' })).toBe('compliant'));
  test('non-compliant: unset', () => expect(status(keyVaultSecretContentType, SECRET, {})).toBe('non-compliant'));
  test('non-compliant: empty', () => expect(status(keyVaultSecretContentType, SECRET, { content_type: '' })).toBe('non-compliant'));
});

describe('keyvault-secret-expiration', () => {
  test('compliant', () => expect(status(keyVaultSecretExpiration, SECRET, { expiration_date: '2027-12-31T00:00:00Z' })).toBe('compliant'));
  test('non-compliant: unset', () => expect(status(keyVaultSecretExpiration, SECRET, { content_type: 'text/plain' })).toBe('non-compliant'));
});
