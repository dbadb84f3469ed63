// The engine tests' own rule and resource: storage accounts must not allow public blob access (not
// applicable to the Premium tier), cited as CIS AKS 1.8 5.1.2.
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { Construct } from 'constructs';
import { IComplianceRule, RulePack, RuleSeverity } from '../../lib';
import { cisAks } from '../../lib/cis/refs';
import { check, defineRule, notApplicable } from '../../lib/compliance/define-rule';

export const STORAGE_RULE_ID = 'test-storage-no-public-blob';

export const storageNoPublicBlob: IComplianceRule = defineRule(
  {
    id: STORAGE_RULE_ID,
    title: 'storage accounts disallow public blob access',
    severity: RuleSeverity.ERROR,
    remediation: 'set allow_nested_items_to_be_public = false',
    cisControls: [cisAks('5.1.2')],
    resourceTypes: ['azurerm_storage_account'],
  },
  (r) => {
    if (r.get('account_tier') === 'Premium') {
      return notApplicable('premium accounts are checked elsewhere');
    }
    return check(r.get('allow_nested_items_to_be_public') === false, 'public blob access is allowed');
  },
);

export const storagePack = new RulePack('test-pack', [storageNoPublicBlob]);

/** A storage account that passes the rule unless `extra` says otherwise. */
export function storage(scope: Construct, id: string, extra: Record<string, unknown> = {}): StorageAccount {
  return new StorageAccount(scope, id, {
    name: `st${id}`,
    resourceGroupName: 'rg',
    location: 'westeurope',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    allowNestedItemsToBePublic: false,
    ...extra,
  });
}
