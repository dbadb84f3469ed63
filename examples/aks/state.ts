// The team's Terraform state: a hardened storage account in its own stack, reachable through a
// private endpoint in the runners' network (which exists before the platform), encrypted with a key
// of the security team's vault. Deploy it first: see "Remote state and fleets" in the README.
import { App } from 'cdktf';
import { HardenedStateBackend } from '../../lib';

/** Subscription of the shared management resources: runners' network, workspace, security vault. */
const MANAGEMENT = '/subscriptions/00000000-0000-0000-0000-0000000000aa/resourceGroups';
/** Object id of the workload identity the deployment pipeline runs Terraform as. */
const PIPELINE_IDENTITY = '00000000-0000-0000-0000-00000000b0b0';

/** Adds the state bootstrap stack `tfstate` to the app. */
export function addStateBackend(app: App): HardenedStateBackend {
  return new HardenedStateBackend(app, 'tfstate', {
    storageAccountName: 'sttfstateplatform',
    resourceGroupName: 'rg-tfstate',
    location: 'westeurope',
    privateEndpointSubnetId: `${MANAGEMENT}/rg-runners/providers/Microsoft.Network/virtualNetworks/vnet-runners/subnets/snet-private-endpoints`,
    privateDnsZoneId: `${MANAGEMENT}/rg-runners/providers/Microsoft.Network/privateDnsZones/privatelink.blob.core.windows.net`,
    logAnalyticsWorkspaceId: `${MANAGEMENT}/rg-management/providers/Microsoft.OperationalInsights/workspaces/log-management`,
    customerManagedKey: {
      keyVaultId: `${MANAGEMENT}/rg-platform-security/providers/Microsoft.KeyVault/vaults/kv-platform-security`,
      keyVaultKeyId: 'https://kv-platform-security.vault.azure.net/keys/tfstate-cmk',
    },
    pipelinePrincipalIds: [PIPELINE_IDENTITY],
    // The first apply ran with local state; the state has since moved into the account (--migrate-state).
    stateMigrated: true,
  });
}
