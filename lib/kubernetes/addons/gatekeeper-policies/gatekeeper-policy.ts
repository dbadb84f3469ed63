/**
 * The policies of the baseline's Gatekeeper library (each a CEL ConstraintTemplate plus a constraint).
 * The Pod Security set (PRIVILEGED_CONTAINER to SYSCTLS) implements the Pod Security Standards checks of
 * the add-on's level and version exactly as Pod Security Admission does; the others up to
 * DISALLOWED_NAMESPACES go beyond them. The RBAC set (RBAC_*) judges Roles, ClusterRoles, RoleBindings and
 * ClusterRoleBindings: each denies roles whose rules give its permission, ClusterRoles with an
 * aggregationRule (their rules come from roles admission cannot see), and bindings of subjects outside the
 * allowlist to the built-in ClusterRoles that give it.
 */
export enum GatekeeperPolicy {
  /** Pod Security `privileged`: no privileged containers (CIS AKS 1.8 4.2.1). */
  PRIVILEGED_CONTAINER = 'privileged-container',
  /** Pod Security `allowPrivilegeEscalation` (restricted): containers set allowPrivilegeEscalation false (CIS AKS 1.8 4.2.5). */
  PRIVILEGE_ESCALATION = 'privilege-escalation',
  /** Pod Security `hostNamespaces`: no hostPID, hostIPC or hostNetwork (CIS AKS 1.8 4.2.2-4.2.4). */
  HOST_NAMESPACES = 'host-namespaces',
  /** Pod Security `hostPorts`: no host ports. */
  HOST_PORTS = 'host-ports',
  /** Pod Security `hostPathVolumes`: no hostPath volumes. */
  HOST_PATHS = 'host-paths',
  /** Pod Security `windowsHostProcess`: no Windows HostProcess pods or containers. */
  HOST_PROCESS = 'host-process',
  /** Pod Security `hostProbesAndHostLifecycle` (v1.34+): probes and lifecycle handlers set no host. */
  HOST_PROBES = 'host-probes',
  /** Pod Security `capabilities_baseline` / `capabilities_restricted` (restricted: drop ALL, add only NET_BIND_SERVICE). */
  CAPABILITIES = 'capabilities',
  /** Pod Security `runAsNonRoot` (restricted): pods and containers run as non-root. */
  RUN_AS_NON_ROOT = 'run-as-non-root',
  /** Pod Security `runAsUser` (restricted): neither the pod nor a container sets runAsUser 0. */
  RUN_AS_USER = 'run-as-user',
  /** Pod Security `seccompProfile_baseline` / `seccompProfile_restricted` (restricted: RuntimeDefault or Localhost required). */
  SECCOMP = 'seccomp',
  /** Pod Security `appArmorProfile`: no AppArmor profile other than RuntimeDefault or Localhost. */
  APPARMOR = 'apparmor',
  /** Pod Security `seLinuxOptions`: only container SELinux types, no user or role. */
  SELINUX_OPTIONS = 'selinux-options',
  /** Pod Security `restrictedVolumes` (restricted): volumes of the allowed types only. */
  VOLUME_TYPES = 'volume-types',
  /** Pod Security `procMount` / `procMount_restricted`: containers use the Default /proc mount. */
  PROC_MOUNT = 'proc-mount',
  /** Pod Security `sysctls`: pods set only the version's safe sysctls. */
  SYSCTLS = 'sysctls',
  /** Beyond Pod Security: containers have a read-only root filesystem (CIS AKS 1.8 4.6.2). */
  READ_ONLY_ROOT_FILESYSTEM = 'read-only-root-filesystem',
  /** Beyond Pod Security: images come from approved registries only (CIS AKS 1.8 5.1.4). */
  ALLOWED_REGISTRIES = 'allowed-registries',
  /** Beyond Pod Security: containers declare resource requests and limits. */
  REQUIRED_RESOURCES = 'required-resources',
  /** Beyond Pod Security: images are pinned to a tag other than `latest`, or a digest. */
  DISALLOW_LATEST_TAG = 'disallow-latest-tag',
  /** Beyond Pod Security: pods on the default service account do not mount its token (CIS AKS 1.8 4.1.6). */
  DEFAULT_SERVICE_ACCOUNT_TOKEN = 'default-service-account-token',
  /** Beyond Pod Security: secrets are mounted as files, never passed as environment variables (CIS AKS 1.8 4.5.1). */
  SECRETS_AS_FILES = 'secrets-as-files',
  /** Beyond Pod Security: no workloads in the `default` namespace (CIS AKS 1.8 4.6.3). */
  DISALLOWED_NAMESPACES = 'disallowed-namespaces',
  /** RBAC: no role grants everything (`*` verbs on `*` resources of `*` groups); only allowed subjects are bound to cluster-admin; no binding names the system:masters group (CIS AKS 1.8 4.1.1). */
  RBAC_CLUSTER_ADMIN = 'rbac-cluster-admin',
  /** RBAC: roles read secrets (get, list, watch) only in exempt namespaces (CIS AKS 1.8 4.1.2). */
  RBAC_SECRETS_READ = 'rbac-secrets-read',
  /** RBAC: no `*` in the verbs, resources, API groups or non-resource URLs of a role (CIS AKS 1.8 4.1.3). */
  RBAC_WILDCARDS = 'rbac-wildcards',
  /** RBAC: roles create pods only in exempt namespaces (CIS AKS 1.8 4.1.4). */
  RBAC_POD_CREATE = 'rbac-pod-create',
  /** RBAC: no bind or escalate on roles, no impersonate (CIS AKS 1.8 4.1.7). */
  RBAC_ESCALATION = 'rbac-escalation',
  /** RBAC: no create on persistentvolumes (CIS AKS 1.8 4.1.8). */
  RBAC_PERSISTENT_VOLUME_CREATE = 'rbac-persistent-volume-create',
  /** RBAC: no access to the nodes/proxy subresource or the proxy verb on nodes (CIS AKS 1.8 4.1.9). */
  RBAC_NODE_PROXY = 'rbac-node-proxy',
  /** RBAC: no access to certificatesigningrequests/approval, no approve on signers (CIS AKS 1.8 4.1.10). */
  RBAC_CSR_APPROVAL = 'rbac-csr-approval',
  /** RBAC: no write on webhook configurations, admission policies or Gatekeeper's policy objects (CIS AKS 1.8 4.1.11). */
  RBAC_ADMISSION_CONFIGURATION = 'rbac-admission-configuration',
  /** RBAC: no create on serviceaccounts/token (CIS AKS 1.8 4.1.12). */
  RBAC_SERVICE_ACCOUNT_TOKEN = 'rbac-service-account-token',
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
