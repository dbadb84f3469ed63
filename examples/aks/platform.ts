// One hardened AKS platform: network, monitoring, registry and cluster in an infrastructure stack,
// then the in-cluster baseline in its own stacks. A function so one app can hold several platforms.
import { DataAzurermClientConfig } from '@cdktf/provider-azurerm/lib/data-azurerm-client-config';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { App, TerraformStack } from 'cdktf';
import {
  AksNetwork,
  ClusterBaseline,
  HardenedAksCluster,
  HardenedContainerRegistry,
  HardenedKeyVault,
  KeyVaultObjectType,
  KeyVaultSecretProviderClass,
  MeshEgressProtocol,
  MeshIngressSource,
  PlatformMonitoring,
  TlsIngressGateway,
  WorkloadIdentity,
} from '../../lib';

/** Entra ID group of the platform team (cluster administrators). */
const PLATFORM_ADMINS_GROUP = '00000000-0000-0000-0000-00000000a0a0';
/** Entra ID group of the team that runs the apps namespace (tenants: workloads only, no secrets). */
const APPS_TEAM_GROUP = '00000000-0000-0000-0000-00000000b0b0';
/** The gateway and private endpoint subnets, named once: the mesh and network policies refer to them too. */
const GATEWAY_SUBNET = '10.240.8.0/24';
const PRIVATE_ENDPOINT_SUBNET = '10.240.9.0/27';

export interface AksPlatform {
  readonly infrastructure: TerraformStack;
  readonly cluster: HardenedAksCluster;
  readonly baseline: ClusterBaseline;
}

