import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { StateReplication } from '../../../azure/state/state-replication';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

const REDUNDANT: string[] = Object.values(StateReplication);

/** State survives the loss of a datacenter: zone- or geo-redundant replication, never LRS. */
export const stateAccountReplication = defineStateAccountRule(
  {
    id: 'state-account-replication',
    title: 'State account replicates across zones or regions (not LRS)',
    severity: RuleSeverity.ERROR,
    remediation: `Use HardenedStateBackend (replication, default GZRS), or set account_replication_type to one of ${REDUNDANT.join(', ')}.`,
    remediationTargets: ['HardenedStateBackend', 'HardenedStateBackendProps.replication'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: account_replication_type = "GZRS"',
  },
  (account) => {
    const type = valueOr(account, 'account_replication_type', 'LRS');
    return check(REDUNDANT.includes(type), `account_replication_type=${type}: one datacenter holds every copy`);
  },
);
