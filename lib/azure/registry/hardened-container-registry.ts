import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { requireStrings } from '../../required-props';
import { invalidProp } from '../../errors';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { addPrivateEndpoint } from '../internal/private-endpoint';
import { libraryScope } from '../../scope';

/** Props of {@link HardenedContainerRegistry}. */
export interface HardenedContainerRegistryProps {
  /** Registry name: 5-50 letters and digits, globally unique. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Subnet of the registry's private endpoint. */
  readonly privateEndpointSubnetId: string;
  /** Private DNS zone `privatelink.azurecr.io` (e.g. `network.privateDnsZone('privatelink.azurecr.io')`). */
  readonly privateDnsZoneId: string;
  /**
   * Workspace for login and repository event logs.
   * @default - no diagnostic setting
   */
  readonly logAnalyticsWorkspaceId?: string;
  /**
   * Days untagged manifests are kept.
   * @default 7
   */
  readonly retentionDays?: number;
  /**
   * Quarantine new images until a scanner (e.g. Defender for Containers) marks them trusted; pulls of a
   * quarantined image fail, so the pipeline must release images. Setting false fails the
   * `acr-hardened-features` warning rule.
   * @default true
   */
  readonly quarantinePolicyEnabled?: boolean;
  /**
   * Allow access over the public endpoint. Setting true fails `acr-public-network-disabled` (CIS AKS 1.8 5.1.2) unless waived.
   * @default false (CIS AKS 1.8 5.1.2)
   */
  readonly publicNetworkAccessEnabled?: boolean;
  /**
   * Enable the admin user (a shared username and password). Setting true fails `acr-admin-disabled` unless waived.
   * @default false (CIS AKS 1.8 5.1.2)
   */
  readonly adminEnabled?: boolean;
}

/**
 * A Premium container registry reachable only over its private endpoint: admin user off, anonymous pull
 * off, network default deny, quarantine, retention, zone redundancy, content trust, no export.
 * Grant access with `grantPull` (AcrPull only, CIS AKS 1.8 5.1.3) and `grantPush`.
 */
export class HardenedContainerRegistry extends Construct {
  /** The registry resource. */
  public readonly registry: ContainerRegistry;

  constructor(scope: Construct, id: string, props: HardenedContainerRegistryProps) {
    super(libraryScope(scope, id, 'HardenedContainerRegistry'), id);
    const construct = `HardenedContainerRegistry ${this.node.path}`;
    requireStrings(construct, props, ['name', 'resourceGroupName', 'location', 'privateEndpointSubnetId', 'privateDnsZoneId']);
    if (!Token.isUnresolved(props.name) && !/^[a-zA-Z0-9]{5,50}$/.test(props.name)) {
      throw invalidProp(construct, 'name', props.name, '5-50 letters and digits (no hyphens)', 'use a name such as "acrplatformprod"');
    }
    const retention = props.retentionDays ?? 7;
    if (!Number.isInteger(retention) || retention < 0 || retention > 365) {
      throw invalidProp(construct, 'retentionDays', retention, 'a whole number of days from 0 to 365', 'use 7');
    }
    const publicAccess = props.publicNetworkAccessEnabled ?? false;
    this.registry = new ContainerRegistry(this, 'registry', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      sku: 'Premium',
      adminEnabled: props.adminEnabled ?? false,
      anonymousPullEnabled: false,
      publicNetworkAccessEnabled: publicAccess,
      networkRuleSet: [{ defaultAction: 'Deny' }],
      networkRuleBypassOption: 'AzureServices',
      // Export needs public access; off so images cannot be copied out of the private registry.
      exportPolicyEnabled: publicAccess,
      quarantinePolicyEnabled: props.quarantinePolicyEnabled ?? true,
      retentionPolicyInDays: retention,
      trustPolicyEnabled: true,
      zoneRedundancyEnabled: true,
      dataEndpointEnabled: true,
    });
    addPrivateEndpoint(this, 'private-endpoint', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.privateEndpointSubnetId,
      resourceId: this.registry.id,
      subresource: 'registry',
      privateDnsZoneId: props.privateDnsZoneId,
    });
    if (props.logAnalyticsWorkspaceId) {
      diagnosticsToWorkspace(this, 'diagnostics', 'security-logs', this.registry.id, props.logAnalyticsWorkspaceId, ['ContainerRegistryLoginEvents', 'ContainerRegistryRepositoryEvents']);
    }
  }

  /** Resource id of the registry. */
  public get registryId(): string {
    return this.registry.id;
  }

  /** Login server, e.g. `acrplatformprod.azurecr.io`. */
  public get loginServer(): string {
    return this.registry.loginServer;
  }

  /** Read-only pull access for a cluster's kubelet identity (CIS AKS 1.8 5.1.3). */
  public grantPull(id: string, principalId: string): RoleAssignment {
    return this.grant(id, principalId, 'AcrPull');
  }

  /** Push access for a CI identity (CIS AKS 1.8 5.1.2: no broader role than needed). */
  public grantPush(id: string, principalId: string): RoleAssignment {
    return this.grant(id, principalId, 'AcrPush');
  }

  private grant(id: string, principalId: string, role: string): RoleAssignment {
    return new RoleAssignment(this, id, { scope: this.registry.id, roleDefinitionName: role, principalId, principalType: 'ServicePrincipal' });
  }
}
