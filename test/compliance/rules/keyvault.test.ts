import { keyVaultKeyLifecycle } from '../../../lib/compliance/rules/keyvault/key-lifecycle';
import { keyVaultPrivateRbac, keyVaultRecoverable } from '../../../lib/compliance/rules/keyvault/vault-access';
import { evaluateRule } from '../../helpers/rule-harness';

const VAULT = 'azurerm_key_vault';
const hardened = { rbac_authorization_enabled: true, public_network_access_enabled: false, network_acls: { default_action: 'Deny', bypass: 'AzureServices' } };

describe('keyvault-private-rbac (CIS AKS 1.8 4.5.2)', () => {
  test('compliant: RBAC, private, default deny', () => {
    expect(evaluateRule(keyVaultPrivateRbac, VAULT, hardened).status).toBe('compliant');
  });
  test.each([
    ['access policies', { ...hardened, rbac_authorization_enabled: false }, /access policies/],
    ['public access (provider default)', { ...hardened, public_network_access_enabled: undefined }, /public network access/],
    ['ACL allow', { ...hardened, network_acls: { default_action: 'Allow' } }, /default action is not Deny/],
  ])('non-compliant: %s', (_label, config, message) => {
    const result = evaluateRule(keyVaultPrivateRbac, VAULT, config);
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(message);
  });
  test('unknown: public access from a variable', () => {
    expect(evaluateRule(keyVaultPrivateRbac, VAULT, { ...hardened, public_network_access_enabled: '${var.public}' }).status).toBe('unknown');
  });
});

describe('keyvault-purge-protection', () => {
  test('compliant with purge protection and retention; non-compliant without either', () => {
    expect(evaluateRule(keyVaultRecoverable, VAULT, { purge_protection_enabled: true, soft_delete_retention_days: 90 }).status).toBe('compliant');
    expect(evaluateRule(keyVaultRecoverable, VAULT, { soft_delete_retention_days: 90 }).status).toBe('non-compliant');
    expect(evaluateRule(keyVaultRecoverable, VAULT, { purge_protection_enabled: true }).status).toBe('non-compliant');
  });
});

describe('keyvault-key-lifecycle (CIS AKS 1.8 5.3.1)', () => {
  const key = { key_type: 'RSA-HSM', expiration_date: '2027-12-31T00:00:00Z', rotation_policy: { automatic: { time_after_creation: 'P180D' } } };
  test('compliant: HSM key with expiry and rotation', () => {
    expect(evaluateRule(keyVaultKeyLifecycle, 'azurerm_key_vault_key', key).status).toBe('compliant');
  });
  test('non-compliant: software key without expiry or rotation', () => {
    expect(evaluateRule(keyVaultKeyLifecycle, 'azurerm_key_vault_key', { key_type: 'RSA' })).toEqual({
      status: 'non-compliant',
      message: 'no expiration_date; no automatic rotation; key type RSA is not HSM-backed',
    });
  });
  test('unknown: key type from a variable', () => {
    expect(evaluateRule(keyVaultKeyLifecycle, 'azurerm_key_vault_key', { ...key, key_type: '${var.type}' }).status).toBe('unknown');
  });
});
