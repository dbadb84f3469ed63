// Internal: validation of RKE2 version strings.
import { Token } from 'cdktf';
import { invalidProp } from '../errors';

const RKE2_VERSION = /^v1\.(\d+)\.(\d+)\+rke2r(\d+)$/;

/** The oldest Kubernetes minor whose RKE2 accepts only the generic `profile: cis`. */
export const MIN_RKE2_MINOR = 27;

/** The Kubernetes minor of an RKE2 version string, or undefined when it is not one. */
export function rke2Minor(version: string): number | undefined {
  const match = RKE2_VERSION.exec(version);
  return match ? Number(match[1]) : undefined;
}

/** Throws unless the version is a pinned RKE2 release `v1.xx.y+rke2rN` of a minor that supports `profile: cis`. */
export function validateRke2Version(construct: string, version: string): void {
  if (Token.isUnresolved(version)) {
    return;
  }
  const minor = typeof version === 'string' ? rke2Minor(version) : undefined;
  if (minor === undefined) {
    throw invalidProp(
      construct,
      'kubernetesVersion',
      version,
      'a pinned RKE2 release "v1.<minor>.<patch>+rke2r<N>", e.g. "v1.32.5+rke2r1"',
      'copy a version from the RKE2 releases page or `rancher2_cluster_v2` docs; K3s versions, channels and "latest" are not accepted',
    );
  }
  if (minor < MIN_RKE2_MINOR) {
    throw invalidProp(
      construct,
      'kubernetesVersion',
      version,
      `RKE2 v1.${MIN_RKE2_MINOR} or newer (older releases do not accept "profile: cis")`,
      'pick a supported RKE2 release such as "v1.32.5+rke2r1"',
    );
  }
}
