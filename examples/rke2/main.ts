// A Rancher-managed RKE2 cluster on Azure, hardened for CIS RKE2 1.8, with the in-cluster baseline on it.
// Synthesizes to cdktf.out/rke2 (or $CDKTF_OUTDIR) so it leaves the default example's output alone.
import * as fs from 'fs';
import { DataAzurermKeyVault } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault';
import { DataAzurermKeyVaultSecret } from '@cdktf/provider-azurerm/lib/data-azurerm-key-vault-secret';
import { NetworkSecurityGroup } from '@cdktf/provider-azurerm/lib/network-security-group';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { Subnet } from '@cdktf/provider-azurerm/lib/subnet';
import { SubnetNetworkSecurityGroupAssociation } from '@cdktf/provider-azurerm/lib/subnet-network-security-group-association';
import { VirtualNetwork } from '@cdktf/provider-azurerm/lib/virtual-network';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import {
  CisRke2Pack,
  ClusterBaseline,
  Compliance,
  HardenedRke2Cluster,
  KubernetesBaselinePack,
  Rancher2Provider,
  RancherAccess,
  RancherGlobalRole,
  RancherGroup,
  RancherComplianceChart,
  RancherComplianceScan,
  RemoteState,
} from '../../lib';
import { platformPolicy } from './policy';

const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out/rke2';
fs.mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });

const infra = new TerraformStack(app, 'rke2-infra');
new AzurermProvider(infra, 'azurerm', { features: [{}] });
// The Rancher API token comes from a sensitive variable (TF_VAR_rancher_token), never from the code.
const rancherToken = new TerraformVariable(infra, 'rancher_token', { type: 'string', sensitive: true, description: 'Rancher API token' });
new Rancher2Provider(infra, 'rancher2', { apiUrl: 'https://rancher.platform.example.com', tokenKey: rancherToken.stringValue });

// Network: the nodes live on a private subnet whose NSG admits nothing from the Internet.
const location = 'westeurope';
const network = new ResourceGroup(infra, 'network-rg', { name: 'rg-rke2-network', location });
const nodesRg = new ResourceGroup(infra, 'nodes-rg', { name: 'rg-rke2-nodes', location });
const vnet = new VirtualNetwork(infra, 'vnet', {
  name: 'vnet-rke2',
  location,
  resourceGroupName: network.name,
  addressSpace: ['10.40.0.0/16'],
});
const subnet = new Subnet(infra, 'nodes-subnet', {
  name: 'snet-rke2-nodes',
  resourceGroupName: network.name,
  virtualNetworkName: vnet.name,
  addressPrefixes: ['10.40.0.0/20'],
  defaultOutboundAccessEnabled: false,
});
const nsg = new NetworkSecurityGroup(infra, 'nodes-nsg', {
  name: 'nsg-rke2-nodes',
  location,
  resourceGroupName: network.name,
  securityRule: [
    {
      name: 'deny-internet-inbound',
      priority: 4000,
      direction: 'Inbound',
      access: 'Deny',
      protocol: '*',
      sourcePortRange: '*',
      destinationPortRange: '*',
      sourceAddressPrefix: 'Internet',
      destinationAddressPrefix: '*',
    },
  ],
});
new SubnetNetworkSecurityGroupAssociation(infra, 'nodes-nsg-association', { subnetId: subnet.id, networkSecurityGroupId: nsg.id });

// The service principal's secret is read from Key Vault: a sensitive reference, never a literal.
const vault = new DataAzurermKeyVault(infra, 'platform-kv', { name: 'kv-platform-prod', resourceGroupName: 'rg-platform-security' });
const clientSecret = new DataAzurermKeyVaultSecret(infra, 'rancher-sp-secret', { name: 'rancher-node-driver-client-secret', keyVaultId: vault.id });

const allowedRegistries = ['acrplatformprod.azurecr.io/', 'mcr.microsoft.com/'];
const rke2 = new HardenedRke2Cluster(infra, 'rke2', {
  clusterName: 'rke2-platform-prod',
  kubernetesVersion: 'v1.32.5+rke2r1',
  azureClientId: '11111111-2222-3333-4444-555555555555',
  azureClientSecret: clientSecret.value,
  azureSubscriptionId: '66666666-7777-8888-9999-000000000000',
  azureTenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  location,
  resourceGroupName: nodesRg.name,
  virtualNetworkName: `${network.name}:${vnet.name}`,
  subnetName: subnet.name,
  networkSecurityGroup: nsg.id,
  // Istio sidecars come from the upstream registry; the baseline's add-on namespaces pull their charts' images.
  allowedRegistries: [...allowedRegistries, 'docker.io/istio/'],
  imagePolicyExemptNamespaces: ['falco', 'gatekeeper-system', 'istio-system', 'kube-bench', 'trivy-system'],
});

// Who runs the cluster: the platform team's Entra ID group owns it (and may create clusters); the payments
// team works in its own project only. RkeClusterPolicyPack checks both at synth.
const platformTeam = RancherGroup.entraId('00000000-0000-0000-0000-00000000a0a0');
const paymentsTeam = RancherGroup.entraId('00000000-0000-0000-0000-00000000b0b0');
new RancherAccess(infra, 'access', {
  globalRoles: [{ group: platformTeam, role: RancherGlobalRole.CLUSTERS_CREATE }],
  clusters: [{ cluster: rke2.cluster, owners: [platformTeam], projects: [{ name: 'payments', members: [paymentsTeam] }] }],
});

const scan = new RancherComplianceScan(infra, 'compliance', { cluster: rke2, chart: RancherComplianceChart.RANCHER_COMPLIANCE });
new TerraformOutput(infra, 'cluster_v1_id', { value: rke2.clusterV1Id, description: 'Management cluster id for Rancher projects and role bindings' });

new ClusterBaseline(app, 'rke2-baseline', {
  cluster: rke2,
  allowedRegistries,
  addons: [scan.scheduledScan],
  namespaces: [{ name: 'payments' }],
});

// The state of both stacks lives in the team's state account (see examples/aks/state.ts), under its own prefix.
RemoteState.azureStorage(app, { storageAccountName: 'sttfstateplatform', keyPrefix: 'rke2' });
Compliance.of(app)
  .apply(new CisRke2Pack())
  .apply(platformPolicy)
  .apply(new KubernetesBaselinePack());
app.synth();