/** Adds the stacks of one platform named `name` (lower-case letters and digits) to the app. */
export function addAksPlatform(app: App, name: string, location = 'westeurope'): AksPlatform {
  const infrastructure = new TerraformStack(app, `${name}-infra`);
  new AzurermProvider(infrastructure, 'azurerm', { features: [{}], storageUseAzuread: true });
  const client = new DataAzurermClientConfig(infrastructure, 'client');
  const rg = new ResourceGroup(infrastructure, 'rg', { name: `rg-${name}`, location });

  // The default subnets, including the API server subnet that KMS with a private key vault needs.
  const network = new AksNetwork(infrastructure, 'network', {
    name,
    resourceGroupName: rg.name,
    location,
    applicationGatewaySubnetCidr: GATEWAY_SUBNET,
    privateEndpointSubnetCidr: PRIVATE_ENDPOINT_SUBNET,
  });
  const monitoring = new PlatformMonitoring(infrastructure, 'monitoring', { name, resourceGroupName: rg.name, location });
  const registry = new HardenedContainerRegistry(infrastructure, 'registry', {
    name: `acr${name.replace(/[^a-z0-9]/g, '')}`,
    resourceGroupName: rg.name,
    location,
    privateEndpointSubnetId: network.privateEndpointSubnetId,
    privateDnsZoneId: network.privateDnsZone('privatelink.azurecr.io'),
    logAnalyticsWorkspaceId: monitoring.workspaceId,
  });

  const vault = new HardenedKeyVault(infrastructure, 'vault', {
    name: `kv-${name}`,
    resourceGroupName: rg.name,
    location,
    tenantId: client.tenantId,
    privateEndpointSubnetId: network.privateEndpointSubnetId,
    privateDnsZoneId: network.privateDnsZone('privatelink.vaultcore.azure.net'),
    logAnalyticsWorkspaceId: monitoring.workspaceId,
  });
  const kmsKey = vault.addKmsKey('aks-kms', { name: 'aks-kms', expirationDate: '2027-12-31T00:00:00Z' });

  // TLS ends at the gateway with the certificate the platform team imported into the vault;
  // AGIC programs the routes from Ingress objects, to private pod IPs only. The WAF limits each client
  // address to 1000 requests a minute (TlsIngressGateway.DEFAULT_RATE_LIMIT).
  const gateway = new TlsIngressGateway(infrastructure, 'ingress', {
    name,
    resourceGroupName: rg.name,
    location,
    subnetId: network.applicationGatewaySubnetId,
    certificateSecretId: `https://kv-${name}.vault.azure.net/secrets/ingress-tls`,
    keyVaultId: vault.keyVaultId,
    logAnalyticsWorkspaceId: monitoring.workspaceId,
  });

  // Wiring the registry and the gateway grants the kubelet AcrPull and AGIC its roles on the gateway;
  // the cluster also sends its control-plane audit logs to the workspace.
  const cluster = new HardenedAksCluster(infrastructure, 'aks', {
    name: `aks-${name}`,
    resourceGroupName: rg.name,
    location,
    systemSubnetId: network.systemSubnetId,
    apiServerSubnetId: network.apiServerSubnetId,
    kmsKeyVaultKeyId: kmsKey.id,
    kmsKeyVaultId: vault.keyVaultId,
    containerRegistries: [registry],
    applicationGateway: gateway,
    logAnalyticsWorkspaceId: monitoring.workspaceId,
    adminGroupObjectIds: [PLATFORM_ADMINS_GROUP],
    tenantId: client.tenantId,
  });
  cluster.addUserNodePool('apps', network.userSubnetId);

  // A sample workload identity that reads one secret from the vault as a file.
  const appIdentity = new WorkloadIdentity(infrastructure, 'apps-identity', {
    name: `id-${name}-apps`,
    resourceGroupName: rg.name,
    location,
    oidcIssuerUrl: cluster.oidcIssuerUrl ?? '',
    namespace: 'apps',
    serviceAccountName: 'apps-api',
    keyVaultId: vault.keyVaultId,
  });

  const baseline = new ClusterBaseline(app, `${name}-baseline`, {
    cluster,
    allowedRegistries: [`acr${name.replace(/[^a-z0-9]/g, '')}.azurecr.io/`, 'mcr.microsoft.com/'],
  });
  const apps = baseline.addNamespace({ name: 'apps', tenant: { groupObjectIds: [APPS_TEAM_GROUP] } });
  new ServiceAccountV1(baseline.chartsStack, 'apps-api', {
    metadata: { name: 'apps-api', namespace: apps.namespaceName, annotations: { 'azure.workload.identity/client-id': appIdentity.clientId } },
    automountServiceAccountToken: false,
  });
  // The sample route: the gateway sends /api to the apps-api service. The mesh admits exactly that path from
  // the gateway subnet to the service's pods and port, and lets apps reach the vault through its private endpoint.
  new IngressV1(baseline.chartsStack, 'apps-api-route', {
    metadata: { name: 'apps-api', namespace: apps.namespaceName },
    spec: {
      ingressClassName: 'azure-application-gateway',
      rule: [{ http: { path: [{ path: '/api', pathType: 'Prefix', backend: { service: { name: 'apps-api', port: { number: 8080 } } } }] } }],
    },
  });
  baseline.istio?.allowIngress({
    name: 'apps-api',
    namespace: 'apps',
    workloadLabels: [{ key: 'app', value: 'apps-api' }],
    ports: [8080],
    paths: ['/api', '/api/*'],
    source: MeshIngressSource.applicationGatewaySubnet(GATEWAY_SUBNET),
  });
  baseline.istio?.allowEgress({
    name: 'key-vault',
    host: `kv-${name}.vault.azure.net`,
    port: 443,
    protocol: MeshEgressProtocol.HTTPS,
    namespaces: ['apps'],
    cidrs: [PRIVATE_ENDPOINT_SUBNET],
  });
  new KeyVaultSecretProviderClass(baseline.objectsStack, 'apps-secrets', {
    name: 'apps-secrets',
    namespace: 'apps',
    keyVaultName: vault.vaultName,
    tenantId: vault.tenantId,
    clientId: appIdentity.clientId,
    objects: [{ objectName: 'apps-db-password', objectType: KeyVaultObjectType.SECRET }],
  });
  return { infrastructure, cluster, baseline };
}
