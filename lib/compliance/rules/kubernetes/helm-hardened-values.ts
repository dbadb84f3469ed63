import { HardenedValuesRegistry } from '../../../kubernetes/addons/hardened-values-registry';
import { HelmValues } from '../../../kubernetes/addons/helm-values';
import { splitPath } from '../../../kubernetes/addons/values-internal';
import { compliant, defineRule, literalList, nonCompliant, notApplicable } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { RuleSeverity } from '../../types';

/** A `set` entry's value as Helm reads it (`type = "auto"` parses booleans and numbers). */
function setValue(entry: any): any {
  const value = entry.value;
  if (entry.type === 'string' || typeof value !== 'string') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    return value === 'true';
  }
  if (value === 'null') {
    return null;
  }
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** The final values of a release: its value documents in order, then `set`/`set_list` entries. */
export function finalValues(values: any[], sets: any[], setLists: any[]): any {
  const documents = values.map((v, i) => {
    try {
      return JSON.parse(v);
    } catch {
      throw new UnresolvedValueError(`values.${i}`, 'a YAML document (only JSON values can be checked at synth time)');
    }
  });
  let merged = HelmValues.mergeAll(documents);
  for (const entry of [...sets.map((s) => ({ name: s.name, value: setValue(s) })), ...setLists.map((s) => ({ name: s.name, value: s.value }))]) {
    if (isTerraformExpression(entry.value)) {
      throw new UnresolvedValueError(`set.${entry.name}`, entry.value);
    }
    merged = HelmValues.withPath(merged, splitPath(entry.name).map((s) => s.replace(/\./g, '\\.')).join('.'), entry.value);
  }
  return merged;
}

/**
 * Every `helm_release` of a chart with registered hardening keys (the baseline's add-ons, or charts
 * registered with HardenedValuesRegistry) keeps those keys at their hardened values after all value
 * layers and `set` entries are applied.
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
  (r) => {
    const chart = r.get('chart');
    const keys = HardenedValuesRegistry.keysFor(String(chart));
    if (keys.length === 0) {
      return notApplicable(`no hardening keys registered for chart ${chart}`);
    }
    const values = literalList(r, 'values');
    const sets = literalList(r, 'set');
    const setLists = literalList(r, 'set_list');
    const sensitive = literalList(r, 'set_sensitive').map((s: any) => s.name);
    const hidden = keys.filter((k) => sensitive.includes(k.path));
    if (hidden.length > 0) {
      throw new UnresolvedValueError(`set_sensitive.${hidden[0].path}`, 'a sensitive value');
    }
    const overridden = HelmValues.overriddenKeys(keys, finalValues(values, sets, setLists));
    if (overridden.length === 0) {
      return compliant();
    }
    return nonCompliant(
      `chart ${chart}: ` +
        overridden.map((o) => `${o.key.path}=${JSON.stringify(o.finalValue ?? null)} (hardened: ${JSON.stringify(o.key.value)}; ${o.key.reason})`).join('; '),
    );
  },
);
