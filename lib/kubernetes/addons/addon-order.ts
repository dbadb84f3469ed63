// Internal: validates a set of add-ons (ids, dependencies, conflicts) and orders them by dependencies.
import { addonDependencyCycle, conflictingAddons, duplicateAddon, invalidProp, missingAddonDependency } from '../../errors';
import { IClusterAddon } from './addon';

const ADDON_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A component the platform itself runs, which add-ons may depend on or conflict with. */
export interface PlatformComponent {
  readonly id: string;
  readonly description: string;
}

/**
 * Checks ids, dependencies and conflicts of `addons` (given the add-ons already installed and the
 * platform's own components) and returns them in install order: dependencies first, otherwise in the
 * order given.
 */
export function orderAddons(addons: IClusterAddon[], installed: IClusterAddon[], platform: PlatformComponent[]): IClusterAddon[] {
  const seen = new Set(installed.map((a) => a.addonId));
  for (const addon of addons) {
    if (typeof addon.addonId !== 'string' || !ADDON_ID.test(addon.addonId)) {
      throw invalidProp('ClusterBaseline', 'addonId', addon.addonId, 'lower-case words joined by hyphens, e.g. "secrets-store-csi"', 'give the add-on a stable kebab-case id');
    }
    if (seen.has(addon.addonId)) {
      throw duplicateAddon(addon.addonId);
    }
    seen.add(addon.addonId);
  }
  const all = [...installed, ...addons];
  const describe = new Map(platform.map((p) => [p.id, p.description]));
  for (const addon of all) {
    for (const other of all) {
      if (other !== addon && (addon.conflicts ?? []).includes(other.addonId)) {
        throw conflictingAddons(addon.addonId, other.addonId, `${addon.addonId} declares a conflict with ${other.addonId}`);
      }
    }
    for (const conflict of addon.conflicts ?? []) {
      if (describe.has(conflict)) {
        throw conflictingAddons(addon.addonId, conflict, `the cluster already runs ${describe.get(conflict)}`);
      }
    }
  }
  const available = new Set([...all.map((a) => a.addonId), ...describe.keys()]);
  for (const addon of addons) {
    for (const dependency of addon.dependencies ?? []) {
      if (!available.has(dependency)) {
        throw missingAddonDependency(addon.addonId, dependency, all.map((a) => a.addonId));
      }
    }
  }
  // Kahn's algorithm, stable in the given order.
  const done = new Set([...installed.map((a) => a.addonId), ...describe.keys()]);
  const pending = [...addons];
  const ordered: IClusterAddon[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((a) => (a.dependencies ?? []).every((d) => done.has(d)));
    if (index < 0) {
      throw addonDependencyCycle(pending.map((a) => a.addonId));
    }
    const [next] = pending.splice(index, 1);
    ordered.push(next);
    done.add(next.addonId);
  }
  return ordered;
}
