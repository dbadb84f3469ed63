import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** The state is read and written with Entra ID tokens only: no account keys, SAS or local users. */
export const stateAccountEntraIdOnly = defineStateAccountRule(
  {
    id: 'state-account-entra-id-only',
    title: 'State account accepts Entra ID only (shared keys and local users off)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedStateBackend, or set shared_access_key_enabled = false and local_user_enabled = false on the azurerm_storage_account; give pipelines Storage Blob Data Contributor on the container instead of keys.',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: shared_access_key_enabled = false, local_user_enabled = false',
  },
  (account) => {
    const sharedKey = valueOr(account, 'shared_access_key_enabled', true);
    const localUsers = valueOr(account, 'local_user_enabled', true);
    const open = [sharedKey !== false ? `shared_access_key_enabled=${sharedKey}` : '', localUsers !== false ? `local_user_enabled=${localUsers}` : ''].filter((x) => x);
    return check(open.length === 0, `${open.join(', ')}: the state can be read without Entra ID`);
  },
);
