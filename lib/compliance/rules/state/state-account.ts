// Internal: which resources the state rules judge. A storage account is a state account when it
// carries the tag HardenedStateBackend sets; containers, locks, role assignments and diagnostic
// settings count through their references to such an account.
import { STATE_ACCOUNT_TAG, STATE_ACCOUNT_TAG_VALUE } from '../../../azure/state/state-account-tag';
import { defineRule, notApplicable, references, RuleCheck } from '../../define-rule';
import { IComplianceRule, IResolvedResource, IRuleContext, RuleMetadata } from '../../types';

export const STORAGE_ACCOUNT = 'azurerm_storage_account';
export const STORAGE_CONTAINER = 'azurerm_storage_container';

/** True when the account carries the Terraform state tag. */
export function isStateAccount(account: IResolvedResource): boolean {
  const tags = account.config.tags;
  return typeof tags === 'object' && tags !== null && tags[STATE_ACCOUNT_TAG] === STATE_ACCOUNT_TAG_VALUE;
}

/** The state accounts of the stack. */
export function stateAccounts(context: IRuleContext): IResolvedResource[] {
  return context.resourcesOfType(STORAGE_ACCOUNT).filter(isStateAccount);
}

/** The state account a storage container belongs to. */
export function accountOfContainer(container: IResolvedResource, context: IRuleContext): IResolvedResource | undefined {
  return stateAccounts(context).find((a) => references(container.config.storage_account_id, a) || references(container.config.storage_account_name, a));
}

/** The first element of a nested block as synthesized (an object, or a list of one). */
export function blockOf(resource: IResolvedResource, name: string): any {
  const value = resource.config[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A rule on storage accounts that does not apply to accounts without the state tag. */
export function defineStateAccountRule(metadata: RuleMetadata, check: RuleCheck): IComplianceRule {
  return defineRule(metadata, (account, context) =>
    isStateAccount(account) ? check(account, context) : notApplicable(`not a Terraform state account (no ${STATE_ACCOUNT_TAG} tag)`),
  );
}
