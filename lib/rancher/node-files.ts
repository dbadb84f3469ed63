// Paths and contents of the files HardenedRke2Cluster prepares on its machines through cloud-init.

/** Where the library's hardening files live on the nodes. */
export class Rke2NodeFiles {
  /** Directory of the hardening files (root-only). */
  public static readonly DIRECTORY = '/etc/rancher/rke2/hardened';
  /** The API server audit policy (RKE2 `audit-policy-file`). */
  public static readonly AUDIT_POLICY = '/etc/rancher/rke2/hardened/audit-policy.yaml';
  /** The API server admission configuration (RKE2 `pod-security-admission-config-file`). */
  public static readonly ADMISSION_CONFIG = '/etc/rancher/rke2/hardened/admission-config.yaml';
  /** The CIS kernel parameters RKE2's `profile: cis` requires before it starts. */
  public static readonly SYSCTL = '/etc/sysctl.d/60-rke2-cis.conf';
  /** Where the API server writes its audit log. */
  public static readonly AUDIT_LOG = '/var/lib/rancher/rke2/server/logs/audit.log';
  /** The admission configuration Rancher writes when a Pod Security Admission template is set. */
  public static readonly RANCHER_PSACT_CONFIG = '/etc/rancher/rke2/config/rancher-psact.yaml';

  private constructor() {}
}

/** Kernel parameters `profile: cis` checks on every node (RKE2 exits when one differs). */
export const CIS_SYSCTLS: Array<[string, string]> = [
  ['kernel.panic', '10'],
  ['kernel.panic_on_oops', '1'],
  ['vm.overcommit_memory', '1'],
  ['vm.panic_on_oom', '0'],
];

/** The `etcd` system user and group RKE2 runs etcd as under a profile (CIS RKE2 1.8 1.1.12). */
export const ETCD_USER_COMMAND = "id -u etcd >/dev/null 2>&1 || useradd -r -c 'etcd user' -s /sbin/nologin -M etcd -U";
