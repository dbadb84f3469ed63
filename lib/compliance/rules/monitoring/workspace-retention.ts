import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Audit logs are kept long enough to investigate an incident. */
export const logAnalyticsRetention = defineRule(
  {
    id: 'log-analytics-retention',
    title: 'Log Analytics workspace keeps logs at least 90 days',
    severity: RuleSeverity.WARNING,
    remediation: 'Set PlatformMonitoring retentionDays to 90 or more.',
    remediationTargets: ['PlatformMonitoringProps.retentionDays'],
    cisControls: [],
    resourceTypes: ['azurerm_log_analytics_workspace'],
    constructDefault: 'PlatformMonitoring: retention_in_days = 90',
  },
  (r) => {
    const days = valueOr(r, 'retention_in_days', 30);
    return check(days >= 90, `retention_in_days = ${days}`);
  },
);
