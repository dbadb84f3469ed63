// Internal: the input checks every construct makes, below the constructs and the compliance engine
// alike (they import it; it imports nothing of theirs). Each throws a HardenedK8sError that says what
// was wrong, the value, what is allowed and how to fix it; an unresolved token is not judged unless a
// check needs the literal.
import { Token } from 'cdktf';
import { invalidProp, missingProp } from './errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Throws unless `props` is an object (JavaScript callers can pass null or undefined); returns it. */
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

/** Throws when a required string prop is missing or empty. */
export function requireString(construct: string, prop: string, value: string | undefined, fix: string): string {
  if (value === undefined || value === null || (typeof value === 'string' && !Token.isUnresolved(value) && value.trim() === '')) {
    throw missingProp(construct, prop, fix);
  }
  return value;
}

/** Throws unless the number is an integer within [min, max] (skips unresolved tokens). */
export function validateIntegerRange(construct: string, prop: string, value: number, min: number, max: number, fix: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidProp(construct, prop, value, `an integer from ${min} to ${max}`, fix);
  }
}

/** Throws unless the value is a literal UTC timestamp `YYYY-MM-DDTHH:MM:SSZ` naming a real instant. */
export function validateUtcTimestamp(construct: string, prop: string, value: string): void {
  const allowed = 'a literal UTC timestamp in RFC 3339 form, e.g. "2027-12-31T00:00:00Z"';
  if (Token.isUnresolved(value)) {
    throw invalidProp(construct, prop, '<unresolved token>', allowed, 'pass a literal date: synth must be deterministic and the rules must read it');
  }
  const match = typeof value === 'string' ? RFC3339_UTC.exec(value) : null;
  const date = match ? new Date(value) : undefined;
  if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().replace('.000Z', 'Z') !== value) {
    throw invalidProp(construct, prop, value, allowed, 'write the date in UTC with seconds and a trailing "Z"');
  }
}

/** Throws unless the value is an RFC 1123 DNS label (what Kubernetes requires of a namespace name). */
export function validateDnsLabel(construct: string, prop: string, value: string): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  if (typeof value !== 'string' || value.length > 63 || !DNS_LABEL.test(value)) {
    throw invalidProp(
      construct,
      prop,
      value,
      'an RFC 1123 DNS label: 1-63 characters, lower-case letters, digits and "-", starting and ending with a letter or digit',
      'use a name such as "payments" or "team-a"',
    );
  }
}
