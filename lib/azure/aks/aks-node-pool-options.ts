import { AksOsSku } from './enums';

/** Settings shared by the system pool and user pools; every one hardened by default. */
export interface AksNodePoolOptions {
  /**
   * VM size. Its cache or temp disk must hold `osDiskSizeGb` for an ephemeral OS disk.
   * @default 'Standard_D4ds_v5'
   */
  readonly vmSize?: string;
  /**
   * Minimum node count of the autoscaler (at least 1 for the system pool).
   * @default 3 (one node per availability zone)
   */
  readonly minCount?: number;
  /**
   * Maximum node count of the autoscaler.
   * @default 6
   */
  readonly maxCount?: number;
  /**
   * Maximum pods per node. With Azure CNI flat every pod takes a VNet IP: size subnets for it.
   * @default 50
   */
  readonly maxPods?: number;
  /**
   * OS disk size in GB; must fit the VM's cache/temp disk when the OS disk is ephemeral.
   * @default 128
   */
  readonly osDiskSizeGb?: number;
  /**
   * Ephemeral OS disk (no OS disk in storage; faster reimage; nothing persists on the node).
   * @default true
   */
  readonly ephemeralOsDisk?: boolean;
  /**
   * Encryption at host for temp disks, caches and the OS disk (needs the subscription feature
   * `Microsoft.Compute/EncryptionAtHost`).
   * @default true
   */
  readonly hostEncryptionEnabled?: boolean;
  /**
   * Give each node a public IP. Fails the `aks-node-public-ip-disabled` rule (CIS AKS 1.8 5.4.3) unless waived.
   * @default false (CIS AKS 1.8 5.4.3)
   */
  readonly nodePublicIpEnabled?: boolean;
  /**
   * Availability zones of the nodes.
   * @default ['1', '2', '3']
   */
  readonly zones?: string[];
  /**
   * Node image.
   * @default AksOsSku.AZURE_LINUX
   */
  readonly osSku?: AksOsSku;
  /**
   * Surge during upgrades (count or percentage).
   * @default '33%'
   */
  readonly maxSurge?: string;
}
