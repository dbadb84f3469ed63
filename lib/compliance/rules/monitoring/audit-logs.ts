import { cisAks } from '../../../cis/refs';
import { check, defineRule, literalList, nonCompliant, references } from '../../define-rule';
import { IResolvedResource, RuleSeverity } from '../../types';

const REQUIRED_CATEGORIES = ['kube-audit-admin', 'guard'];

function auditCategories(setting: IResolvedResource): string[] {
  return literalList(setting, 'enabled_log').map((log: any) => log.category ?? log.category_group);
}

/** The cluster's control-plane audit logs go to Log Analytics through a diagnostic setting. */
export const aksAuditLogs = defineRule(
  {
    id: 'aks-audit-logs',
    title: 'AKS control-plane audit logs (kube-audit-admin, guard) are sent to Log Analytics',
    severity: RuleSeverity.ERROR,
    remediation:
      'HardenedAksCluster writes the diagnostic setting when logAnalyticsWorkspaceId is given (auditLogsEnabled, default true); for a cluster created elsewhere add it with PlatformMonitoring.addClusterDiagnostics: kube-audit-admin and guard logs to a Log Analytics workspace.',
    remediationTargets: ['HardenedAksClusterProps.logAnalyticsWorkspaceId', 'HardenedAksClusterProps.auditLogsEnabled', 'PlatformMonitoring.addClusterDiagnostics'],
    cisControls: [cisAks('2.1.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster auditLogsEnabled: control-plane-audit diagnostic setting (kube-audit-admin, guard, kube-apiserver) to logAnalyticsWorkspaceId',
  },
  (cluster, context) => {
    const settings = context
      .resourcesOfType('azurerm_monitor_diagnostic_setting')
      .filter((s) => references(s.config.target_resource_id, cluster));
    if (settings.length === 0) {
      return nonCompliant('no azurerm_monitor_diagnostic_setting targets this cluster');
    }
    const categories = new Set(settings.flatMap(auditCategories));
    const missing = REQUIRED_CATEGORIES.filter((c) => !categories.has(c) && !categories.has('audit') && !categories.has('allLogs'));
    const toWorkspace = settings.some((s) => s.has('log_analytics_workspace_id'));
    return check(
      missing.length === 0 && toWorkspace,
      missing.length ? `missing log categories: ${missing.join(', ')}` : 'diagnostic setting sends to no Log Analytics workspace',
    );
  },
);
