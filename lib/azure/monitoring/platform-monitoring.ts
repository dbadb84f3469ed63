import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp } from '../../errors';
import { clusterAuditExport, controlPlaneAuditSetting } from '../internal/control-plane-audit';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';
import { requireString, requireStrings } from '../../validation';

/** Props of {@link PlatformMonitoring}. */
export interface PlatformMonitoringProps {
  /** Name prefix, e.g. `platform-prod`. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /**
   * Use an existing Log Analytics workspace instead of creating one.
   * @default - a workspace is created
   */
  readonly existingWorkspaceId?: string;
  /**
   * Days the created workspace keeps logs (30-730).
   * @default 90
   */
  readonly retentionDays?: number;
  /**
   * Turn on Defender for Containers for the whole subscription (registry scanning, runtime protection).
   * Subscription-wide, so off unless asked; the cluster's `microsoft_defender` block is on either way.
   * @default false
   */
  readonly defenderForContainersPlan?: boolean;
}

/**
 * The platform's Log Analytics workspace (or yours), control-plane audit log export for clusters
 * (CIS AKS 1.8 2.1.1) and, optionally, the Defender for Containers plan (CIS AKS 1.8 5.1.1).
 */
export class PlatformMonitoring extends Construct {
  /** Resource id of the workspace. */
  public readonly workspaceId: string;
  /** The workspace, when this construct created it. */
  public readonly workspace?: LogAnalyticsWorkspace;
  private readonly clusterDiagnostics = new Map<string, MonitorDiagnosticSetting>();

  constructor(scope: Construct, id: string, props: PlatformMonitoringProps) {
    super(libraryScope(scope, id, 'PlatformMonitoring'), id);
    const construct = `PlatformMonitoring ${this.node.path}`;
    requireStrings(construct, props, ['name', 'resourceGroupName', 'location']);
    const retention = props.retentionDays ?? 90;
    if (!Number.isInteger(retention) || retention < 30 || retention > 730) {
      throw invalidProp(construct, 'retentionDays', retention, 'a whole number of days from 30 to 730', 'use 90');
    }
    if (props.existingWorkspaceId) {
      this.workspaceId = props.existingWorkspaceId;
    } else {
      this.workspace = new LogAnalyticsWorkspace(this, 'workspace', {
        name: `log-${props.name}`,
        resourceGroupName: props.resourceGroupName,
        location: props.location,
        sku: 'PerGB2018',
        retentionInDays: retention,
        // Entra ID only: no shared workspace keys.
        localAuthenticationEnabled: false,
      });
      this.workspaceId = this.workspace.id;
    }
    if (props.defenderForContainersPlan) {
      const SecurityCenterSubscriptionPricing = optionalResources.securityCenterSubscriptionPricing();
      new SecurityCenterSubscriptionPricing(this, 'defender-for-containers', {
        resourceType: 'Containers',
        tier: 'Standard',
        extension: [{ name: 'ContainerRegistriesVulnerabilityAssessments' }, { name: 'ContainerSensor' }, { name: 'AgentlessDiscoveryForKubernetes' }],
      });
    }
  }

  /**
   * Sends the control-plane audit logs (kube-audit-admin, guard) and API server logs of a cluster created
   * elsewhere to the workspace (CIS AKS 1.8 2.1.1). A `HardenedAksCluster` writes this setting itself
   * (`auditLogsEnabled`): for its `clusterId` this returns the cluster's own setting when it goes to this
   * workspace, and creates no second one (Azure allows one setting of a name per resource). A second call
   * for the same cluster id returns the first setting.
   */
  public addClusterDiagnostics(id: string, clusterId: string): MonitorDiagnosticSetting {
    const construct = `PlatformMonitoring ${this.node.path}`;
    requireString(construct, 'clusterId', clusterId, 'pass the resource id of the cluster, e.g. cluster.clusterId');
    const own = clusterAuditExport(this, clusterId);
    if (own) {
      if (own.workspaceId !== this.workspaceId) {
        throw new HardenedK8sError(
          `${construct}: addClusterDiagnostics("${id}") targets HardenedAksCluster ${own.clusterPath}, which already sends its audit logs ` +
            'to its own logAnalyticsWorkspaceId, and that is not this workspace. Allowed: one audit setting per cluster. ' +
            'Fix: remove this call (the cluster writes the setting), give the cluster this workspace as logAnalyticsWorkspaceId, ' +
            'or set auditLogsEnabled: false on the cluster and keep this call.',
        );
      }
      return own.setting;
    }
    const existing = this.clusterDiagnostics.get(clusterId);
    if (existing) {
      return existing;
    }
    const setting = controlPlaneAuditSetting(this, id, clusterId, this.workspaceId);
    this.clusterDiagnostics.set(clusterId, setting);
    return setting;
  }
}
