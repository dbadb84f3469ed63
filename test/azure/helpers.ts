import { AzurermProvider } from '@cdktf/provider-azurerm/lib/provider';
import { TerraformStack, Testing } from 'cdktf';

/** A stack with the azurerm provider in a fresh Testing app. */
export function stack(): TerraformStack {
  const s = new TerraformStack(Testing.app(), 'infra');
  new AzurermProvider(s, 'azurerm', { features: [{}] });
  return s;
}

/** The parsed Terraform JSON of a stack. */
export function synthJson(s: TerraformStack): any {
  return JSON.parse(Testing.synth(s));
}

/** The single resource of a type (fails when there is not exactly one). */
export function only(json: any, type: string): any {
  const all = Object.values(json.resource?.[type] ?? {});
  if (all.length !== 1) {
    throw new Error(`expected one ${type}, found ${all.length}`);
  }
  return all[0];
}

export const VAULT_PROPS = {
  name: 'kv-platform-test',
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  privateEndpointSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/private-endpoints',
  privateDnsZoneId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net',
  logAnalyticsWorkspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/law',
};

// Types of the cdktf matchers test/setup.ts installs with Testing.setupJest().
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      toHaveResourceWithProperties(resourceType: { tfResourceType: string }, properties: Record<string, any>): R;
    }
  }
}
