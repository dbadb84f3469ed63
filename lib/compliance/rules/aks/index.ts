import { IComplianceRule } from '../../types';
import { aksApiServerAccess } from './api-server-access';
import { aksAzureCniFlat } from './azure-cni-flat';
import { aksRunCommandDisabled } from './run-command-disabled';
import { aksStandardTier } from './standard-tier';
import { aksAutomaticUpgrades } from './automatic-upgrades';
import { aksImageCleaner } from './image-cleaner';
import { aksHostEncryption } from './host-encryption';
import { aksEphemeralOsDisk } from './ephemeral-os-disk';
import { aksMaxPods } from './max-pods';
import { aksAvailabilityZones } from './availability-zones';
import { aksSystemPoolIsolation } from './system-pool-critical-addons-only';
import { aksUserAssignedIdentity } from './user-assigned-identity';
import { aksAgicPermissions } from './agic-permissions';
import { aksAzureRbac } from './azure-rbac';
import { aksDefender } from './defender';
import { aksDiagnosticSettingsDistinct } from './diagnostic-settings-distinct';
import { aksEntraIdIntegration } from './entra-id';
import { aksKmsEtcdEncryption } from './kms';
import { aksKubeletAcrPull } from './kubelet-acr-pull';
import { aksNetworkPolicy } from './network-policy';
import { aksNodePublicIpDisabled } from './node-public-ip';
import { aksPolicyEngine } from './policy-engine';
import { aksPrivateCluster } from './private-cluster';
import { aksSecretsStoreProvider } from './secrets-provider';
import { aksServiceCidrOutsideVnet } from './service-cidr-outside-vnet';
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
  aksKubeletAcrPull,
  aksAgicPermissions,
  aksDiagnosticSettingsDistinct,
  aksServiceCidrOutsideVnet,
];
