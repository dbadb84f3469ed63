// Validation and defaults of node pool settings. Internal.
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../errors';
import { AksOsSku } from './enums';
import { AksNodePoolOptions } from './aks-node-pool-options';

export const POOL_NAME = /^[a-z][a-z0-9]{0,11}$/;

/** Resolved options with defaults applied. */
export interface ResolvedPoolOptions {
  readonly vmSize: string;
  readonly minCount: number;
  readonly maxCount: number;
  readonly maxPods: number;
  readonly osDiskSizeGb: number;
  readonly ephemeralOsDisk: boolean;
  readonly hostEncryptionEnabled: boolean;
  readonly nodePublicIpEnabled: boolean;
  readonly zones: string[];
  readonly osSku: AksOsSku;
  readonly maxSurge: string;
}

function checkNumber(construct: string, prop: string, value: number, min: number, max: number, fix: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidProp(construct, prop, value, `a whole number from ${min} to ${max}`, fix);
  }
}

/** Validates a pool's name and options and applies the hardened defaults. */
export function resolvePoolOptions(construct: string, name: string, options: AksNodePoolOptions | undefined, system: boolean): ResolvedPoolOptions {
  if (typeof name !== 'string' || !name) {
    throw missingProp(construct, 'name', 'give the pool a name of lower-case letters and digits, e.g. "apps"');
  }
  if (!Token.isUnresolved(name) && !POOL_NAME.test(name)) {
    throw invalidProp(construct, 'name', name, 'lower-case letters and digits, starting with a letter, at most 12 characters (Linux pools)', 'use a name such as "system" or "apps1"');
  }
  const o = options ?? {};
  const resolved: ResolvedPoolOptions = {
    vmSize: o.vmSize ?? 'Standard_D4ds_v5',
    minCount: o.minCount ?? 3,
    maxCount: o.maxCount ?? 6,
    maxPods: o.maxPods ?? 50,
    osDiskSizeGb: o.osDiskSizeGb ?? 128,
    ephemeralOsDisk: o.ephemeralOsDisk ?? true,
    hostEncryptionEnabled: o.hostEncryptionEnabled ?? true,
    nodePublicIpEnabled: o.nodePublicIpEnabled ?? false,
    zones: o.zones ?? ['1', '2', '3'],
    osSku: o.osSku ?? AksOsSku.AZURE_LINUX,
    maxSurge: o.maxSurge ?? '33%',
  };
  if (typeof resolved.vmSize !== 'string' || !resolved.vmSize.trim()) {
    throw invalidProp(construct, 'vmSize', o.vmSize, 'an Azure VM size such as "Standard_D4ds_v5"', 'name a VM size');
  }
  checkNumber(construct, 'minCount', resolved.minCount, system ? 1 : 0, 1000, system ? 'the system pool needs at least one node; use 3 for one per zone' : 'use 0 or more');
  checkNumber(construct, 'maxCount', resolved.maxCount, 1, 1000, 'a pool needs room for at least one node');
  if (resolved.minCount > resolved.maxCount) {
    throw invalidProp(construct, 'minCount', resolved.minCount, `at most maxCount (${resolved.maxCount})`, 'lower minCount or raise maxCount');
  }
  checkNumber(construct, 'maxPods', resolved.maxPods, 30, 250, 'use 50 or more (AKS best practice; fewer pods per node wastes nodes)');
  checkNumber(construct, 'osDiskSizeGb', resolved.osDiskSizeGb, 30, 2048, 'use a size the VM supports, e.g. 128');
  if (!Array.isArray(resolved.zones) || resolved.zones.some((z) => !['1', '2', '3'].includes(z))) {
    throw invalidProp(construct, 'zones', o.zones, 'a list of "1", "2", "3"', 'use ["1", "2", "3"] in regions with zones');
  }
  if (!/^(\d+|\d+%)$/.test(resolved.maxSurge)) {
    throw invalidProp(construct, 'maxSurge', resolved.maxSurge, 'a node count such as "1" or a percentage such as "33%"', 'use "33%"');
  }
  return resolved;
}

/** The pool attributes shared by the default_node_pool block and the node pool resource (camelCase L1 config). */
export function poolAttributes(o: ResolvedPoolOptions, subnetId: string) {
  return {
    vmSize: o.vmSize,
    autoScalingEnabled: true,
    minCount: o.minCount,
    maxCount: o.maxCount,
    maxPods: o.maxPods,
    osDiskSizeGb: o.osDiskSizeGb,
    osDiskType: o.ephemeralOsDisk ? 'Ephemeral' : 'Managed',
    hostEncryptionEnabled: o.hostEncryptionEnabled,
    nodePublicIpEnabled: o.nodePublicIpEnabled,
    zones: o.zones,
    osSku: o.osSku,
    vnetSubnetId: subnetId,
    upgradeSettings: { maxSurge: o.maxSurge },
  };
}
