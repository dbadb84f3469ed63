import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { HardenedRke2Cluster, HardenedRke2ClusterProps, Rancher2Provider } from '../../lib';

/** The props every HardenedRke2Cluster test starts from (a sensitive variable for the secret). */
export function baseProps(stack: TerraformStack, overrides: Partial<HardenedRke2ClusterProps> = {}): HardenedRke2ClusterProps {
  const secret = new TerraformVariable(stack, `secret-${stack.node.children.length}`, { type: 'string', sensitive: true });
  return {
    clusterName: 'rke2-prod',
    kubernetesVersion: 'v1.32.5+rke2r1',
    azureClientId: '00000000-0000-0000-0000-000000000001',
    azureClientSecret: secret.stringValue,
    azureSubscriptionId: '00000000-0000-0000-0000-000000000002',
    location: 'westeurope',
    resourceGroupName: 'rg-rke2',
    virtualNetworkName: 'rg-network:vnet-rke2',
    subnetName: 'snet-nodes',
    networkSecurityGroup: 'nsg-nodes',
    allowedRegistries: ['acrplatform.azurecr.io/'],
    ...overrides,
  };
}

/** A stack with the rancher2 provider. */
export function rancherStack(app: App, id = 'rke2'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new Rancher2Provider(stack, 'rancher2', {});
  return stack;
}

/** A default HardenedRke2Cluster in a fresh stack. */
export function defaultCluster(app: App, overrides: Partial<HardenedRke2ClusterProps> = {}): { stack: TerraformStack; cluster: HardenedRke2Cluster } {
  const stack = rancherStack(app);
  const cluster = new HardenedRke2Cluster(stack, 'rke2', baseProps(stack, overrides));
  return { stack, cluster };
}
