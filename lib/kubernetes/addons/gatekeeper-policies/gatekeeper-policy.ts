/** The policies of the baseline's Gatekeeper library (each a CEL ConstraintTemplate plus a constraint). */
export enum GatekeeperPolicy {
  /** No privileged containers (CIS AKS 1.8 4.2.1). */
  PRIVILEGED_CONTAINER = 'privileged-container',
  /** Containers set allowPrivilegeEscalation false (CIS AKS 1.8 4.2.5). */
  PRIVILEGE_ESCALATION = 'privilege-escalation',
  /** No hostPID, hostIPC or hostNetwork (CIS AKS 1.8 4.2.2-4.2.4). */
  HOST_NAMESPACES = 'host-namespaces',
  /** No host ports outside an allowed list. */
  HOST_PORTS = 'host-ports',
  /** No hostPath volumes outside allowed path prefixes. */
  HOST_PATHS = 'host-paths',
  /** Containers drop ALL capabilities and add only allowed ones. */
  CAPABILITIES = 'capabilities',
  /** Containers run as a non-root user. */
  RUN_AS_NON_ROOT = 'run-as-non-root',
  /** Containers run with the RuntimeDefault or a Localhost seccomp profile. */
  SECCOMP = 'seccomp',
  /** No AppArmor profile is set to unconfined. */
  APPARMOR = 'apparmor',
  /** Containers have a read-only root filesystem. */
  READ_ONLY_ROOT_FILESYSTEM = 'read-only-root-filesystem',
  /** Volumes are of the allowed types only. */
  VOLUME_TYPES = 'volume-types',
  /** Containers use the Default /proc mount. */
  PROC_MOUNT = 'proc-mount',
  /** Pods set only safe sysctls. */
  SYSCTLS = 'sysctls',
  /** Images come from approved registries only (CIS AKS 1.8 5.1.4). */
  ALLOWED_REGISTRIES = 'allowed-registries',
  /** Containers declare resource requests and limits. */
  REQUIRED_RESOURCES = 'required-resources',
  /** Images are pinned to a tag other than `latest`, or a digest. */
  DISALLOW_LATEST_TAG = 'disallow-latest-tag',
  /** Pods on the default service account do not mount its token (CIS AKS 1.8 4.1.6). */
  DEFAULT_SERVICE_ACCOUNT_TOKEN = 'default-service-account-token',
  /** Secrets are mounted as files, never passed as environment variables (CIS AKS 1.8 4.5.1). */
  SECRETS_AS_FILES = 'secrets-as-files',
  /** No workloads in the `default` namespace (CIS AKS 1.8 4.6.3). */
  DISALLOWED_NAMESPACES = 'disallowed-namespaces',
}

/** What a constraint does with a violation (Gatekeeper `spec.enforcementAction`). */
export enum EnforcementAction {
  /** Reject the request (CIS controls are enforced only with deny). */
  DENY = 'deny',
  /** Admit and only report the violation in audit results. */
  DRYRUN = 'dryrun',
  /** Admit with a warning to the client. */
  WARN = 'warn',
}
