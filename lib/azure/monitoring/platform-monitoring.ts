import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { Construct } from 'constructs';
import { requireStrings } from '../../required-props';
import { invalidProp } from '../../errors';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';

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
   * Sends a cluster's control-plane audit logs (kube-audit-admin, guard) and API server logs to the
   * workspace (CIS AKS 1.8 2.1.1).
   */
  public addClusterDiagnostics(id: string, clusterId: string): MonitorDiagnosticSetting {
    return diagnosticsToWorkspace(this, id, 'control-plane-audit', clusterId, this.workspaceId, ['kube-audit-admin', 'guard', 'kube-apiserver']);
  }
}
