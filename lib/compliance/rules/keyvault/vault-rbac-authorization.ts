import { cisAks } from '../../../cis/refs';
import { check, defineRule } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The vault authorizes data-plane access with Azure RBAC, not access policies. */
export const keyVaultRbacAuthorization = defineRule(
  {
    id: 'keyvault-rbac-authorization',
    title: 'Key Vault uses Azure RBAC authorization (no access policies)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedKeyVault (always RBAC; grant with HardenedKeyVault.grant), or set rbac_authorization_enabled = true on the azurerm_key_vault and grant data-plane roles.',
    remediationTargets: ['HardenedKeyVault.grant'],
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_key_vault'],
    constructDefault: 'HardenedKeyVault: rbac_authorization_enabled = true',
  },
  (r) => {
    const rbac = r.get('rbac_authorization_enabled');
    const legacy = r.get('enable_rbac_authorization');
    return check(rbac === true || legacy === true, `rbac_authorization_enabled=${rbac ?? 'unset (false)'}: access policies authorize the vault`);
  },
);
