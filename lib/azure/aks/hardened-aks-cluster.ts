import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import type { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import type { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp } from '../../errors';
import type { TlsIngressGateway } from '../appgw/tls-ingress-gateway';
import { controlPlaneAuditSetting, recordClusterAuditExport } from '../internal/control-plane-audit';
import { assignRoleToManagedIdentity } from '../internal/role-assignment';
import type { HardenedContainerRegistry } from '../registry/hardened-container-registry';
import { ClusterWiring, validateClusterWiring } from './cluster-wiring';
import {
  ClusterEndpoint,
  IKubernetesCluster,
  Kubelogin,
  KubeloginMode,
  KubernetesDistribution,
  PolicyEngine,
} from '../../kubernetes/cluster';
import { AksNodePool } from './aks-node-pool';
import { validateAuthorizedRanges, validateDnsPrefix, validateKmsKeyId, validateKubernetesVersion } from './cluster-validation';
import { validateServiceNetwork } from './service-network';
import { POLICY_ENGINE_TAG } from './policy-engine-tag';
import { ApiServerAccess, AksNodeOsUpgradeChannel, AksSkuTier, AksUpgradeChannel, KmsKeyVaultNetworkAccess } from './enums';
import { AksNodePoolOptions } from './aks-node-pool-options';
import { poolAttributes, resolvePoolOptions } from './node-pool-settings';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';
import { requireStrings } from '../../validation';


/** Built-in Azure Policy: Kubernetes cluster pod security restricted standards for Linux-based workloads. */
/** The service network of the cluster when none is given (outside the default AksNetwork address space). */
const DEFAULT_SERVICE_CIDR = '172.16.0.0/16';
const DEFAULT_DNS_SERVICE_IP = '172.16.0.10';

const POD_SECURITY_RESTRICTED_INITIATIVE = '/providers/Microsoft.Authorization/policySetDefinitions/42b8ef37-b724-4e24-bbc8-7a7708edfe00';
/** Built-in Azure Policy: Kubernetes cluster containers should only use allowed images. */
const ALLOWED_IMAGES_POLICY = '/providers/Microsoft.Authorization/policyDefinitions/febd0533-8e55-448f-b837-bd0e06f16469';

/** Props of {@link HardenedAksCluster}. */
export interface HardenedAksClusterProps {
  /** Cluster name (1-63 letters, digits, `-` and `_`). */
  readonly name: string;
  /** Resource group of the cluster. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** Subnet of the system pool's nodes and pods (Azure CNI flat: pods take VNet IPs). */
  readonly systemSubnetId: string;
  /**
   * Log Analytics workspace for Container Insights, Defender for Containers and the control-plane audit
   * logs (`auditLogsEnabled`).
   */
  readonly logAnalyticsWorkspaceId: string;
  /**
   * Send the control-plane audit logs (kube-audit-admin, guard) and the API server logs to
   * `logAnalyticsWorkspaceId` with a diagnostic setting named `control-plane-audit` (`auditDiagnosticSetting`).
   * Setting false fails `aks-audit-logs` unless another setting exports them (e.g.
   * `PlatformMonitoring.addClusterDiagnostics`) or the rule is waived.
   * @default true (CIS AKS 1.8 2.1.1)
   */
  readonly auditLogsEnabled?: boolean;
  /** Entra ID groups that administer the cluster (CIS AKS 1.8 5.5.1). */
  readonly adminGroupObjectIds: string[];
  /**
   * Entra ID tenant of the cluster's users.
   * @default - the tenant of the provider's subscription
   */
  readonly tenantId?: string;
  /**
   * Kubernetes version `major.minor[.patch]`.
   * @default - the AKS default version at creation, then the automatic upgrade channel
   */
  readonly kubernetesVersion?: string;
  /**
   * DNS prefix of the cluster.
   * @default - the cluster name
   */
  readonly dnsPrefix?: string;
  /**
   * How the API server is reached.
   * @default ApiServerAccess.PRIVATE (CIS AKS 1.8 5.4.1, 5.4.2)
   */
  readonly apiServerAccess?: ApiServerAccess;
  /**
   * CIDRs allowed to reach a public API server; required with PUBLIC_RESTRICTED, never `0.0.0.0/0`.
   * @default - none (private API server)
   */
  readonly authorizedIpRanges?: string[];
  /**
   * Private DNS zone of a private cluster: `System` or the id of your own `privatelink.<region>.azmk8s.io` zone.
   * @default 'System'
   */
  readonly privateDnsZoneId?: string;
  /**
   * Delegated subnet for API server VNet integration (the API server gets an internal load balancer in it),
   * e.g. `network.apiServerSubnetId` (AksNetwork creates it by default). KMS with a private key vault needs it.
   * @default - no VNet integration
   */
  readonly apiServerSubnetId?: string;
  /**
   * Disable local (certificate) accounts so every user authenticates with Entra ID. Setting false fails the
   * `aks-entra-id-integration` rule unless waived.
   * @default true (CIS AKS 1.8 5.5.1)
   */
  readonly localAccountsDisabled?: boolean;
  /**
   * Authorize Kubernetes API calls with Azure RBAC.
   * @default true (CIS AKS 1.8 5.5.2)
   */
  readonly azureRbacEnabled?: boolean;
  /**
   * Workload identity (needs the OIDC issuer).
   * @default true (CIS AKS 1.8 5.2.1)
   */
  readonly workloadIdentityEnabled?: boolean;
  /**
   * OIDC issuer for workload identity federation.
   * @default true (CIS AKS 1.8 5.2.1)
   */
  readonly oidcIssuerEnabled?: boolean;
  /**
   * Versioned Key Vault key id for KMS etcd encryption of Kubernetes secrets.
   * @default - no KMS (fails the `aks-kms-etcd-encryption` rule, CIS AKS 1.8 5.3.1, unless waived)
   */
  readonly kmsKeyVaultKeyId?: string;
  /**
   * Key Vault holding the KMS key: the control-plane identity is granted Key Vault Crypto User on it and
   * the cluster waits for the grant.
   * @default - no grant is created (grant the control-plane identity yourself)
   */
  readonly kmsKeyVaultId?: string;
  /**
   * How the API server reaches the KMS key's vault.
   * @default KmsKeyVaultNetworkAccess.PRIVATE (CIS AKS 1.8 5.3.1)
   */
  readonly kmsKeyVaultNetworkAccess?: KmsKeyVaultNetworkAccess;
  /**
   * Admission policy engine: a self-installed Gatekeeper (the baseline) or the Azure Policy add-on.
   * Never both.
   * @default PolicyEngine.GATEKEEPER (CIS AKS 1.8 5.1.4 proven in-cluster by the baseline)
   */
  readonly policyEngine?: PolicyEngine;
  /**
   * Regex of allowed container images, for the Azure Policy allowed-images assignment (AZURE_POLICY only).
   * @default - required with PolicyEngine.AZURE_POLICY
   */
  readonly allowedImagesRegex?: string;
  /**
   * Defender for Containers on the cluster, reporting to the workspace.
   * @default true (CIS AKS 1.8 5.1.1)
   */
  readonly defenderEnabled?: boolean;
  /**
   * Image cleaner interval in hours (24-2160) removing unused, vulnerable images from nodes.
   * @default 48
   */
  readonly imageCleanerIntervalHours?: number;
  /**
   * Automatic Kubernetes upgrade channel.
   * @default AksUpgradeChannel.PATCH
   */
  readonly automaticUpgradeChannel?: AksUpgradeChannel;
  /**
   * Node OS upgrade channel.
   * @default AksNodeOsUpgradeChannel.NODE_IMAGE
   */
  readonly nodeOsUpgradeChannel?: AksNodeOsUpgradeChannel;
  /**
   * Allow `az aks command invoke` (runs commands in the cluster bypassing the private endpoint).
   * @default false
   */
  readonly runCommandEnabled?: boolean;
  /**
   * Pricing tier.
   * @default AksSkuTier.STANDARD
   */
  readonly skuTier?: AksSkuTier;
  /**
   * Run the AKS managed Istio add-on.
   * @default true
   */
  readonly managedIstio?: boolean;
  /**
   * Managed Istio revision (`asm-1-<minor>`). From asm-1-30 a new mesh redirects traffic with Istio CNI,
   * so meshed pods pass Pod Security restricted; a mesh upgraded from asm-1-25..1-29 keeps the privileged
   * istio-init containers until Istio CNI is enabled (`az aks mesh enable-istio-cni`; azurerm has no setting).
   * @default 'asm-1-30'
   */
  readonly istioRevision?: string;
  /**
   * Registries of this app the nodes pull images from: the kubelet identity gets AcrPull, and only that,
   * on each (CIS AKS 1.8 5.1.3). Without it the `aks-kubelet-acr-pull` rule fails synth when the stack holds
   * a registry the kubelet cannot pull from.
   * @default - no registry
   */
  readonly containerRegistries?: HardenedContainerRegistry[];
  /**
   * Resource ids of registries created elsewhere the nodes pull images from: the kubelet identity gets
   * AcrPull on each (CIS AKS 1.8 5.1.3).
   * @default - none
   */
  readonly containerRegistryIds?: string[];
  /**
   * The TlsIngressGateway of this app that the AGIC add-on manages: turns the add-on on for it and grants
   * the add-on's identity what AGIC needs (Contributor on the gateway, Reader on its resource group, Network
   * Contributor on its subnet, Managed Identity Operator on its identity). Needs a user node pool (the
   * system pool takes critical add-ons only). Give this or `applicationGatewayId`.
   * @default - no AGIC
   */
  readonly applicationGateway?: TlsIngressGateway;
  /**
   * Resource id of an Application Gateway created elsewhere for the AGIC add-on. Grant the add-on's identity
   * (`agicIdentityObjectId`) its roles yourself, e.g. with `TlsIngressGateway.grantAgic`; the
   * `aks-agic-permissions` rule checks them. Needs a user node pool. Give this or `applicationGateway`.
   * @default - no AGIC
   */
  readonly applicationGatewayId?: string;
  /**
   * Disk encryption set (customer-managed key) for OS and data disks.
   * @default - platform-managed keys
   */
  readonly diskEncryptionSetId?: string;
  /**
   * Kubernetes service CIDR: an IPv4 block from /12 to /29 outside 169.254.0.0/16, 172.30.0.0/16,
   * 172.31.0.0/16 and 192.0.2.0/24 (AKS reserves them). It must not overlap the VNet or its subnets, which
   * the `aks-service-cidr-outside-vnet` rule checks against the network in the stack.
   * @default '172.16.0.0/16'
   */
  readonly serviceCidr?: string;
  /**
   * Cluster DNS service IP inside the service CIDR, not its network, first or broadcast address.
   * @default '172.16.0.10'
   */
  readonly dnsServiceIp?: string;
  /**
   * System node pool settings.
   * @default - 3-6 Standard_D4ds_v5 nodes over three zones, hardened
   */
  readonly systemNodePool?: AksNodePoolOptions;
  /**
   * How kubelogin gets tokens for the kubernetes and helm providers of the baseline stacks.
   * @default KubeloginMode.AZURE_CLI
   */
  readonly kubeloginMode?: KubeloginMode;
}

/**
 * A hardened AKS cluster: private API server, Entra ID only with Azure RBAC, Azure CNI flat with Calico,
 * workload identity, KMS-ready, Defender, managed Istio, patch upgrades, hardened node pools, and its
 * control-plane audit logs sent to the workspace. Given the registries and the gateway of the app
 * (`containerRegistries`, `applicationGateway`) it grants its kubelet AcrPull and the AGIC add-on its roles.
 * Each insecure choice is an explicit prop that fails its compliance rule unless waived.
 */
export class HardenedAksCluster extends Construct implements IKubernetesCluster {
  /** The cluster resource. */
  public readonly cluster: KubernetesCluster;
  /** Identity of the control plane. */
  public readonly controlPlaneIdentity: UserAssignedIdentity;
  /** Identity of the kubelets (pulls images: grant it AcrPull only, CIS AKS 1.8 5.1.3). */
  public readonly kubeletIdentity: UserAssignedIdentity;
  public readonly clusterName: string;
  public readonly distribution = KubernetesDistribution.AKS;
  public readonly endpoint: ClusterEndpoint;
  public readonly policyEngine: PolicyEngine;
  public readonly managedIstioRevision?: string;
  public readonly secretsStoreCsiManaged = true;
  public readonly oidcIssuerUrl?: string;
  /** Resource id of the cluster. */
  public readonly clusterId: string;
  /** Entra ID groups that administer the cluster (`adminGroupObjectIds`). */
  public readonly adminGroupObjectIds?: string[];
  /** Object id of the kubelet identity (AcrPull on the registries in `containerRegistries`, CIS AKS 1.8 5.1.3). */
  public readonly kubeletIdentityObjectId: string;
  /** The diagnostic setting exporting the control-plane audit logs, unless `auditLogsEnabled` is false. */
  public readonly auditDiagnosticSetting?: MonitorDiagnosticSetting;
  /** AcrPull role assignments of the kubelet identity (`containerRegistries`, `containerRegistryIds`). */
  public readonly acrPullRoleAssignments: RoleAssignment[];
  /** Role assignments of the AGIC add-on's identity on the `applicationGateway` (none with `applicationGatewayId`). */
  public readonly agicRoleAssignments: RoleAssignment[];
  private readonly props: HardenedAksClusterProps;
  private readonly userPools: AksNodePool[] = [];
  private readonly agicEnabled: boolean;

  constructor(scope: Construct, id: string, props: HardenedAksClusterProps) {
    super(libraryScope(scope, id, 'HardenedAksCluster'), id);
    const construct = `HardenedAksCluster ${this.node.path}`;
    validateRequired(construct, props);
    this.props = props;
    this.adminGroupObjectIds = props.adminGroupObjectIds;
    validateKubernetesVersion(construct, props.kubernetesVersion);
    validateDnsPrefix(construct, props.dnsPrefix, props.name);
    validateServiceNetwork(construct, props.serviceCidr ?? DEFAULT_SERVICE_CIDR, props.dnsServiceIp ?? DEFAULT_DNS_SERVICE_IP, {
      serviceCidr: props.serviceCidr !== undefined,
      dnsServiceIp: props.dnsServiceIp !== undefined,
    });
    validateKmsKeyId(construct, props.kmsKeyVaultKeyId);
    const access = props.apiServerAccess ?? ApiServerAccess.PRIVATE;
    validateAuthorizedRanges(construct, access, props.authorizedIpRanges);
    const oidc = props.oidcIssuerEnabled ?? true;
    const workloadIdentity = props.workloadIdentityEnabled ?? true;
    if (workloadIdentity && !oidc) {
      throw invalidProp(construct, 'oidcIssuerEnabled', false, 'true when workloadIdentityEnabled is true', 'set oidcIssuerEnabled: true, or workloadIdentityEnabled: false');
    }
    const imageCleanerHours = props.imageCleanerIntervalHours ?? 48;
    if (!Number.isInteger(imageCleanerHours) || imageCleanerHours < 24 || imageCleanerHours > 2160) {
      throw invalidProp(construct, 'imageCleanerIntervalHours', imageCleanerHours, 'a whole number of hours from 24 to 2160', 'use 48');
    }
    const upgradeChannel = props.automaticUpgradeChannel ?? AksUpgradeChannel.PATCH;
    const nodeOsChannel = props.nodeOsUpgradeChannel ?? AksNodeOsUpgradeChannel.NODE_IMAGE;
    if (upgradeChannel === AksUpgradeChannel.NODE_IMAGE && nodeOsChannel !== AksNodeOsUpgradeChannel.NODE_IMAGE) {
      throw invalidProp(construct, 'nodeOsUpgradeChannel', nodeOsChannel, 'NodeImage when automaticUpgradeChannel is node-image', 'use AksNodeOsUpgradeChannel.NODE_IMAGE');
    }
    const revision = props.istioRevision ?? 'asm-1-30';
    if (!Token.isUnresolved(revision) && !/^asm-1-\d+$/.test(revision)) {
      throw invalidProp(construct, 'istioRevision', revision, 'an AKS mesh revision such as "asm-1-30"', 'use a revision from `az aks mesh get-revisions`');
    }
    const policyEngine = props.policyEngine ?? PolicyEngine.GATEKEEPER;
    if (!Object.values(PolicyEngine).includes(policyEngine)) {
      throw invalidProp(construct, 'policyEngine', policyEngine, Object.values(PolicyEngine).join(', '), 'use a PolicyEngine member');
    }
    if (policyEngine === PolicyEngine.AZURE_POLICY && !props.allowedImagesRegex) {
      throw missingProp(construct, 'allowedImagesRegex', 'give the regex of allowed images, e.g. "^myacr\\.azurecr\\.io/.+$" (CIS AKS 1.8 5.1.4)');
    }
    const kmsAccess = props.kmsKeyVaultNetworkAccess ?? KmsKeyVaultNetworkAccess.PRIVATE;
    if (props.kmsKeyVaultKeyId && kmsAccess === KmsKeyVaultNetworkAccess.PRIVATE && !props.apiServerSubnetId) {
      throw missingProp(
        construct,
        'apiServerSubnetId',
        'KMS with a private key vault needs API server VNet integration: pass apiServerSubnetId: network.apiServerSubnetId ' +
          '(AksNetwork creates the delegated subnet by default), or the id of your own subnet delegated to Microsoft.ContainerService/managedClusters',
      );
    }
    const systemPool = resolvePoolOptions(construct, 'system', props.systemNodePool, true);
    const wiring = validateClusterWiring(construct, props);
    props.applicationGateway?._claimAgic(this.node.path);
    this.agicEnabled = wiring.gatewayId !== undefined;

    this.controlPlaneIdentity = new UserAssignedIdentity(this, 'control-plane-identity', {
      name: `id-${props.name}-control-plane`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    this.kubeletIdentity = new UserAssignedIdentity(this, 'kubelet-identity', {
      name: `id-${props.name}-kubelet`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    const grants = this.identityGrants(props);

    const kms = props.kmsKeyVaultKeyId
      ? { keyVaultKeyId: props.kmsKeyVaultKeyId, keyVaultNetworkAccess: kmsAccess }
      : undefined;
    this.cluster = new KubernetesCluster(this, 'cluster', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      dnsPrefix: props.dnsPrefix ?? props.name,
      kubernetesVersion: props.kubernetesVersion,
      skuTier: props.skuTier ?? AksSkuTier.STANDARD,
      privateClusterEnabled: access === ApiServerAccess.PRIVATE,
      privateClusterPublicFqdnEnabled: false,
      privateDnsZoneId: access === ApiServerAccess.PRIVATE ? props.privateDnsZoneId ?? 'System' : undefined,
      apiServerAccessProfile: apiServerAccessProfile(access, props),
      localAccountDisabled: props.localAccountsDisabled ?? true,
      roleBasedAccessControlEnabled: true,
      azureActiveDirectoryRoleBasedAccessControl: {
        adminGroupObjectIds: props.adminGroupObjectIds,
        azureRbacEnabled: props.azureRbacEnabled ?? true,
        tenantId: props.tenantId,
      },
      oidcIssuerEnabled: oidc,
      workloadIdentityEnabled: workloadIdentity,
      identity: { type: 'UserAssigned', identityIds: [this.controlPlaneIdentity.id] },
      kubeletIdentity: {
        clientId: this.kubeletIdentity.clientId,
        objectId: this.kubeletIdentity.principalId,
        userAssignedIdentityId: this.kubeletIdentity.id,
      },
      keyManagementService: kms,
      keyVaultSecretsProvider: { secretRotationEnabled: true, secretRotationInterval: '2m' },
      microsoftDefender: props.defenderEnabled ?? true ? { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId } : undefined,
      omsAgent: { logAnalyticsWorkspaceId: props.logAnalyticsWorkspaceId, msiAuthForMonitoringEnabled: true },
      azurePolicyEnabled: policyEngine === PolicyEngine.AZURE_POLICY,
      imageCleanerEnabled: true,
      imageCleanerIntervalHours: imageCleanerHours,
      automaticUpgradeChannel: upgradeChannel,
      nodeOsUpgradeChannel: nodeOsChannel,
      runCommandEnabled: props.runCommandEnabled ?? false,
      httpApplicationRoutingEnabled: false,
      diskEncryptionSetId: props.diskEncryptionSetId,
      serviceMeshProfile: props.managedIstio ?? true ? { mode: 'Istio', revisions: [revision] } : undefined,
      ingressApplicationGateway: wiring.gatewayId !== undefined ? { gatewayId: wiring.gatewayId } : undefined,
      networkProfile: {
        // Azure CNI flat: pods get VNet IPs reachable from the company network; Calico enforces
        // NetworkPolicy and coexists with Istio; the data plane stays azure (cilium needs cilium policy).
        networkPlugin: 'azure',
        networkPolicy: 'calico',
        networkDataPlane: 'azure',
        loadBalancerSku: 'standard',
        outboundType: 'loadBalancer',
        serviceCidr: props.serviceCidr ?? DEFAULT_SERVICE_CIDR,
        dnsServiceIp: props.dnsServiceIp ?? DEFAULT_DNS_SERVICE_IP,
      },
      defaultNodePool: {
        name: 'system',
        onlyCriticalAddonsEnabled: true,
        temporaryNameForRotation: 'systemtmp',
        ...poolAttributes(systemPool, props.systemSubnetId),
      },
      tags: { [POLICY_ENGINE_TAG]: policyEngine },
      dependsOn: grants,
    });

    if (policyEngine === PolicyEngine.AZURE_POLICY) {
      this.assignAzurePolicies(props.allowedImagesRegex as string);
    }
    this.clusterName = props.name;
    this.clusterId = this.cluster.id;
    this.kubeletIdentityObjectId = this.kubeletIdentity.principalId;
    this.policyEngine = policyEngine;
    this.managedIstioRevision = props.managedIstio ?? true ? revision : undefined;
    this.oidcIssuerUrl = oidc ? this.cluster.oidcIssuerUrl : undefined;
    const fqdn = access === ApiServerAccess.PRIVATE ? this.cluster.privateFqdn : this.cluster.fqdn;
    this.endpoint = {
      host: `https://${fqdn}:443`,
      clusterCaCertificate: this.cluster.kubeConfig.get(0).clusterCaCertificate,
      exec: Kubelogin.exec(props.kubeloginMode ?? KubeloginMode.AZURE_CLI),
    };
    if (props.auditLogsEnabled ?? true) {
      this.auditDiagnosticSetting = controlPlaneAuditSetting(this, 'audit-logs', this.clusterId, props.logAnalyticsWorkspaceId);
      recordClusterAuditExport(this, this.clusterId, { clusterPath: this.node.path, workspaceId: props.logAnalyticsWorkspaceId, setting: this.auditDiagnosticSetting });
    }
    this.acrPullRoleAssignments = this.grantPulls(wiring);
    // In the cluster, not the gateway: the cluster's stack depends on the gateway's, never the reverse.
    this.agicRoleAssignments = props.applicationGateway?._agicRoleAssignmentsIn(new Construct(this, 'agic'), this.agicIdentityObjectId) ?? [];
    this.node.addValidation({ validate: () => this.validateAgicPool() });
  }

  /** Object id of the AGIC add-on's identity; only with `applicationGateway` or `applicationGatewayId`. */
  public get agicIdentityObjectId(): string {
    if (!this.agicEnabled) {
      throw new HardenedK8sError(
        `HardenedAksCluster ${this.node.path}: agicIdentityObjectId has no value because the AGIC add-on is off. ` +
          'Fix: give the cluster applicationGateway (a TlsIngressGateway) or applicationGatewayId.',
      );
    }
    return this.cluster.ingressApplicationGateway.ingressApplicationGatewayIdentity.get(0).objectId;
  }

  /** Adds a hardened user node pool in the given subnet. */
  public addUserNodePool(name: string, subnetId: string, options?: AksNodePoolOptions): AksNodePool {
    const pool = new AksNodePool(this, `pool-${name}`, { ...options, name, subnetId, kubernetesClusterId: this.cluster.id });
    this.userPools.push(pool);
    return pool;
  }

  /** AcrPull for the kubelet on every wired registry, created in the cluster (whose stack depends on the registry's). */
  private grantPulls(wiring: ClusterWiring): RoleAssignment[] {
    if (wiring.registries.length + wiring.registryIds.length === 0) {
      return [];
    }
    const scope = new Construct(this, 'acr-pull');
    return [
      ...wiring.registries.map((registry) => registry._grantPullIn(scope, registry.node.path.replace(/\//g, '-'), this.kubeletIdentityObjectId)),
      ...wiring.registryIds.map((registry) => assignRoleToManagedIdentity(scope, registry.id, registry.registryId, 'AcrPull', this.kubeletIdentityObjectId)),
    ];
  }

  private identityGrants(props: HardenedAksClusterProps): RoleAssignment[] {
    const grant = (id: string, scope: string, role: string, principalId: string) => assignRoleToManagedIdentity(this, id, scope, role, principalId);
    // AKS assigns the kubelet identity to the nodes on behalf of the control-plane identity.
    const grants = [grant('control-plane-manages-kubelet-identity', this.kubeletIdentity.id, 'Managed Identity Operator', this.controlPlaneIdentity.principalId)];
    // With a user-assigned identity in your VNet, AKS needs to join nodes and load balancers to the subnets.
    grants.push(grant('control-plane-system-subnet', props.systemSubnetId, 'Network Contributor', this.controlPlaneIdentity.principalId));
    if (props.apiServerSubnetId) {
      grants.push(grant('control-plane-api-server-subnet', props.apiServerSubnetId, 'Network Contributor', this.controlPlaneIdentity.principalId));
    }
    // A private DNS zone of your own: AKS writes the API server's record into it.
    const zone = props.privateDnsZoneId;
    if (zone && zone !== 'System' && zone !== 'None' && (props.apiServerAccess ?? ApiServerAccess.PRIVATE) === ApiServerAccess.PRIVATE) {
      grants.push(grant('control-plane-private-dns-zone', zone, 'Private DNS Zone Contributor', this.controlPlaneIdentity.principalId));
    }
    if (props.kmsKeyVaultId) {
      grants.push(grant('control-plane-kms-crypto-user', props.kmsKeyVaultId, 'Key Vault Crypto User', this.controlPlaneIdentity.principalId));
    }
    return grants;
  }

  private assignAzurePolicies(allowedImagesRegex: string): void {
    const ResourcePolicyAssignment = optionalResources.resourcePolicyAssignment();
    new ResourcePolicyAssignment(this, 'pod-security-restricted', {
      name: `${this.props.name}-pod-security-restricted`.slice(0, 64),
      resourceId: this.cluster.id,
      policyDefinitionId: POD_SECURITY_RESTRICTED_INITIATIVE,
      displayName: 'Pod security restricted standards for Linux workloads',
      parameters: JSON.stringify({ effect: { value: 'deny' } }),
    });
    new ResourcePolicyAssignment(this, 'allowed-images', {
      name: `${this.props.name}-allowed-images`.slice(0, 64),
      resourceId: this.cluster.id,
      policyDefinitionId: ALLOWED_IMAGES_POLICY,
      displayName: 'Containers only use allowed images (CIS AKS 1.8 5.1.4)',
      parameters: JSON.stringify({ effect: { value: 'deny' }, allowedContainerImagesRegex: { value: allowedImagesRegex } }),
    });
  }

  private validateAgicPool(): string[] {
    if (this.agicEnabled && this.userPools.length === 0) {
      const prop = this.props.applicationGateway ? 'applicationGateway' : 'applicationGatewayId';
      return [
        `HardenedAksCluster ${this.node.path}: ${prop} is set but the cluster has no user node pool; the system pool only runs critical add-ons, so the AGIC pod cannot be scheduled. Fix: call addUserNodePool(...).`,
      ];
    }
    return [];
  }
}

function validateRequired(construct: string, props: HardenedAksClusterProps): void {
  if (!props) {
    throw missingProp(construct, 'props', 'pass HardenedAksClusterProps');
  }
  requireStrings(construct, props, ['name', 'resourceGroupName', 'location', 'systemSubnetId', 'logAnalyticsWorkspaceId']);
  if (!Token.isUnresolved(props.name) && !/^[A-Za-z0-9]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?$/.test(props.name)) {
    throw invalidProp(construct, 'name', props.name, '1-63 letters, digits, "-" and "_", starting and ending with a letter or digit', 'use a name such as "aks-platform-prod"');
  }
  if (!Array.isArray(props.adminGroupObjectIds) || props.adminGroupObjectIds.length === 0) {
    throw missingProp(construct, 'adminGroupObjectIds', 'give at least one Entra ID group object id that administers the cluster (CIS AKS 1.8 5.5.1)');
  }
}

function apiServerAccessProfile(access: ApiServerAccess, props: HardenedAksClusterProps) {
  const integration = props.apiServerSubnetId ? { subnetId: props.apiServerSubnetId, virtualNetworkIntegrationEnabled: true } : {};
  if (access === ApiServerAccess.PUBLIC_RESTRICTED) {
    return { authorizedIpRanges: props.authorizedIpRanges, ...integration };
  }
  return props.apiServerSubnetId ? integration : undefined;
}
