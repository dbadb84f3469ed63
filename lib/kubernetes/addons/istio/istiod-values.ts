import { HelmValues } from '../helm-values';

/**
 * The istiod chart copies everything under `pilot` over the top level of its values, `pilot` winning
 * (templates/zzy_descope_legacy.yaml since Istio 1.24), so `pilot.cni.enabled` still works as a legacy
 * alias of `cni.enabled`. Folding user values the same way before they are merged keeps the hardening
 * check honest: `pilot.cni.enabled: false` is seen as the `cni.enabled` override it is.
 */
export function foldLegacyPilotValues(values: any): { values: any; legacyKeys: string[] } {
  if (values === undefined || values === null || typeof values !== 'object' || Array.isArray(values) || !isObject(values.pilot)) {
    return { values, legacyKeys: [] };
  }
  const { pilot, ...rest } = values;
  return { values: HelmValues.mergeAll([rest, pilot]), legacyKeys: Object.keys(pilot).sort().map((k) => `pilot.${k}`) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
