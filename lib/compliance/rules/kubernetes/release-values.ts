// Internal helpers for rules over helm_release: which chart a release installs and its final values.
import { chartName as chartNameOf } from '../../../kubernetes/addons/hardened-values-registry';
import { HelmValues } from '../../../kubernetes/addons/helm-values';
import { IResolvedResource } from '../../types';
import { releaseValues } from './helm-hardened-values';

/** The chart name of a release (`oci://registry/charts/falco` and `falco` are both `falco`). */
export function chartName(release: IResolvedResource): string {
  return chartNameOf(String(release.get('chart') ?? ''));
}

/**
 * The value a release's chart reads at a dotted path after every value layer and `set` entry (a
 * sensitive entry that reaches the path makes it unknown).
 */
export function finalValueAt(release: IResolvedResource, path: string): any {
  return HelmValues.valueAt(releaseValues(release, [{ path, value: undefined, reason: 'read by a rule' }]), path);
}
