// Internal: the check every construct taking a PodSecurityVersion runs (JavaScript callers can pass anything).
import { invalidProp } from '../../errors';
import { PodSecurityVersion } from './pod-security-version';

/** Throws unless `version` is one of the PodSecurityVersion members. */
export function validatePodSecurityVersion(construct: string, prop: string, version: unknown): void {
  if (version instanceof PodSecurityVersion) {
    return;
  }
  const supported = PodSecurityVersion.all();
  const range = `${supported[0].label} to ${supported[supported.length - 1].label}`;
  const fix = typeof version === 'string' ? `pass PodSecurityVersion.of(${JSON.stringify(version)}) or a member such as PodSecurityVersion.V1_${PodSecurityVersion.DEFAULT.minor}` : `pass a member such as PodSecurityVersion.V1_${PodSecurityVersion.DEFAULT.minor}`;
  throw invalidProp(construct, prop, version, `a PodSecurityVersion (${range})`, fix);
}
