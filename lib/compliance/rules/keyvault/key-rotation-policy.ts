import { cisAks } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Keys rotate automatically. */
export const keyVaultKeyRotationPolicy = defineRule(
  {
    id: 'keyvault-key-rotation-policy',
    title: 'Key Vault keys have a rotation policy with automatic rotation',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedKeyVault.addKmsKey (rotateBeforeExpiryDays, default 30), or add rotation_policy { expire_after, automatic { time_before_expiry } }.',
    remediationTargets: ['HardenedKeyVault.addKmsKey', 'KmsKeyOptions.rotateBeforeExpiryDays'],
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_key_vault_key'],
    constructDefault: 'HardenedKeyVault.addKmsKey: rotation_policy.automatic.time_before_expiry = "P30D", expire_after = "P365D"',
  },
  (r) => {
    // get() reports an expression anywhere on the path as unknown: a dynamic policy is not a pass.
    const policy = r.get('rotation_policy');
    const automatic = r.get('rotation_policy.automatic.time_before_expiry') ?? r.get('rotation_policy.automatic.time_after_creation');
    return check(automatic !== undefined && automatic !== null, policy ? 'rotation_policy has no automatic rotation' : 'no rotation_policy');
  },
);
