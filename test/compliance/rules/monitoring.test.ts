import { aksAuditLogs } from '../../../lib/compliance/rules/monitoring/audit-logs';
import { evaluateRule } from '../../helpers/rule-harness';

const CLUSTER = 'azurerm_kubernetes_cluster';
const diag = (categories: string[], extra: Record<string, unknown> = {}) => ({
  azurerm_monitor_diagnostic_setting: {
    audit: {
      target_resource_id: '${azurerm_kubernetes_cluster.subject.id}',
      log_analytics_workspace_id: '${azurerm_log_analytics_workspace.logs.id}',
      enabled_log: categories.map((category) => ({ category })),
      ...extra,
    },
  },
});

describe('aks-audit-logs (CIS AKS 1.8 2.1.1)', () => {
  test('compliant: kube-audit-admin and guard to a workspace', () => {
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, diag(['kube-audit-admin', 'guard'])).status).toBe('compliant');
  });
  test('non-compliant: no diagnostic setting targets the cluster', () => {
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, {}).status).toBe('non-compliant');
  });
  test('non-compliant: a diagnostic setting on another resource does not count', () => {
    const other = diag(['kube-audit-admin', 'guard'], { target_resource_id: '${azurerm_kubernetes_cluster.other.id}' });
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, other).status).toBe('non-compliant');
  });
  test('non-compliant: guard missing', () => {
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, diag(['kube-audit-admin']))).toEqual({
      status: 'non-compliant',
      message: 'missing log categories: guard',
    });
  });
  test('non-compliant: logs go to no workspace', () => {
    const noWorkspace = diag(['kube-audit-admin', 'guard'], { log_analytics_workspace_id: undefined, storage_account_id: 'x' });
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, noWorkspace).status).toBe('non-compliant');
  });
  test('unknown: categories come from an expression', () => {
    const dynamic = diag([], { enabled_log: '${local.categories}' });
    expect(evaluateRule(aksAuditLogs, CLUSTER, {}, dynamic).status).toBe('unknown');
  });
});
