import { invalidProp, missingProp } from '../../errors';
import { HardeningKey } from './helm-values';
import { FALCO_HARDENING } from './falco/hardening';
import { GATEKEEPER_HARDENING } from './gatekeeper/hardening';
import { ISTIO_BASE_HARDENING, ISTIO_CNI_HARDENING, ISTIOD_HARDENING } from './istio/hardening';
import { AZURE_KEY_VAULT_PROVIDER_HARDENING, SECRETS_STORE_CSI_DRIVER_HARDENING } from './secrets-store-csi/hardening';
import { TRIVY_OPERATOR_HARDENING } from './trivy/hardening';
import { foldPrefix } from './values-internal';
import { compareStrings } from '../../ordering';

/** How the library recognises a built-in chart and reads its values. */
interface BuiltInChart {
  readonly keys: HardeningKey[];
  /**
   * A chart name other projects use too (`base`, `cni`) only counts when its source names the project.
   * The source is the release's repository, or the chart reference itself for OCI and URL charts.
   */
  readonly sourcePattern?: RegExp;
  /** The chart copies everything under this key over the top level of its values, that key winning. */
  readonly descopedKey?: string;
}

const ISTIO_SOURCE = /istio/i;

const BUILT_IN: Record<string, BuiltInChart> = {
  'gatekeeper': { keys: GATEKEEPER_HARDENING },
  'falco': { keys: FALCO_HARDENING },
  'trivy-operator': { keys: TRIVY_OPERATOR_HARDENING },
  // templates/zzy_descope_legacy.yaml of each Istio chart (1.24 onwards) folds `pilot` (istiod) and `cni` (cni).
  'istiod': { keys: ISTIOD_HARDENING, descopedKey: 'pilot' },
  'base': { keys: ISTIO_BASE_HARDENING, sourcePattern: ISTIO_SOURCE },
  'cni': { keys: ISTIO_CNI_HARDENING, sourcePattern: ISTIO_SOURCE, descopedKey: 'cni' },
  'secrets-store-csi-driver': { keys: SECRETS_STORE_CSI_DRIVER_HARDENING },
  'csi-secrets-store-provider-azure': { keys: AZURE_KEY_VAULT_PROVIDER_HARDENING },
};

const REGISTERED = new Map<string, HardeningKey[]>();

function requireChart(method: string, chart: string): void {
  if (typeof chart !== 'string' || chart.trim() === '') {
    throw missingProp(method, 'chart', 'give the chart name, e.g. "falco", or its OCI reference');
  }
}

/** Hardening keys are a list of { path, value, reason } with a dotted path and a reason. */
export function requireKeys(method: string, keys: HardeningKey[]): void {
  if (!Array.isArray(keys)) {
    throw missingProp(method, 'keys', 'pass a list of HardeningKey ({ path, value, reason })');
  }
  keys.forEach((k, i) => {
    if (typeof k?.path !== 'string' || k.path === '' || typeof k.reason !== 'string' || k.reason === '') {
      throw invalidProp(method, `keys[${i}]`, k, 'a HardeningKey with a dotted path and a reason', 'give path (e.g. "driver.kind"), the hardened value and why it hardens the chart');
    }
  });
}

/**
 * The chart name of a chart reference: `falco`, `repo/falco`, `oci://registry/charts/falco`,
 * `oci://registry/charts/falco:9.1.0` and `https://host/falco-9.1.0.tgz` all name `falco`.
 */
export function chartName(chart: string): string {
  const trimmed = chart.trim().replace(/\/+$/, '');
  let name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
  name = name.replace(/@sha256:[0-9a-f]+$/i, '').replace(/:[^:]*$/, '');
  const packaged = /^(.+?)-v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?\.tgz$/.exec(name);
  return packaged ? packaged[1] : name.replace(/\.tgz$/, '');
}

/** Whether a built-in chart entry applies to a release of that name from that source. */
function builtInFor(name: string, source: string | undefined): BuiltInChart | undefined {
  const entry = BUILT_IN[name];
  if (!entry || !entry.sourcePattern) {
    return entry;
  }
  return source !== undefined && entry.sourcePattern.test(source) ? entry : undefined;
}

/** True when a chart name needs its source to tell whether it is the built-in chart (`base`, `cni`). */
export function chartNeedsSource(chart: string): boolean {
  return BUILT_IN[chartName(chart)]?.sourcePattern !== undefined && !REGISTERED.has(chartName(chart));
}

/**
 * The values a chart's templates read: the chart's own descoping applied (`pilot.cni.enabled` is
 * `cni.enabled` to the istiod chart), so a hardening key is judged where the chart reads it.
 */
export function chartValuesView(chart: string, values: any, source?: string): any {
  const entry = builtInFor(chartName(chart), source ?? chart);
  return entry?.descopedKey ? foldPrefix(values, entry.descopedKey) : values;
}

/**
 * The hardening keys of each chart, by chart name. Every add-on chart of the baseline registers its keys
 * here; the `helm-hardened-values` compliance rule checks the final values of every `helm_release` of
 * a registered chart (created by the baseline or not) against them.
 */
export class HardenedValuesRegistry {
  /**
   * Registers hardening keys for a chart of your own (e.g. a user add-on). Keys add to those already
   * registered for the chart; a key path registered twice keeps the last value.
   */
  public static register(chart: string, keys: HardeningKey[]): void {
    requireChart('HardenedValuesRegistry.register', chart);
    requireKeys('HardenedValuesRegistry.register', keys);
    const name = chartName(chart);
    const byPath = new Map((REGISTERED.get(name) ?? BUILT_IN[name]?.keys ?? []).map((k) => [k.path, k]));
    keys.forEach((k) => byPath.set(k.path, k));
    REGISTERED.set(name, [...byPath.values()]);
  }

  /**
   * The hardening keys of a chart (by name, repository/name, OCI reference or packaged chart URL), sorted
   * by path; empty when none. A chart name other projects use too (`base`, `cni` of Istio) needs the
   * release's repository, or an OCI or URL chart reference, that names the project.
   */
  public static keysFor(chart: string, repository?: string): HardeningKey[] {
    requireChart('HardenedValuesRegistry.keysFor', chart);
    const name = chartName(chart);
    const source = repository ?? (chart.includes('/') ? chart : undefined);
    const keys = REGISTERED.get(name) ?? builtInFor(name, source)?.keys ?? [];
    return [...keys].sort((a, b) => compareStrings(a.path, b.path));
  }

  /** Every chart with hardening keys, sorted. */
  public static charts(): string[] {
    return [...new Set([...Object.keys(BUILT_IN), ...REGISTERED.keys()])].sort(compareStrings);
  }

  private constructor() {}
}
