import { ContainerRegistryGeoreplications } from '@cdktf/provider-azurerm/lib/container-registry';
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { compareStrings } from '../../ordering';

/** A region a HardenedContainerRegistry replicates to (Premium geo-replication). */
export interface ContainerRegistryReplica {
  /** Azure region of the replica, e.g. `northeurope`; not the registry's own region. */
  readonly location: string;
  /**
   * Spread the replica over the region's availability zones (the region must have zones).
   * @default true
   */
  readonly zoneRedundancyEnabled?: boolean;
}

/** azurerm's location normalization: lower case without spaces ("West Europe" is "westeurope"). */
function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, '').toLowerCase();
}

/**
 * The `georeplications` blocks: validated, normalized and sorted by location (azurerm expects the blocks
 * in alphabetical order of location, or every plan shows a diff).
 */
export function georeplications(construct: string, homeLocation: string, replicas: ContainerRegistryReplica[] | undefined): ContainerRegistryGeoreplications[] | undefined {
  if (replicas === undefined || replicas === null || replicas.length === 0) {
    return undefined;
  }
  const seen = new Set<string>();
  const blocks = replicas.map((replica, i) => {
    const location = replica?.location;
    if (typeof location !== 'string' || (!Token.isUnresolved(location) && !/^[a-zA-Z][a-zA-Z0-9 ]*$/.test(location))) {
      throw invalidProp(construct, `replicas[${i}].location`, location, 'an Azure region name such as "northeurope"', 'give the region of the replica');
    }
    const normalized = Token.isUnresolved(location) ? location : normalizeLocation(location);
    if (!Token.isUnresolved(homeLocation) && normalized === normalizeLocation(homeLocation)) {
      throw invalidProp(construct, `replicas[${i}].location`, location, `a region other than the registry's own (${homeLocation})`, 'remove it: the home region always holds the registry');
    }
    if (seen.has(normalized)) {
      throw invalidProp(construct, `replicas[${i}].location`, location, 'each region once', 'remove the duplicate replica');
    }
    seen.add(normalized);
    return { location: normalized, zoneRedundancyEnabled: replica.zoneRedundancyEnabled ?? true };
  });
  return blocks.sort((a, b) => compareStrings(a.location, b.location));
}
