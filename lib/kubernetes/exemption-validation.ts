// Internal: the construction-time checks of the exemption model (exemptions.ts): an exemption names what
// it exempts, no wildcard and no whole registry.
import { Token } from 'cdktf';
import { invalidProp } from '../errors';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const REGISTRY_HOST = /^(localhost|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+)(:[0-9]{1,5})?$/;

/** Throws unless an exempted namespace is a plain namespace name: no wildcard, no pattern. */
export function validateExemptNamespace(construct: string, prop: string, value: unknown): void {
  if (typeof value === 'string' && Token.isUnresolved(value)) {
    throw invalidProp(construct, prop, '<unresolved token>', 'a literal namespace name', 'name the namespace: an exemption must be known at synth time to be judged');
  }
  if (typeof value !== 'string' || value.length > 63 || !DNS_LABEL.test(value)) {
    const wildcard = typeof value === 'string' && value.includes('*');
    throw invalidProp(
      construct,
      prop,
      value,
      'a namespace name (an RFC 1123 DNS label); no wildcards',
      wildcard
        ? 'list each namespace by name: a pattern such as "team-*" also exempts every namespace created later that matches it'
        : 'use a name such as "monitoring"',
    );
  }
}

/**
 * Throws unless an exempt image names a repository: an exact image, or a prefix ending in `*` that
 * names a registry host and at least one repository path segment (`myacr.azurecr.io/agents/collector:*`).
 * `*`, a host alone (`myacr.azurecr.io/*`) or a partial host (`docker.io*`) would exempt a whole registry.
 */
export function validateExemptImage(construct: string, prop: string, value: unknown): void {
  const allowed =
    'an image reference, or a prefix ending in "*" that names a registry host and a repository (e.g. "myacr.azurecr.io/agents/collector:*"); "*" only at the end';
  const fix = 'name the images or repositories, e.g. "myacr.azurecr.io/agents/collector:*"; to turn a policy off use enabled: false with a waiver';
  if (typeof value === 'string' && Token.isUnresolved(value)) {
    throw invalidProp(construct, prop, '<unresolved token>', allowed, 'give a literal image: an exemption must be known at synth time to be judged');
  }
  if (typeof value !== 'string' || value.trim() !== value || value === '' || /\s/.test(value)) {
    throw invalidProp(construct, prop, value, allowed, fix);
  }
  const star = value.indexOf('*');
  if (star >= 0 && star !== value.length - 1) {
    throw invalidProp(construct, prop, value, allowed, fix);
  }
  const fixed = star >= 0 ? value.slice(0, -1) : value;
  const slash = fixed.indexOf('/');
  const host = slash > 0 ? fixed.slice(0, slash) : '';
  const repository = slash > 0 ? fixed.slice(slash + 1) : '';
  if (!REGISTRY_HOST.test(host) || repository === '' || repository.startsWith('/')) {
    throw invalidProp(construct, prop, value, allowed, fix);
  }
}
