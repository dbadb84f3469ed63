// Nested blocks of rancher2_cluster_v2 (schema of rancher/rancher2 14.1.1). Every block is a list block in
// the provider; blocks with at most one item are typed as a single object, the others as arrays.

/** `machine_pools.machine_config`: the machine config a pool's machines are built from. */
export interface Rancher2ClusterV2MachinePoolMachineConfig {
  /** Kind of the machine config (`kind`), from `Rancher2MachineConfigV2.kind`. */
  readonly kind: string;
  /** Name of the machine config (`name`), from `Rancher2MachineConfigV2.name`. */
  readonly name: string;
  /**
   * API version (`api_version`).
   * @default - provider default
   */
  readonly apiVersion?: string;
}

/** `machine_pools.rolling_update`. */
export interface Rancher2ClusterV2MachinePoolRollingUpdate {
  /**
   * Maximum unavailable machines during an update (`max_unavailable`).
   * @default - provider default
   */
  readonly maxUnavailable?: string;
  /**
   * Maximum extra machines during an update (`max_surge`).
   * @default - provider default
   */
  readonly maxSurge?: string;
}

/** `machine_pools.taints`. */
export interface Rancher2ClusterV2MachinePoolTaint {
  /** Taint key (`key`). */
  readonly key: string;
  /** Taint value (`value`). */
  readonly value: string;
  /**
   * Taint effect (`effect`): NoSchedule, PreferNoSchedule or NoExecute.
   * @default "NoSchedule"
   */
  readonly effect?: string;
}

