// Internal: the check every construct makes first, that its required string props are given.
import { missingProp } from './errors';

/** Throws a clear error for the first key of `props` that is not a non-empty string. */
export function requireStrings(construct: string, props: object | undefined, keys: string[]): void {
  const values = (props ?? {}) as Record<string, unknown>;
  for (const key of keys) {
    const value = values[key];
    if (typeof value !== 'string' || !value.trim()) {
      throw missingProp(construct, key, `give ${key} as a non-empty string`);
    }
  }
}
