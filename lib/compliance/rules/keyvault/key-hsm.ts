import { cisAks } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

const HSM_TYPES = ['RSA-HSM', 'EC-HSM'];

/** Keys are HSM-protected. */
export const keyVaultKeyHsm = defineRule(
  {
    id: 'keyvault-key-hsm',
    title: 'Key Vault keys are HSM-protected (RSA-HSM or EC-HSM)',
    severity: RuleSeverity.WARNING,
    remediation:
      'Create keys with HardenedKeyVault.addKmsKey in a vault whose skuName is KeyVaultSku.PREMIUM (RSA-HSM there), or set key_type = "RSA-HSM".',
    remediationTargets: ['HardenedKeyVault.addKmsKey', 'HardenedKeyVaultProps.skuName', 'KeyVaultSku.PREMIUM'],
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_key_vault_key'],
    constructDefault: 'HardenedKeyVault.addKmsKey: key_type = "RSA-HSM" on premium',
  },
  (r) => {
    const type = r.get('key_type');
    return check(HSM_TYPES.includes(type), `key_type=${type}`);
  },
);
