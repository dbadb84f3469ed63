import { HardenedK8sError } from '../../errors';

const OLDEST_MINOR = 27;
const NEWEST_MINOR = 36;
const LABEL = /^v?1\.(\d{1,3})$/;

/**
 * A Pod Security Standards policy version: what the namespaces' `pod-security.kubernetes.io/*-version`
 * labels pin and what the baseline's Gatekeeper Pod Security policies implement, check for check, as
 * Kubernetes Pod Security Admission (`k8s.io/pod-security-admission` v0.36) judges that version.
 *
 * Supported: v1.27 (the oldest RKE2 minor the library accepts) to v1.36 (the newest Kubernetes release,
 * whose checks are those of v1.35). Pinning keeps a cluster upgrade from changing what is admitted; pin
 * the minor your cluster runs, or the one your workloads were tested against.
 */
export class PodSecurityVersion {
  /** v1.27: adds `net.ipv4.ip_local_reserved_ports` to the safe sysctls. */
  public static readonly V1_27 = new PodSecurityVersion(27);
  /** v1.28: as v1.27. */
  public static readonly V1_28 = new PodSecurityVersion(28);
  /** v1.29: adds the `net.ipv4.tcp_keepalive_*` and `tcp_fin_timeout` sysctls. */
  public static readonly V1_29 = new PodSecurityVersion(29);
  /** v1.30: as v1.29. */
  public static readonly V1_30 = new PodSecurityVersion(30);
  /** v1.31: adds the `container_engine_t` SELinux type. */
  public static readonly V1_31 = new PodSecurityVersion(31);
  /** v1.32: adds the `net.ipv4.tcp_rmem` and `tcp_wmem` sysctls. */
  public static readonly V1_32 = new PodSecurityVersion(32);
  /** v1.33: as v1.32. */
  public static readonly V1_33 = new PodSecurityVersion(33);
  /** v1.34: baseline forbids the `host` field of probes and lifecycle handlers. */
  public static readonly V1_34 = new PodSecurityVersion(34);
  /**
   * v1.35: pods in a user namespace (`hostUsers: false`) may run as root and, at baseline, use an
   * Unmasked /proc; restricted keeps the Default /proc.
   */
  public static readonly V1_35 = new PodSecurityVersion(35);
  /** v1.36: as v1.35. */
  public static readonly V1_36 = new PodSecurityVersion(36);

  /** The version the library pins by default: the newest Kubernetes minor it targets. */
  public static readonly DEFAULT = PodSecurityVersion.V1_36;

  /** Every supported version, oldest first. */
  public static all(): PodSecurityVersion[] {
    return [...ALL];
  }

  /**
   * The supported version named `v1.NN` (or `1.NN`). Throws for `latest` (not pinned), malformed names
   * and minors outside v1.27-v1.36, whose checks the library does not implement.
   */
  public static of(version: string): PodSecurityVersion {
    const allowed = `a pinned version v1.${OLDEST_MINOR} to v1.${NEWEST_MINOR}, e.g. "${PodSecurityVersion.DEFAULT.label}"`;
    const match = typeof version === 'string' ? LABEL.exec(version) : null;
    if (!match) {
      const why = version === 'latest' ? '"latest" is not pinned: a cluster upgrade would change what is admitted' : 'not a Kubernetes minor version';
      throw new HardenedK8sError(`PodSecurityVersion.of: invalid version ${JSON.stringify(version)} (${why}). Allowed: ${allowed}. Fix: use a PodSecurityVersion member such as PodSecurityVersion.V1_33.`);
    }
    const found = ALL.find((v) => v.minor === Number(match[1]));
    if (!found) {
      throw new HardenedK8sError(
        `PodSecurityVersion.of: unsupported version ${JSON.stringify(version)} (the library implements the Pod Security checks of v1.${OLDEST_MINOR} to v1.${NEWEST_MINOR}). ` +
          `Allowed: ${allowed}. Fix: pin the supported version closest to your cluster's minor.`,
      );
    }
    return found;
  }

  /** The label value, e.g. `v1.36`. */
  public readonly label: string;
  /** The Kubernetes minor, e.g. 36. */
  public readonly minor: number;

  private constructor(minor: number) {
    this.minor = minor;
    this.label = `v1.${minor}`;
  }

  /** True when this version is `v1.<minor>` or newer. */
  public isAtLeast(minor: number): boolean {
    return this.minor >= minor;
  }

  public toString(): string {
    return this.label;
  }
}

const ALL: PodSecurityVersion[] = [
  PodSecurityVersion.V1_27,
  PodSecurityVersion.V1_28,
  PodSecurityVersion.V1_29,
  PodSecurityVersion.V1_30,
  PodSecurityVersion.V1_31,
  PodSecurityVersion.V1_32,
  PodSecurityVersion.V1_33,
  PodSecurityVersion.V1_34,
  PodSecurityVersion.V1_35,
  PodSecurityVersion.V1_36,
];
