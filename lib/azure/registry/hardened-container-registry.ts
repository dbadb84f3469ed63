import { ContainerRegistry } from '@cdktf/provider-azurerm/lib/container-registry';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp } from '../../errors';
import { diagnosticsToWorkspace } from '../internal/diagnostics';
import { addPrivateEndpoint } from '../internal/private-endpoint';
import { assignRoleToManagedIdentity } from '../internal/role-assignment';
import { ContainerRegistryReplica, georeplications } from './registry-replicas';
import { libraryScope } from '../../scope';
import { requireString, requireStrings } from '../../validation';

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
  /**
   * Regions the registry replicates to (Premium geo-replication): pulls stay in-region and a regional
   * outage leaves the images reachable. The private endpoint serves every replica's data endpoint.
   * @default - none: a single-region registry (checkov CKV_AZURE_165, which asks for geo-replication, fails)
   */
  readonly replicas?: ContainerRegistryReplica[];
}

/**
 * A Premium container registry reachable only over its private endpoint: admin user off, anonymous pull
 * off, network default deny, quarantine, retention, zone redundancy, content trust, no export.
 * Grant access with `grantPull` (AcrPull only, CIS AKS 1.8 5.1.3) and `grantPush`; a `HardenedAksCluster`
 * given this registry in `containerRegistries` grants its kubelet identity AcrPull itself.
 */
export class HardenedContainerRegistry extends Construct {
  /** The registry resource. */
  public readonly registry: ContainerRegistry;
  /** Resource id of the registry. */
  public readonly registryId: string;
  /** Role assignments by role and principal: Azure rejects a second identical assignment. */
  private readonly grants = new Map<string, RoleAssignment>();

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
      georeplications: georeplications(construct, props.location, props.replicas),
    });
    this.registryId = this.registry.id;
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

  /** Login server, e.g. `acrplatformprod.azurecr.io`. */
  public get loginServer(): string {
    return this.registry.loginServer;
  }

  /**
   * Read-only pull access for a cluster's kubelet identity (CIS AKS 1.8 5.1.3). Granting a principal that
   * already has pull access (e.g. a cluster wired with `containerRegistries`) returns the existing assignment.
   */
  public grantPull(id: string, principalId: string): RoleAssignment {
    return this.grant(this, id, principalId, 'AcrPull');
  }

  /** Push access for a CI identity (CIS AKS 1.8 5.1.2: no broader role than needed). */
  public grantPush(id: string, principalId: string): RoleAssignment {
    return this.grant(this, id, principalId, 'AcrPush');
  }

  /**
   * AcrPull for a principal, created in the given scope (the cluster wiring the registry, so that the
   * cluster's stack depends on the registry's and not the other way round).
   * @internal
   */
  public _grantPullIn(scope: Construct, id: string, principalId: string): RoleAssignment {
    return this.grant(scope, id, principalId, 'AcrPull');
  }

  private grant(scope: Construct, id: string, principalId: string, role: string): RoleAssignment {
    requireString(`HardenedContainerRegistry ${this.node.path}`, 'principalId', principalId, 'pass the object id of the identity, e.g. cluster.kubeletIdentityObjectId');
    const key = `${role} ${principalId}`;
    let assignment = this.grants.get(key);
    if (!assignment) {
      assignment = assignRoleToManagedIdentity(scope, id, this.registry.id, role, principalId);
      this.grants.set(key, assignment);
    }
    return assignment;
  }
}