/** `rke_config.machine_pools`: a node-driver machine pool. */
export interface Rancher2ClusterV2MachinePool {
  /** Pool name (`name`). */
  readonly name: string;
  /** The machine config of the pool (`machine_config`). */
  readonly machineConfig: Rancher2ClusterV2MachinePoolMachineConfig;
  /**
   * Cloud credential id for this pool (`cloud_credential_secret_name`).
   * @default - the cluster's cloud_credential_secret_name
   */
  readonly cloudCredentialSecretName?: string;
  /**
   * Machines run the control plane (`control_plane_role`).
   * @default false
   */
  readonly controlPlaneRole?: boolean;
  /**
   * Machines run etcd (`etcd_role`).
   * @default false
   */
  readonly etcdRole?: boolean;
  /**
   * Machines run workloads (`worker_role`).
   * @default false
   */
  readonly workerRole?: boolean;
  /**
   * Number of machines (`quantity`).
   * @default 1
   */
  readonly quantity?: number;
  /**
   * Drain before deleting a machine (`drain_before_delete`).
   * @default false
   */
  readonly drainBeforeDelete?: boolean;
  /**
   * Drain timeout in seconds (`node_drain_timeout`).
   * @default 0
   */
  readonly nodeDrainTimeout?: number;
  /**
   * Pause the pool (`paused`).
   * @default false
   */
  readonly paused?: boolean;
  /**
   * Rolling update settings (`rolling_update`).
   * @default - provider default
   */
  readonly rollingUpdate?: Rancher2ClusterV2MachinePoolRollingUpdate;
  /**
   * Node taints (`taints`).
   * @default - none
   */
  readonly taints?: Rancher2ClusterV2MachinePoolTaint[];
  /**
   * Node startup timeout in seconds (`node_startup_timeout_seconds`).
   * @default - provider default
   */
  readonly nodeStartupTimeoutSeconds?: number;
  /**
   * Unhealthy node timeout in seconds (`unhealthy_node_timeout_seconds`).
   * @default - provider default
   */
  readonly unhealthyNodeTimeoutSeconds?: number;
  /**
   * Maximum unhealthy machines before remediation stops (`max_unhealthy`).
   * @default - provider default
   */
  readonly maxUnhealthy?: string;
  /**
   * Unhealthy range (`unhealthy_range`).
   * @default - provider default
   */
  readonly unhealthyRange?: string;
  /**
   * Machine OS (`machine_os`).
   * @default "linux"
   */
  readonly machineOs?: string;
  /**
   * Labels on the nodes (`machine_labels`).
   * @default - none
   */
  readonly machineLabels?: { [key: string]: string };
  /**
   * Hostname length limit, 10-63 (`hostname_length_limit`).
   * @default - provider default
   */
  readonly hostnameLengthLimit?: number;
  /**
   * Annotations of the MachineDeployment (`annotations`).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Labels of the MachineDeployment (`labels`).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

/** `rke_config.machine_pool_defaults`. */
export interface Rancher2ClusterV2MachinePoolDefaults {
  /**
   * Hostname length limit, 10-63 (`hostname_length_limit`).
   * @default - provider default
   */
  readonly hostnameLengthLimit?: number;
}

/** `machine_label_selector.match_expressions`. */
export interface Rancher2ClusterV2MachineLabelSelectorExpression {
  /**
   * Label key (`key`).
   * @default - none
   */
  readonly key?: string;
  /**
   * Operator (`operator`): In, NotIn, Exists or DoesNotExist.
   * @default - none
   */
  readonly operator?: string;
  /**
   * Values (`values`).
   * @default - none
   */
  readonly values?: string[];
}

/** `machine_label_selector`: which machines a selector entry applies to. */
export interface Rancher2ClusterV2MachineLabelSelector {
  /**
   * Labels to match (`match_labels`).
   * @default - none
   */
  readonly matchLabels?: { [key: string]: string };
  /**
   * Expressions to match (`match_expressions`).
   * @default - none
   */
  readonly matchExpressions?: Rancher2ClusterV2MachineLabelSelectorExpression[];
}

/** `rke_config.machine_selector_config`: RKE2 config for the machines a selector matches. */
export interface Rancher2ClusterV2MachineSelectorConfig {
  /**
   * RKE2 config keys as a YAML string (`config`). Unset, the provider writes
   * `protect-kernel-defaults: false`, which stops a CIS-profile node from starting.
   * @default "protect-kernel-defaults: false" (provider default)
   */
  readonly config?: string;
  /**
   * Machines the entry applies to (`machine_label_selector`).
   * @default - every machine
   */
  readonly machineLabelSelector?: Rancher2ClusterV2MachineLabelSelector;
}

/** `file_sources.*.items`. */
export interface Rancher2ClusterV2FileSourceItem {
  /** Key in the secret or config map (`key`). */
  readonly key: string;
  /** Path on the machine (`path`). */
  readonly path: string;
  /**
   * Dynamic file (`dynamic`).
   * @default - provider default
   */
  readonly dynamic?: boolean;
  /**
   * File mode (`permissions`).
   * @default - the source's default_permissions
   */
  readonly permissions?: string;
  /**
   * Content hash (`hash`).
   * @default - none
   */
  readonly hash?: string;
}

/** `file_sources.secret` / `file_sources.configmap`. */
export interface Rancher2ClusterV2FileSourceObject {
  /** Secret or config map name (`name`). */
  readonly name: string;
  /**
   * Default file mode (`default_permissions`).
   * @default - provider default
   */
  readonly defaultPermissions?: string;
  /**
   * Files to write (`items`).
   * @default - every key
   */
  readonly items?: Rancher2ClusterV2FileSourceItem[];
}

/** `machine_selector_files.file_sources`. */
export interface Rancher2ClusterV2FileSource {
  /**
   * Files from a secret (`secret`).
   * @default - none
   */
  readonly secret?: Rancher2ClusterV2FileSourceObject;
  /**
   * Files from a config map (`configmap`).
   * @default - none
   */
  readonly configmap?: Rancher2ClusterV2FileSourceObject;
}

/** `rke_config.machine_selector_files`: files Rancher writes to matching machines. */
export interface Rancher2ClusterV2MachineSelectorFiles {
  /**
   * Machines the files go to (`machine_label_selector`).
   * @default - every machine
   */
  readonly machineLabelSelector?: Rancher2ClusterV2MachineLabelSelector;
  /**
   * File sources (`file_sources`).
   * @default - none
   */
  readonly fileSources?: Rancher2ClusterV2FileSource[];
}

/** `registries.configs`. */
export interface Rancher2ClusterV2RegistryConfig {
  /** Registry host (`hostname`). */
  readonly hostname: string;
  /**
   * Secret with registry credentials (`auth_config_secret_name`).
   * @default - none
   */
  readonly authConfigSecretName?: string;
  /**
   * Secret with a client TLS certificate (`tls_secret_name`).
   * @default - none
   */
  readonly tlsSecretName?: string;
  /**
   * CA bundle of the registry (`ca_bundle`).
   * @default - system trust store
   */
  readonly caBundle?: string;
  /**
   * Skip TLS verification (`insecure`).
   * @default false
   */
  readonly insecure?: boolean;
}

/** `registries.mirrors`. */
export interface Rancher2ClusterV2RegistryMirror {
  /** Registry host being mirrored (`hostname`). */
  readonly hostname: string;
  /**
   * Mirror endpoints (`endpoints`).
   * @default - none
   */
  readonly endpoints?: string[];
  /**
   * Repository rewrites (`rewrites`).
   * @default - none
   */
  readonly rewrites?: { [key: string]: string };
}

/** `rke_config.registries`. */
export interface Rancher2ClusterV2Registries {
  /**
   * Registry settings (`configs`).
   * @default - none
   */
  readonly configs?: Rancher2ClusterV2RegistryConfig[];
  /**
   * Registry mirrors (`mirrors`).
   * @default - none
   */
  readonly mirrors?: Rancher2ClusterV2RegistryMirror[];
}

/** `etcd.s3_config`. */
export interface Rancher2ClusterV2EtcdS3Config {
  /** Bucket (`bucket`). */
  readonly bucket: string;
  /** S3 endpoint (`endpoint`). */
  readonly endpoint: string;
  /**
   * Cloud credential with the S3 keys (`cloud_credential_name`).
   * @default - none
   */
  readonly cloudCredentialName?: string;
  /**
   * Endpoint CA (`endpoint_ca`).
   * @default - system trust store
   */
  readonly endpointCa?: string;
  /**
   * Folder (`folder`).
   * @default - bucket root
   */
  readonly folder?: string;
  /**
   * Region (`region`).
   * @default - none
   */
  readonly region?: string;
  /**
   * Skip TLS verification (`skip_ssl_verify`).
   * @default false
   */
  readonly skipSslVerify?: boolean;
}

/** `rke_config.etcd`: etcd snapshot settings. */
export interface Rancher2ClusterV2Etcd {
  /**
   * Turn snapshots off (`disable_snapshots`).
   * @default false
   */
  readonly disableSnapshots?: boolean;
  /**
   * Snapshot schedule, cron syntax (`snapshot_schedule_cron`).
   * @default - RKE2 default
   */
  readonly snapshotScheduleCron?: string;
  /**
   * Snapshots kept (`snapshot_retention`).
   * @default - RKE2 default
   */
  readonly snapshotRetention?: number;
  /**
   * Upload snapshots to S3 (`s3_config`).
   * @default - local snapshots only
   */
  readonly s3Config?: Rancher2ClusterV2EtcdS3Config;
}

/** `upgrade_strategy.*_drain_options`. */
export interface Rancher2ClusterV2DrainOptions {
  /**
   * Drain nodes (`enabled`).
   * @default true
   */
  readonly enabled?: boolean;
  /**
   * Force (`force`).
   * @default false
   */
  readonly force?: boolean;
  /**
   * Ignore DaemonSets (`ignore_daemon_sets`).
   * @default true
   */
  readonly ignoreDaemonSets?: boolean;
  /**
   * Ignore errors (`ignore_errors`).
   * @default false
   */
  readonly ignoreErrors?: boolean;
  /**
   * Delete emptyDir data (`delete_empty_dir_data`).
   * @default false
   */
  readonly deleteEmptyDirData?: boolean;
  /**
   * Delete instead of evict (`disable_eviction`).
   * @default false
   */
  readonly disableEviction?: boolean;
  /**
   * Grace period in seconds (`grace_period`).
   * @default - provider default
   */
  readonly gracePeriod?: number;
  /**
   * Timeout in seconds (`timeout`).
   * @default - provider default
   */
  readonly timeout?: number;
  /**
   * Skip waiting for deletion after this many seconds (`skip_wait_for_delete_timeout_seconds`).
   * @default - provider default
   */
  readonly skipWaitForDeleteTimeoutSeconds?: number;
}

/** `rke_config.upgrade_strategy`. */
export interface Rancher2ClusterV2UpgradeStrategy {
  /**
   * Control-plane nodes upgraded at once, number or percentage (`control_plane_concurrency`).
   * @default - provider default
   */
  readonly controlPlaneConcurrency?: string;
  /**
   * Worker nodes upgraded at once, number or percentage (`worker_concurrency`).
   * @default - provider default
   */
  readonly workerConcurrency?: string;
  /**
   * Drain options for control-plane nodes (`control_plane_drain_options`).
   * @default - no drain settings
   */
  readonly controlPlaneDrainOptions?: Rancher2ClusterV2DrainOptions;
  /**
   * Drain options for worker nodes (`worker_drain_options`).
   * @default - no drain settings
   */
  readonly workerDrainOptions?: Rancher2ClusterV2DrainOptions;
}

/** `rke_config.networking`. */
export interface Rancher2ClusterV2Networking {
  /**
   * IP stack preference (`stack_preference`): dual, ipv6 or ipv4.
   * @default - provider default
   */
  readonly stackPreference?: string;
}

/** `rke_config.rotate_certificates`. */
export interface Rancher2ClusterV2RotateCertificates {
  /** Bump to rotate (`generation`). */
  readonly generation: number;
  /**
   * Services to rotate (`services`).
   * @default - every service
   */
  readonly services?: string[];
}

/** `rke_config.etcd_snapshot_create`. */
export interface Rancher2ClusterV2EtcdSnapshotCreate {
  /** Bump to take a snapshot (`generation`). */
  readonly generation: number;
}

/** `rke_config.etcd_snapshot_restore`. */
export interface Rancher2ClusterV2EtcdSnapshotRestore {
  /** Snapshot name (`name`). */
  readonly name: string;
  /** Bump to restore (`generation`). */
  readonly generation: number;
  /**
   * What to restore (`restore_rke_config`): none, all or kubernetesVersion.
   * @default - provider default
   */
  readonly restoreRkeConfig?: string;
}

/** `rke_config.data_directories`. */
export interface Rancher2ClusterV2DataDirectories {
  /**
   * System agent directory (`system_agent`).
   * @default - RKE2 default
   */
  readonly systemAgent?: string;
  /**
   * Provisioning directory (`provisioning`).
   * @default - RKE2 default
   */
  readonly provisioning?: string;
  /**
   * Distribution data directory (`k8s_distro`).
   * @default - RKE2 default
   */
  readonly k8SDistro?: string;
}

/** `rancher2_cluster_v2.rke_config`. */
export interface Rancher2ClusterV2RkeConfig {
  /**
   * Manifest applied on control-plane nodes (`additional_manifest`).
   * @default - none
   */
  readonly additionalManifest?: string;
  /**
   * Values of the system charts, a YAML string (`chart_values`).
   * @default - none
   */
  readonly chartValues?: string;
  /**
   * RKE2 config keys for every node, a YAML string (`machine_global_config`).
   * @default - none
   */
  readonly machineGlobalConfig?: string;
  /**
   * Machine pools (`machine_pools`).
   * @default - none (custom cluster)
   */
  readonly machinePools?: Rancher2ClusterV2MachinePool[];
  /**
   * Machine pool defaults (`machine_pool_defaults`).
   * @default - none
   */
  readonly machinePoolDefaults?: Rancher2ClusterV2MachinePoolDefaults[];
  /**
   * RKE2 config for selected machines (`machine_selector_config`).
   * @default - none
   */
  readonly machineSelectorConfig?: Rancher2ClusterV2MachineSelectorConfig[];
  /**
   * Files for selected machines (`machine_selector_files`).
   * @default - none
   */
  readonly machineSelectorFiles?: Rancher2ClusterV2MachineSelectorFiles[];
  /**
   * Private registries (`registries`).
   * @default - none
   */
  readonly registries?: Rancher2ClusterV2Registries;
  /**
   * etcd snapshot settings (`etcd`).
   * @default - RKE2 defaults
   */
  readonly etcd?: Rancher2ClusterV2Etcd;
  /**
   * Upgrade strategy (`upgrade_strategy`).
   * @default - provider defaults
   */
  readonly upgradeStrategy?: Rancher2ClusterV2UpgradeStrategy;
  /**
   * Networking (`networking`).
   * @default - provider defaults
   */
  readonly networking?: Rancher2ClusterV2Networking;
  /**
   * Certificate rotation (`rotate_certificates`).
   * @default - none
   */
  readonly rotateCertificates?: Rancher2ClusterV2RotateCertificates;
  /**
   * On-demand etcd snapshot (`etcd_snapshot_create`).
   * @default - none
   */
  readonly etcdSnapshotCreate?: Rancher2ClusterV2EtcdSnapshotCreate;
  /**
   * etcd snapshot restore (`etcd_snapshot_restore`).
   * @default - none
   */
  readonly etcdSnapshotRestore?: Rancher2ClusterV2EtcdSnapshotRestore;
  /**
   * Data directories (`data_directories`).
   * @default - RKE2 defaults
   */
  readonly dataDirectories?: Rancher2ClusterV2DataDirectories[];
}

/** `rancher2_cluster_v2.local_auth_endpoint` (authorised cluster endpoint). */
export interface Rancher2ClusterV2LocalAuthEndpoint {
  /**
   * Turn the endpoint on (`enabled`).
   * @default false
   */
  readonly enabled?: boolean;
  /**
   * FQDN of the endpoint (`fqdn`).
   * @default - none
   */
  readonly fqdn?: string;
  /**
   * CA certificates of the endpoint (`ca_certs`).
   * @default - none
   */
  readonly caCerts?: string;
}

/** `rancher2_cluster_v2.agent_env_vars`. */
export interface Rancher2ClusterV2AgentEnvVar {
  /** Variable name (`name`). */
  readonly name: string;
  /** Variable value (`value`). */
  readonly value: string;
}
