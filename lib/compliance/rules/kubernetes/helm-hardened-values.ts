import { chartName, chartNeedsSource, chartValuesView, HardenedValuesRegistry } from '../../../kubernetes/addons/hardened-values-registry';
import { applySet, applySetList, HelmSetError } from '../../../kubernetes/addons/helm-set-values';
import { HardeningKey, HelmValues } from '../../../kubernetes/addons/helm-values';
import { splitPath } from '../../../kubernetes/addons/values-internal';
import { compliant, defineRule, literalList, nonCompliant, notApplicable, unknown } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, RuleEvaluation, RuleSeverity } from '../../types';

/** True when a set entry's name reaches a hardening key: the key itself, below it, or a map above it. */
function touches(setName: string, key: HardeningKey): boolean {
  const set = splitPath(setName.replace(/\[\d+\]/g, ''));
  const path = splitPath(key.path);
  const n = Math.min(set.length, path.length);
  return set.slice(0, n).every((segment, i) => segment === path[i]);
}

/**
 * The values Helm renders the chart with, as the helm provider builds them: the `values` documents merged
 * in order, then every `set`, `set_list` and `set_sensitive` entry (read as Helm's strvals reads them).
 * A sensitive value the engine cannot see makes the result unknown when its entry reaches a hardening key.
 */
export function releaseValues(release: IResolvedResource, keys: HardeningKey[]): any {
  const documents = literalList(release, 'values').map((v, i) => {
    try {
      return JSON.parse(v);
    } catch {
      throw new UnresolvedValueError(`values.${i}`, 'a YAML document (only JSON values can be checked at synth time)');
    }
  });
  let merged = HelmValues.mergeAll(documents);
  for (const entry of literalList(release, 'set')) {
    if (isTerraformExpression(entry.value)) {
      throw new UnresolvedValueError(`set.${entry.name}`, entry.value);
    }
    merged = applySet(merged, String(entry.name), String(entry.value ?? ''), entry.type);
  }
  for (const entry of literalList(release, 'set_list')) {
    const values = Array.isArray(entry.value) ? entry.value : [entry.value];
    if (values.some(isTerraformExpression)) {
      throw new UnresolvedValueError(`set_list.${entry.name}`, 'a Terraform expression');
    }
    merged = applySetList(merged, String(entry.name), values.map(String));
  }
  for (const entry of literalList(release, 'set_sensitive')) {
    if (isTerraformExpression(entry.value) || entry.value === undefined || entry.value === null) {
      const reached = keys.find((k) => touches(String(entry.name), k));
      if (reached) {
        throw new UnresolvedValueError(`set_sensitive.${entry.name}`, `a sensitive value that sets the hardening key ${reached.path}`);
      }
      continue;
    }
    merged = applySet(merged, String(entry.name), String(entry.value), entry.type);
  }
  return merged;
}

/** The chart's source for charts whose name other projects use too: the repository, else the chart reference. */
function chartSource(release: IResolvedResource, chart: string): string | undefined {
  if (release.isUnresolved('repository')) {
    throw new UnresolvedValueError('repository', release.config.repository);
  }
  const repository = release.get('repository');
  return typeof repository === 'string' && repository !== '' ? repository : chart.includes('/') ? chart : undefined;
}

/**
 * Every `helm_release` of a chart with registered hardening keys (the baseline's add-ons, or charts
 * registered with HardenedValuesRegistry) keeps those keys at their hardened values in the values the chart
 * is rendered with: every value document, `set`, `set_list` and `set_sensitive` entry, escape-hatch
 * overrides on the release included, and the chart's own descoping (`pilot.*` in istiod, `cni.*` in the
 * Istio CNI chart). A post-renderer rewrites the rendered manifests, so a release with one is unknown.
 */
export const helmHardenedValues = defineRule(
  {
    id: 'helm-hardened-values',
    title: "Helm releases keep their chart's hardening values (no override of a hardening key)",
    severity: RuleSeverity.ERROR,
    remediation:
      'Remove the override of the hardening key from the add-on values (see the finding for the key and its hardened value), or waive the finding with the reason the chart must run that way.',
    remediationTargets: [],
    cisControls: [],
    resourceTypes: ['helm_release'],
    constructDefault: 'HardenedHelmRelease: hardened defaults first, then typed props, then raw values; hardening keys registered per chart',
  },
  (r): RuleEvaluation => {
    const chart = String(r.get('chart'));
    const source = chartNeedsSource(chart) ? chartSource(r, chart) : r.isUnresolved('repository') ? undefined : r.get('repository');
    const keys = HardenedValuesRegistry.keysFor(chart, typeof source === 'string' ? source : undefined);
    if (keys.length === 0) {
      return notApplicable(`no hardening keys registered for chart ${chart}`);
    }
    if (r.has('postrender')) {
      return unknown(`chart ${chartName(chart)}: a post-renderer rewrites the rendered manifests, so the hardening keys cannot be judged from the values`);
    }
    let values: any;
    try {
      values = chartValuesView(chart, releaseValues(r, keys), typeof source === 'string' ? source : undefined);
    } catch (e) {
      if (e instanceof HelmSetError) {
        return unknown(`chart ${chartName(chart)}: ${e.message}`);
      }
      throw e;
    }
    const overridden = HelmValues.overriddenKeys(keys, values);
    if (overridden.length === 0) {
      return compliant();
    }
    return nonCompliant(
      `chart ${chartName(chart)}: ` +
        overridden.map((o) => `${o.key.path}=${JSON.stringify(o.finalValue ?? null)} (hardened: ${JSON.stringify(o.key.value)}; ${o.key.reason})`).join('; '),
    );
  },
);
