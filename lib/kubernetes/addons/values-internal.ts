// Internal helpers for JSON values (Helm values, manifests); not part of the public API.

export function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function sortKeys(value: any): any {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (isPlainObject(value)) {
    const out: Record<string, any> = {};
    for (const key of Object.keys(value).sort()) {
      out[key] = sortKeys(value[key]);
    }
    return out;
  }
  return value;
}

/** Splits `a.b\.c` into `['a', 'b.c']` (Helm's escaped dots). */
export function splitPath(path: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (let i = 0; i < path.length; i++) {
    if (path[i] === '\\' && path[i + 1] === '.') {
      current += '.';
      i++;
    } else if (path[i] === '.') {
      segments.push(current);
      current = '';
    } else {
      current += path[i];
    }
  }
  segments.push(current);
  return segments;
}

/** Deep equality of JSON values. */
export function sameValue(a: any, b: any): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/**
 * A copy of `values` with everything under `key` copied over the top level, the copied values winning
 * (what an Istio chart's `zzy_descope_legacy.yaml` does with `pilot` or `cni`). Maps merge; other values replace.
 */
export function foldPrefix(values: any, key: string): any {
  if (!isPlainObject(values) || !isPlainObject(values[key])) {
    return values;
  }
  return mergeMaps(values, values[key]);
}

/** `b` merged over `a`: nested maps merge key by key, anything else in `b` replaces (inputs unchanged). */
export function mergeMaps(a: Record<string, any>, b: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = { ...a };
  for (const k of Object.keys(b)) {
    out[k] = isPlainObject(b[k]) && isPlainObject(out[k]) ? mergeMaps(out[k], b[k]) : b[k];
  }
  return out;
}
