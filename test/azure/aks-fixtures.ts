import { TerraformStack } from 'cdktf';
import { HardenedAksClusterProps } from '../../lib';

/** Minimal valid props for HardenedAksCluster. */
export function aksProps(overrides: Partial<HardenedAksClusterProps> = {}): HardenedAksClusterProps {
  return {
    name: 'aks-test',
    resourceGroupName: 'rg-test',
    location: 'westeurope',
    systemSubnetId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/system',
    logAnalyticsWorkspaceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/log',
    adminGroupObjectIds: ['00000000-0000-0000-0000-000000000001'],
    ...overrides,
  };
}

export type StackFactory = () => TerraformStack;
