import { check, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** Object replication cannot copy the state to an account of another tenant. */
export const stateAccountNoCrossTenantReplication = defineStateAccountRule(
  {
    id: 'state-account-no-cross-tenant-replication',
    title: 'State account forbids object replication to other tenants',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedStateBackend, or set cross_tenant_replication_enabled = false on the azurerm_storage_account.',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: cross_tenant_replication_enabled = false, allowed_copy_scope = "AAD"',
  },
  (account) => {
    const enabled = valueOr(account, 'cross_tenant_replication_enabled', false);
    return check(enabled === false, `cross_tenant_replication_enabled=${enabled}`);
  },
);
