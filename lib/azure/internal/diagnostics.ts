// Internal: the diagnostic setting every Azure construct of the library sends to Log Analytics.
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct } from 'constructs';

/**
 * A diagnostic setting with the given log categories and metrics (all of them unless the resource
 * names its own, as storage services do) to a Log Analytics workspace.
 */
export function diagnosticsToWorkspace(
  scope: Construct,
  id: string,
  name: string,
  targetResourceId: string,
  logAnalyticsWorkspaceId: string,
  categories: string[],
  metricCategories: string[] = ['AllMetrics'],
): MonitorDiagnosticSetting {
  return new MonitorDiagnosticSetting(scope, id, {
    name,
    targetResourceId,
    logAnalyticsWorkspaceId,
    enabledLog: [...categories].sort().map((category) => ({ category })),
    enabledMetric: metricCategories.map((category) => ({ category })),
  });
}
