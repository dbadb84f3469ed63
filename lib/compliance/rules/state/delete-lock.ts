import { compliant, nonCompliant, references } from '../../define-rule';
import { IResolvedResource, IRuleContext, RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

const LOCK_LEVELS = ['CanNotDelete', 'ReadOnly'];

/** The resource group of the stack that holds the account, when the account names it by reference. */
function resourceGroupOf(account: IResolvedResource, context: IRuleContext): IResolvedResource | undefined {
  return context.resourcesOfType('azurerm_resource_group').find((rg) => references(account.config.resource_group_name, rg));
}

/** Nobody deletes the state account (or its resource group) by accident: a management lock stands in the way. */
export const stateAccountDeleteLock = defineStateAccountRule(
  {
    id: 'state-account-delete-lock',
    title: 'State account (or its resource group) has a CanNotDelete management lock',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedStateBackend deleteLock at true, or add an azurerm_management_lock with lock_level = "CanNotDelete" on the account.',
    remediationTargets: ['HardenedStateBackendProps.deleteLock'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: azurerm_management_lock CanNotDelete on the account',
  },
  (account, context) => {
    const rg = resourceGroupOf(account, context);
    const locks = context
      .resourcesOfType('azurerm_management_lock')
      .filter((lock) => references(lock.config.scope, account) || (rg !== undefined && references(lock.config.scope, rg)));
    if (locks.length === 0) {
      return nonCompliant('no azurerm_management_lock on the account or its resource group');
    }
    const levels = locks.map((lock) => lock.get('lock_level'));
    return levels.some((level) => LOCK_LEVELS.includes(level)) ? compliant(levels.join(', ')) : nonCompliant(`lock_level ${levels.join(', ')}`);
  },
);
