import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** State is encrypted twice at rest: by the service and by the storage infrastructure. */
export const stateAccountInfrastructureEncryption = defineStateAccountRule(
  {
    id: 'state-account-infrastructure-encryption',
    title: 'State account has infrastructure (double) encryption',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedStateBackend, or set infrastructure_encryption_enabled = true (account_kind StorageV2; it can only be set when the account is created).',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: infrastructure_encryption_enabled = true',
  },
  (account) => {
    const enabled = valueOr(account, 'infrastructure_encryption_enabled', false);
    return check(enabled === true, `infrastructure_encryption_enabled=${enabled}`);
  },
);
