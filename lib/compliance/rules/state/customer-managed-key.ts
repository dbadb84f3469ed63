import { compliant, nonCompliant, references } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { blockOf, defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** The state is encrypted with the platform's own key, which the team can rotate and revoke. */
export const stateAccountCustomerManagedKey = defineStateAccountRule(
  {
    id: 'state-account-customer-managed-key',
    title: 'State account is encrypted with a customer-managed key',
    severity: RuleSeverity.WARNING,
    remediation: 'Give HardenedStateBackend customerManagedKey (a Key Vault with purge protection and a versionless key id), or add customer_managed_key to the azurerm_storage_account.',
    remediationTargets: ['HardenedStateBackendProps.customerManagedKey'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend customerManagedKey: customer_managed_key with a user-assigned identity',
  },
  (account, context) => {
    const inline = blockOf(account, 'customer_managed_key');
    if (inline && (inline.key_vault_key_id || inline.managed_hsm_key_id)) {
      return compliant('customer_managed_key on the account');
    }
    const separate = context.resourcesOfType('azurerm_storage_account_customer_managed_key').some((k) => references(k.config.storage_account_id, account));
    return separate ? compliant('azurerm_storage_account_customer_managed_key') : nonCompliant('Microsoft-managed keys only');
  },
);
