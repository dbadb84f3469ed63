// Internal helpers for rules over helm_release: which chart a release installs and its final values.
import { HelmValues } from '../../../kubernetes/addons/helm-values';
import { literalList } from '../../define-rule';
import { UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource } from '../../types';
import { finalValues } from './helm-hardened-values';

/** The chart name of a release (`oci://registry/charts/falco` and `falco` are both `falco`). */
export function chartName(release: IResolvedResource): string {
  const chart = String(release.get('chart') ?? '').replace(/\/+$/, '');
  return chart.substring(chart.lastIndexOf('/') + 1);
}

/** The value a release's chart reads at a dotted path after every value layer and `set` entry. */
export function finalValueAt(release: IResolvedResource, path: string): any {
  const sensitive = literalList(release, 'set_sensitive').map((s: any) => s.name);
  if (sensitive.includes(path)) {
    throw new UnresolvedValueError(`set_sensitive.${path}`, 'a sensitive value');
  }
  return HelmValues.valueAt(finalValues(literalList(release, 'values'), literalList(release, 'set'), literalList(release, 'set_list')), path);
}
