// Internal: the checks every construct makes first, that its props object and its required props are given
// (JavaScript callers can pass null or undefined for any of them).
import { invalidProp, missingProp } from './errors';

/** Throws unless `props` is an object; returns it. */
export function requireProps<T>(construct: string, props: T | null | undefined, fix: string, name = 'props'): T {
  if (props === undefined || props === null) {
    throw missingProp(construct, name, fix);
  }
  if (typeof props !== 'object') {
    throw invalidProp(construct, name, props, 'an object', fix);
  }
  return props;
}

/** Throws a clear error when `props` is missing, or for the first key of it that is not a non-empty string. */
export function requireStrings(construct: string, props: object | undefined, keys: string[]): void {
  requireProps(construct, props, `pass an object with ${keys.join(', ')}`);
  const values = props as Record<string, unknown>;
  for (const key of keys) {
    const value = values[key];
    if (typeof value !== 'string' || !value.trim()) {
      throw missingProp(construct, key, `give ${key} as a non-empty string`);
    }
  }
}

/** Throws for the first key of `props` whose value is null or undefined. */
export function requireDefined(construct: string, props: object, keys: Array<[string, string]>): void {
  const values = props as Record<string, unknown>;
  for (const [key, fix] of keys) {
    if (values[key] === undefined || values[key] === null) {
      throw missingProp(construct, key, fix);
    }
  }
}
