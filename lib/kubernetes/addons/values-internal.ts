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
