import { IComplianceRule } from '../../types';
import { rke2AlwaysPullImages, rke2DenyServiceExternalIps } from './admission-plugins';
import { rke2AuditLogArgs } from './audit-log-args';
import { rke2AuditPolicy } from './audit-policy';
import { rke2EtcdMetricsNotExposed, rke2EtcdSnapshots, rke2MachinesPrivate } from './best-practices';
import { rke2CisProfile } from './cis-profile';
import { rke2CniNetworkPolicy } from './cni';
import { rke2ApiServerArgs, rke2ControllerManagerArgs, rke2EtcdArgs, rke2KubeletArgs, rke2SchedulerArgs } from './component-args';
import { rke2ConfigOutsideRancher } from './config-files';
import { rke2EtcdUser } from './etcd-user';
import { rke2EventRateLimit } from './event-rate-limit';
import { rke2HostKernelParameters } from './host-kernel-parameters';
import { rke2ImageProvenance } from './image-provenance';
import { rke2KubeletPodMaxPids, rke2KubeletStrongCiphers } from './kubelet-args';
import { rke2PodSecurityRestricted } from './pod-security';
import { rke2SecretsEncryption } from './secrets-encryption';

/** Every rancher rule, in the order packs list them. */
export const RANCHER_RULES: IComplianceRule[] = [
  rke2CisProfile,
  rke2EtcdUser,
  rke2HostKernelParameters,
  rke2DenyServiceExternalIps,
  rke2EventRateLimit,
  rke2AlwaysPullImages,
  rke2AuditLogArgs,
  rke2AuditPolicy,
  rke2KubeletStrongCiphers,
  rke2KubeletPodMaxPids,
  rke2ApiServerArgs,
  rke2ControllerManagerArgs,
  rke2SchedulerArgs,
  rke2EtcdArgs,
  rke2KubeletArgs,
  rke2ConfigOutsideRancher,
  rke2PodSecurityRestricted,
  rke2CniNetworkPolicy,
  rke2ImageProvenance,
  rke2SecretsEncryption,
  rke2EtcdMetricsNotExposed,
  rke2EtcdSnapshots,
  rke2MachinesPrivate,
];
