// The default example: a hardened AKS platform, checked against CIS AKS 1.8 at synth time.
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { LogAnalyticsWorkspace } from '@cdktf/provider-azurerm/lib/log-analytics-workspace';
import { MonitorDiagnosticSetting } from '@cdktf/provider-azurerm/lib/monitor-diagnostic-setting';
import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { CisAksPack, Compliance } from '../../lib';

const app = new App();
const stack = new TerraformStack(app, 'aks-infra');
new AzurermProvider(stack, 'azurerm', { features: [{}] });
const rg = new ResourceGroup(stack, 'rg', { name: 'rg-platform-prod', location: 'westeurope' });
const workspace = new LogAnalyticsWorkspace(stack, 'logs', {
  name: 'log-platform-prod',
  location: rg.location,
  resourceGroupName: rg.name,
  sku: 'PerGB2018',
  retentionInDays: 90,
});
const cluster = new KubernetesCluster(stack, 'aks', {
  name: 'aks-platform-prod',
  location: rg.location,
  resourceGroupName: rg.name,
  dnsPrefix: 'aks-platform-prod',
  privateClusterEnabled: true,
  privateClusterPublicFqdnEnabled: false,
  defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5', nodeCount: 3 },
  identity: { type: 'SystemAssigned' },
});
new MonitorDiagnosticSetting(stack, 'aks-audit', {
  name: 'aks-audit',
  targetResourceId: cluster.id,
  logAnalyticsWorkspaceId: workspace.id,
  enabledLog: [{ category: 'kube-audit-admin' }, { category: 'guard' }],
});

Compliance.of(app).apply(new CisAksPack());
app.synth();
