import { missingProp } from '../../errors';
import { isPlainObject, sameValue, sortKeys, splitPath } from './values-internal';

// Helm values precedence, defined once for every add-on chart:
//   1. hardened defaults (the library's secure settings, including every hardening key of the chart),
//   2. typed props (what the add-on's props translate to),
//   3. raw user values (the escape hatch).
// Later layers win. Maps merge key by key; lists and scalars replace; a `null` removes the key, as in
// `helm --set key=null`. Overriding a hardening key is allowed but never silent: HardenedHelmRelease
// warns at synth, and the `helm-hardened-values` compliance rule fails synth unless the finding is waived.

/** One Helm value a chart must keep for the platform to stay hardened. */
export interface HardeningKey {
  /** Dotted values path, e.g. `driver.kind`. */
  readonly path: string;
  /**
   * The hardened value (a JSON value), written to the release. `null` means the key must stay unset
   * (the chart's own default, e.g. no webhook URL), and nothing is written.
   */
  readonly value: any;
  /**
   * Other final values that are just as hardened, e.g. the chart's default spelled out (`ClusterIP` for an
   * unset service type) or an alias the chart accepts (`modern-bpf` for `modern_ebpf`).
   * @default - only `value`
   */
  readonly equivalentValues?: any[];
  /** Why the value hardens the chart; shown in findings. */
  readonly reason: string;
}

/** A hardening key whose final value differs from the hardened one. */
export interface HardeningKeyOverride {
  /** The hardening key. */
  readonly key: HardeningKey;
  /** The value the release ends up with (`undefined` when the key was removed). */
  readonly finalValue: any;
}


/** Helm values precedence and the helpers the compliance rule shares with the add-ons. */
export class HelmValues {
  /**
   * Merges the three layers in precedence order: hardened defaults, then typed props, then raw user
   * values. Maps merge recursively, lists and scalars replace, `null` removes a key.
   */
  public static resolve(hardenedDefaults: any, typedValues?: any, userValues?: any): any {
    return HelmValues.mergeAll([hardenedDefaults, typedValues, userValues]);
  }

  /** Merges value documents in order (later wins), as Helm does with several `values` files. */
  public static mergeAll(documents: any[]): any {
    if (!Array.isArray(documents)) {
      throw missingProp('HelmValues.mergeAll', 'documents', 'pass a list of values documents (objects), earliest first');
    }
    let result: any = {};
    for (const document of documents) {
      if (document === undefined || document === null) {
        continue;
      }
      result = mergeInto(result, document);
    }
    return result;
  }

  /** The values document holding exactly the given keys at their hardened values (keys that must stay unset are left out). */
  public static fromKeys(keys: HardeningKey[]): any {
    requireKeyList('HelmValues.fromKeys', keys);
    let result: any = {};
    for (const key of keys) {
      if (key.value !== null && key.value !== undefined) {
        result = HelmValues.withPath(result, key.path, key.value);
      }
    }
    return result;
  }

  /** A copy of `values` with `value` at the dotted path (creating maps on the way). */
  public static withPath(values: any, path: string, value: any): any {
    requirePath('HelmValues.withPath', path);
    const segments = splitPath(path);
    const root = isPlainObject(values) ? { ...values } : {};
    let current: any = root;
    segments.forEach((segment, i) => {
      if (i === segments.length - 1) {
        current[segment] = value;
        return;
      }
      current[segment] = isPlainObject(current[segment]) ? { ...current[segment] } : {};
      current = current[segment];
    });
    return root;
  }

  /** The value at a dotted path, or `undefined`. */
  public static valueAt(values: any, path: string): any {
    requirePath('HelmValues.valueAt', path);
    let current = values;
    for (const segment of splitPath(path)) {
      if (!isPlainObject(current)) {
        return undefined;
      }
      current = current[segment];
    }
    return current;
  }

  /**
   * The hardening keys whose final value is neither the hardened value nor one of its equivalents (an unset
   * key and a `null` one are the same: Helm drops both).
   */
  public static overriddenKeys(keys: HardeningKey[], finalValues: any): HardeningKeyOverride[] {
    requireKeyList('HelmValues.overriddenKeys', keys);
    return keys
      .map((key) => ({ key, finalValue: HelmValues.valueAt(finalValues, key.path) }))
      .filter((o) => ![o.key.value, ...(o.key.equivalentValues ?? [])].some((accepted) => sameValue(accepted ?? null, o.finalValue ?? null)));
  }

  /** JSON with sorted keys: deterministic `values` for `helm_release`. */
  public static stableJson(values: any): string {
    return JSON.stringify(sortKeys(values));
  }

  private constructor() {}
}

function requirePath(method: string, path: string): void {
  if (typeof path !== 'string' || path === '') {
    throw missingProp(method, 'path', 'give a dotted values path such as "driver.kind"');
  }
}

function requireKeyList(method: string, keys: HardeningKey[]): void {
  if (!Array.isArray(keys)) {
    throw missingProp(method, 'keys', 'pass a list of HardeningKey ({ path, value, reason })');
  }
}

function mergeInto(base: any, overlay: any): any {
  if (!isPlainObject(base) || !isPlainObject(overlay)) {
    return clone(overlay);
  }
  const result: Record<string, any> = { ...base };
  for (const key of Object.keys(overlay)) {
    const value = overlay[key];
    if (value === null) {
      delete result[key];
    } else if (isPlainObject(value) && isPlainObject(result[key])) {
      result[key] = mergeInto(result[key], value);
    } else if (value !== undefined) {
      result[key] = clone(value);
    }
  }
  return result;
}

function clone(value: any): any {
  if (Array.isArray(value)) {
    return value.map(clone);
  }
  if (isPlainObject(value)) {
    const out: Record<string, any> = {};
    for (const key of Object.keys(value)) {
      if (value[key] !== undefined && value[key] !== null) {
        out[key] = clone(value[key]);
      }
    }
    return out;
  }
  return value;
}


