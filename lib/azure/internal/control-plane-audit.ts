// Internal: the one diagnostic setting that exports an AKS control plane's audit logs (CIS AKS 1.8 2.1.1),
// and which clusters of an app already write it, so that a second, conflicting setting is not created.
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct, IConstruct } from 'constructs';
import { diagnosticsToWorkspace } from './diagnostics';

/** Name of the setting on the cluster; a second setting of the same name on one cluster would overwrite it. */
export const CONTROL_PLANE_AUDIT_SETTING = 'control-plane-audit';

/** kube-audit-admin and guard are the audit logs CIS asks for; kube-apiserver helps to read them. */
export const CONTROL_PLANE_AUDIT_CATEGORIES = ['kube-audit-admin', 'guard', 'kube-apiserver'];

/** The audit diagnostic setting of a cluster, to a Log Analytics workspace. */
export function controlPlaneAuditSetting(scope: Construct, id: string, clusterId: string, workspaceId: string): MonitorDiagnosticSetting {
  return diagnosticsToWorkspace(scope, id, CONTROL_PLANE_AUDIT_SETTING, clusterId, workspaceId, CONTROL_PLANE_AUDIT_CATEGORIES);
}

/** A cluster's audit setting, as its construct wrote it. */
export interface ClusterAuditExport {
  /** Construct path of the cluster, for messages. */
  readonly clusterPath: string;
  /** The workspace the setting sends to, as given to the cluster. */
  readonly workspaceId: string;
  readonly setting: MonitorDiagnosticSetting;
}

const exportsByApp = new WeakMap<IConstruct, Map<string, ClusterAuditExport>>();

/** Records that the cluster with this id (its `clusterId` string) writes its own audit setting. */
export function recordClusterAuditExport(scope: IConstruct, clusterId: string, audit: ClusterAuditExport): void {
  const root = scope.node.root;
  const exports = exportsByApp.get(root) ?? new Map<string, ClusterAuditExport>();
  exports.set(clusterId, audit);
  exportsByApp.set(root, exports);
}

/** The audit setting the construct of the cluster with this id wrote, in the scope's app. */
export function clusterAuditExport(scope: IConstruct, clusterId: string): ClusterAuditExport | undefined {
  return exportsByApp.get(scope.node.root)?.get(clusterId);
}
