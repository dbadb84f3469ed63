import { IComplianceRule } from '../../types';
import { aksApiServerAccess } from './api-server-access';
import { aksAutomaticUpgrades, aksAvailabilityZones, aksAzureCniFlat, aksEphemeralOsDisk, aksHostEncryption, aksImageCleaner, aksMaxPods, aksRunCommandDisabled, aksStandardTier, aksSystemPoolIsolation, aksUserAssignedIdentity } from './best-practices';
import { aksAzureRbac } from './azure-rbac';
import { aksDefender } from './defender';
import { aksEntraIdIntegration } from './entra-id';
import { aksKmsEtcdEncryption } from './kms';
import { aksNetworkPolicy } from './network-policy';
import { aksNodePublicIpDisabled } from './node-public-ip';
import { aksPolicyEngine } from './policy-engine';
import { aksPrivateCluster } from './private-cluster';
import { aksSecretsStoreProvider } from './secrets-provider';
import { aksWorkloadIdentity } from './workload-identity';

/** Every AKS cluster rule, in the order packs list them. */
export const AKS_RULES: IComplianceRule[] = [
  aksPrivateCluster,
  aksApiServerAccess,
  aksNodePublicIpDisabled,
  aksNetworkPolicy,
  aksEntraIdIntegration,
  aksAzureRbac,
  aksWorkloadIdentity,
  aksKmsEtcdEncryption,
  aksSecretsStoreProvider,
  aksDefender,
  aksPolicyEngine,
  aksAzureCniFlat,
  aksRunCommandDisabled,
  aksStandardTier,
  aksAutomaticUpgrades,
  aksImageCleaner,
  aksHostEncryption,
  aksEphemeralOsDisk,
  aksMaxPods,
  aksAvailabilityZones,
  aksSystemPoolIsolation,
  aksUserAssignedIdentity,
];
