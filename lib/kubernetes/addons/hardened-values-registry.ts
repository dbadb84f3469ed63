import { HardeningKey } from './helm-values';
import { FALCO_HARDENING } from './falco/hardening';
import { GATEKEEPER_HARDENING } from './gatekeeper/hardening';
import { ISTIOD_HARDENING } from './istio/hardening';
import { AZURE_KEY_VAULT_PROVIDER_HARDENING, SECRETS_STORE_CSI_DRIVER_HARDENING } from './secrets-store-csi/hardening';
import { TRIVY_OPERATOR_HARDENING } from './trivy/hardening';
import { compareStrings } from '../../ordering';

const BUILT_IN: Record<string, HardeningKey[]> = {
  'gatekeeper': GATEKEEPER_HARDENING,
  'falco': FALCO_HARDENING,
  'trivy-operator': TRIVY_OPERATOR_HARDENING,
  'istiod': ISTIOD_HARDENING,
  'secrets-store-csi-driver': SECRETS_STORE_CSI_DRIVER_HARDENING,
  'csi-secrets-store-provider-azure': AZURE_KEY_VAULT_PROVIDER_HARDENING,
};

const REGISTERED = new Map<string, HardeningKey[]>();

/** `oci://registry/charts/falco` and `falco` both name the chart `falco`. */
function chartName(chart: string): string {
  const trimmed = chart.replace(/\/+$/, '');
  return trimmed.substring(trimmed.lastIndexOf('/') + 1);
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
    const name = chartName(chart);
    const byPath = new Map(HardenedValuesRegistry.keysFor(name).map((k) => [k.path, k]));
    keys.forEach((k) => byPath.set(k.path, k));
    REGISTERED.set(name, [...byPath.values()]);
  }

  /** The hardening keys of a chart (by name or OCI reference), sorted by path; empty when none. */
  public static keysFor(chart: string): HardeningKey[] {
    const name = chartName(chart);
    const keys = REGISTERED.get(name) ?? BUILT_IN[name] ?? [];
    return [...keys].sort((a, b) => compareStrings(a.path, b.path));
  }

  /** Every chart with hardening keys, sorted. */
  public static charts(): string[] {
    return [...new Set([...Object.keys(BUILT_IN), ...REGISTERED.keys()])].sort();
  }

  private constructor() {}
}
