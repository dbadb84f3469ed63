import { compliant, literalList, nonCompliant, references } from '../../define-rule';
import { IResolvedResource, RuleSeverity } from '../../types';
import { defineStateAccountRule, STORAGE_ACCOUNT } from './state-account';

const REQUIRED = ['StorageRead', 'StorageWrite', 'StorageDelete'];
/** What each category group of the blob service includes. */
const GROUPS: Record<string, string[]> = { allLogs: REQUIRED, audit: ['StorageWrite', 'StorageDelete'] };

function logCategories(setting: IResolvedResource): string[] {
  return literalList(setting, 'enabled_log').flatMap((log: any) => (log.category_group ? GROUPS[log.category_group] ?? [] : [log.category]));
}

/** Every read, write and delete of a state blob is logged to Log Analytics. */
export const stateAccountBlobLogs = defineStateAccountRule(
  {
    id: 'state-account-blob-logs',
    title: 'State account blob service sends StorageRead, StorageWrite and StorageDelete logs to Log Analytics',
    severity: RuleSeverity.ERROR,
    remediation:
      'Give HardenedStateBackend logAnalyticsWorkspaceId, or add an azurerm_monitor_diagnostic_setting on "<account id>/blobServices/default" with StorageRead, StorageWrite and StorageDelete to a workspace.',
    remediationTargets: ['HardenedStateBackendProps.logAnalyticsWorkspaceId'],
    cisControls: [],
    resourceTypes: [STORAGE_ACCOUNT],
    constructDefault: 'HardenedStateBackend: diagnostic setting on the blob service with StorageRead, StorageWrite, StorageDelete',
  },
  (account, context) => {
    const settings = context
      .resourcesOfType('azurerm_monitor_diagnostic_setting')
      .filter((s) => references(s.config.target_resource_id, account) && String(s.config.target_resource_id).replace(/\/$/, '').endsWith('/blobServices/default'));
    if (settings.length === 0) {
      return nonCompliant('no diagnostic setting on the blob service (<account id>/blobServices/default)');
    }
    const toWorkspace = settings.filter((s) => s.has('log_analytics_workspace_id'));
    const categories = new Set(toWorkspace.flatMap(logCategories));
    const missing = REQUIRED.filter((c) => !categories.has(c));
    if (toWorkspace.length === 0) {
      return nonCompliant('the blob diagnostic setting sends to no Log Analytics workspace');
    }
    return missing.length ? nonCompliant(`missing log categories: ${missing.join(', ')}`) : compliant();
  },
);
