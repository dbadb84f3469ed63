import { compliant, defineRule, literalList, nonCompliant, notApplicable, references } from '../../define-rule';
import { isTerraformExpression } from '../../resolved-resource';
import { IResolvedResource, RuleSeverity } from '../../types';

/** The destinations a setting sends to, as written (one string per sink). */
function sinks(setting: IResolvedResource): string[] {
  const c = setting.config;
  return [
    c.log_analytics_workspace_id,
    c.storage_account_id,
    c.eventhub_authorization_rule_id === undefined ? undefined : `${c.eventhub_authorization_rule_id} ${c.eventhub_name ?? ''}`,
    c.partner_solution_id,
  ].filter((s): s is string => typeof s === 'string');
}

/**
 * The diagnostic settings on one cluster can all exist together: Azure keeps one setting per name on a
 * resource and rejects a second setting that sends a log category to a destination already used for it.
 * Two settings happen when the cluster writes its own audit setting and another is added by hand.
 */
export const aksDiagnosticSettingsDistinct = defineRule(
  {
    id: 'aks-diagnostic-settings-distinct',
    title: 'Diagnostic settings on a cluster have distinct names and never send one log category to the same destination twice',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep one audit setting per cluster: HardenedAksCluster writes it (auditLogsEnabled); remove the other setting, or set ' +
      'HardenedAksCluster auditLogsEnabled to false and keep yours (PlatformMonitoring.addClusterDiagnostics given HardenedAksCluster.clusterId ' +
      'returns the cluster\'s own setting instead of writing a second).',
    remediationTargets: ['HardenedAksClusterProps.auditLogsEnabled', 'PlatformMonitoring.addClusterDiagnostics', 'HardenedAksCluster.clusterId'],
    cisControls: [],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: one control-plane-audit setting; PlatformMonitoring.addClusterDiagnostics reuses it',
  },
  (cluster, context) => {
    const settings = context.resourcesOfType('azurerm_monitor_diagnostic_setting').filter((s) => references(s.config.target_resource_id, cluster));
    if (settings.length === 0) {
      return notApplicable('no diagnostic setting targets this cluster');
    }
    const byName = new Map<string, string>();
    const bySinkAndCategory = new Map<string, string>();
    for (const setting of settings) {
      const name = setting.config.name;
      if (typeof name === 'string' && !isTerraformExpression(name)) {
        const other = byName.get(name);
        if (other) {
          return nonCompliant(`${other} and ${setting.address} are both named "${name}"`);
        }
        byName.set(name, setting.address);
      }
      const categories = literalList(setting, 'enabled_log').map((log: any) => log?.category ?? log?.category_group);
      for (const sink of sinks(setting)) {
        for (const category of categories) {
          const key = `${sink} ${category}`;
          const other = bySinkAndCategory.get(key);
          if (other && other !== setting.address) {
            return nonCompliant(`${other} and ${setting.address} both send ${category} to ${sink}`);
          }
          bySinkAndCategory.set(key, setting.address);
        }
      }
    }
    return compliant(`${settings.length} diagnostic setting(s), distinct`);
  },
);
