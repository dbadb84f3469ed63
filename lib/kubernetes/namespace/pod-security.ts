/** Pod Security Standards level for Pod Security Admission namespace labels. */
export enum PodSecurityLevel {
  /** Heavily restricted: the current pod hardening best practices (CIS AKS 1.8 4.2.x, 4.6.2). */
  RESTRICTED = 'restricted',
  /** Minimally restrictive: prevents known privilege escalations. */
  BASELINE = 'baseline',
  /** Unrestricted: only for namespaces of node agents that need host access. */
  PRIVILEGED = 'privileged',
}

/** Pod Security Admission namespace label names (the version they pin is a PodSecurityVersion). */
export class PodSecurityLabels {
  /** Label holding the enforced level. */
  public static readonly ENFORCE = 'pod-security.kubernetes.io/enforce';
  /** Label pinning the enforced policy version. */
  public static readonly ENFORCE_VERSION = 'pod-security.kubernetes.io/enforce-version';
  /** Label holding the audited level. */
  public static readonly AUDIT = 'pod-security.kubernetes.io/audit';
  /** Label pinning the audited policy version. */
  public static readonly AUDIT_VERSION = 'pod-security.kubernetes.io/audit-version';
  /** Label holding the warned level. */
  public static readonly WARN = 'pod-security.kubernetes.io/warn';
  /** Label pinning the warned policy version. */
  public static readonly WARN_VERSION = 'pod-security.kubernetes.io/warn-version';

  private constructor() {}
}
