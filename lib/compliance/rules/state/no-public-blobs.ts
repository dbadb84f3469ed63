import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** No container of the state account can be opened to anonymous reads. */
export const stateAccountNoPublicBlobs = defineStateAccountRule(
  {
    id: 'state-account-no-public-blobs',
    title: 'State account forbids anonymous (public) blob access',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedStateBackend, or set allow_nested_items_to_be_public = false on the azurerm_storage_account (the provider default is true).',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: allow_nested_items_to_be_public = false',
  },
  (account) => {
    const nested = valueOr(account, 'allow_nested_items_to_be_public', true);
    return check(nested === false, `allow_nested_items_to_be_public=${nested}`);
  },
);
