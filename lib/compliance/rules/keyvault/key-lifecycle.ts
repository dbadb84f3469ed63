import { cisAks } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Keys expire and rotate; KMS keys are HSM-backed on premium vaults. */
export const keyVaultKeyLifecycle = defineRule(
  {
    id: 'keyvault-key-lifecycle',
    title: 'Key Vault keys have an expiry date and a rotation policy',
    severity: RuleSeverity.ERROR,
    remediation: 'Create keys with HardenedKeyVault.addKmsKey (expirationDate, rotation policy).',
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_key_vault_key'],
    constructDefault: 'HardenedKeyVault.addKmsKey: RSA-HSM 2048, expiration_date, rotation every 180 days',
  },
  (r) => {
    const problems: string[] = [];
    if (!r.has('expiration_date')) {
      problems.push('no expiration_date');
    }
    if (!r.has('rotation_policy.automatic')) {
      problems.push('no automatic rotation');
    }
    const type = valueOr(r, 'key_type', 'RSA');
    if (!String(type).endsWith('-HSM')) {
      problems.push(`key type ${type} is not HSM-backed`);
    }
    return problems.length ? nonCompliant(problems.join('; ')) : compliant();
  },
);
