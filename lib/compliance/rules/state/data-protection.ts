import { check, valueOr } from '../../define-rule';
import { IResolvedResource, RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

/** The fewest days a deleted state blob or container stays restorable. */
export const MIN_SOFT_DELETE_DAYS = 7;

/** Days of a soft-delete policy; 0 when the block is absent (soft delete off). The provider defaults days to 7. */
function softDeleteDays(account: IResolvedResource, policy: string): number {
  return account.has(`blob_properties.${policy}`) ? valueOr(account, `blob_properties.${policy}.days`, 7) : 0;
}

/** An overwritten state file has earlier versions, and a deleted blob or container can be restored. */
export const stateAccountDataProtection = defineStateAccountRule(
  {
    id: 'state-account-data-protection',
    title: `State account keeps blob versions and soft-deletes blobs and containers for at least ${MIN_SOFT_DELETE_DAYS} days`,
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedStateBackend (blobSoftDeleteRetentionDays, containerSoftDeleteRetentionDays), or set blob_properties { versioning_enabled = true, delete_retention_policy { days = 30 }, container_delete_retention_policy { days = 30 } }.',
    remediationTargets: ['HardenedStateBackend', 'HardenedStateBackendProps.blobSoftDeleteRetentionDays', 'HardenedStateBackendProps.containerSoftDeleteRetentionDays'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: versioning, 30-day blob and container soft delete',
  },
  (account) => {
    const versioning = valueOr(account, 'blob_properties.versioning_enabled', false);
    const blobDays = softDeleteDays(account, 'delete_retention_policy');
    const containerDays = softDeleteDays(account, 'container_delete_retention_policy');
    const missing = [
      versioning === true ? '' : 'blob versioning off',
      blobDays >= MIN_SOFT_DELETE_DAYS ? '' : blobDays ? `blob soft delete ${blobDays} days` : 'blob soft delete off',
      containerDays >= MIN_SOFT_DELETE_DAYS ? '' : containerDays ? `container soft delete ${containerDays} days` : 'container soft delete off',
    ].filter((x) => x);
    return check(missing.length === 0, missing.join(', '));
  },
);
