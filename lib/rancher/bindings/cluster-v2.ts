import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { blockList, singleBlock, stringList, stringMap, timeoutsToTerraform } from './converters';
import {
  Rancher2ClusterV2AgentEnvVar,
  Rancher2ClusterV2DrainOptions,
  Rancher2ClusterV2FileSource,
  Rancher2ClusterV2FileSourceItem,
  Rancher2ClusterV2FileSourceObject,
  Rancher2ClusterV2LocalAuthEndpoint,
  Rancher2ClusterV2MachineLabelSelector,
  Rancher2ClusterV2MachineLabelSelectorExpression,
  Rancher2ClusterV2MachinePool,
  Rancher2ClusterV2MachineSelectorConfig,
  Rancher2ClusterV2MachineSelectorFiles,
  Rancher2ClusterV2RkeConfig,
} from './cluster-v2-structs';
import { resourceOptions } from './metadata';
import { Rancher2Timeouts } from './timeouts';
import { libraryScope } from '../../scope';

/** Arguments of `rancher2_cluster_v2`. */
export interface Rancher2ClusterV2Config extends cdktf.TerraformMetaArguments {
  /** Cluster name (`name`). */
  readonly name: string;
  /** RKE2 or K3s version, e.g. `v1.32.5+rke2r1` (`kubernetes_version`). */
  readonly kubernetesVersion: string;
  /**
   * Namespace of the Cluster object on the Rancher local cluster (`fleet_namespace`).
   * @default "fleet-default"
   */
  readonly fleetNamespace?: string;
  /**
   * RKE2 configuration (`rke_config`).
   * @default - provider defaults
   */
  readonly rkeConfig?: Rancher2ClusterV2RkeConfig;
  /**
   * Authorised cluster endpoint (`local_auth_endpoint`).
   * @default - off
   */
  readonly localAuthEndpoint?: Rancher2ClusterV2LocalAuthEndpoint;
  /**
   * Environment variables of the Rancher agent (`agent_env_vars`).
   * @default - none
   */
  readonly agentEnvVars?: Rancher2ClusterV2AgentEnvVar[];
  /**
   * Cloud credential id used when a machine pool names none (`cloud_credential_secret_name`).
   * @default - none
   */
  readonly cloudCredentialSecretName?: string;
  /**
   * Pod Security Admission configuration template (`default_pod_security_admission_configuration_template_name`).
   * @default - none
   */
  readonly defaultPodSecurityAdmissionConfigurationTemplateName?: string;
  /**
   * Default cluster role for project members (`default_cluster_role_for_project_members`).
   * @default - none
   */
  readonly defaultClusterRoleForProjectMembers?: string;
  /**
   * Rancher project network isolation (`enable_network_policy`).
   * @default false
   */
  readonly enableNetworkPolicy?: boolean;
  /**
   * Annotations (`annotations`).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
  /**
   * Labels (`labels`).
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * Timeouts (`timeouts`).
   * @default - 30 minutes each
   */
  readonly timeouts?: Rancher2Timeouts;
}

function selectorToTerraform(s: Rancher2ClusterV2MachineLabelSelector): any {
  return {
    match_labels: stringMap(s.matchLabels),
    match_expressions: blockList(s.matchExpressions, (e: Rancher2ClusterV2MachineLabelSelectorExpression) => ({
      key: cdktf.stringToTerraform(e.key),
      operator: cdktf.stringToTerraform(e.operator),
      values: stringList(e.values),
    })),
  };
}

function fileSourceObjectToTerraform(o: Rancher2ClusterV2FileSourceObject): any {
  return {
    name: cdktf.stringToTerraform(o.name),
    default_permissions: cdktf.stringToTerraform(o.defaultPermissions),
    items: blockList(o.items, (i: Rancher2ClusterV2FileSourceItem) => ({
      key: cdktf.stringToTerraform(i.key),
      path: cdktf.stringToTerraform(i.path),
      dynamic: cdktf.booleanToTerraform(i.dynamic),
      permissions: cdktf.stringToTerraform(i.permissions),
      hash: cdktf.stringToTerraform(i.hash),
    })),
  };
}

function drainOptionsToTerraform(d: Rancher2ClusterV2DrainOptions): any {
  return {
    enabled: cdktf.booleanToTerraform(d.enabled),
    force: cdktf.booleanToTerraform(d.force),
    ignore_daemon_sets: cdktf.booleanToTerraform(d.ignoreDaemonSets),
    ignore_errors: cdktf.booleanToTerraform(d.ignoreErrors),
    delete_empty_dir_data: cdktf.booleanToTerraform(d.deleteEmptyDirData),
    disable_eviction: cdktf.booleanToTerraform(d.disableEviction),
    grace_period: cdktf.numberToTerraform(d.gracePeriod),
    timeout: cdktf.numberToTerraform(d.timeout),
    skip_wait_for_delete_timeout_seconds: cdktf.numberToTerraform(d.skipWaitForDeleteTimeoutSeconds),
  };
}

function machinePoolToTerraform(p: Rancher2ClusterV2MachinePool): any {
  return {
    name: cdktf.stringToTerraform(p.name),
    machine_config: singleBlock(p.machineConfig, (m) => ({
      kind: cdktf.stringToTerraform(m.kind),
      name: cdktf.stringToTerraform(m.name),
      api_version: cdktf.stringToTerraform(m.apiVersion),
    })),
    cloud_credential_secret_name: cdktf.stringToTerraform(p.cloudCredentialSecretName),
    control_plane_role: cdktf.booleanToTerraform(p.controlPlaneRole),
    etcd_role: cdktf.booleanToTerraform(p.etcdRole),
    worker_role: cdktf.booleanToTerraform(p.workerRole),
    quantity: cdktf.numberToTerraform(p.quantity),
    drain_before_delete: cdktf.booleanToTerraform(p.drainBeforeDelete),
    node_drain_timeout: cdktf.numberToTerraform(p.nodeDrainTimeout),
    paused: cdktf.booleanToTerraform(p.paused),
    rolling_update: singleBlock(p.rollingUpdate, (r) => ({
      max_unavailable: cdktf.stringToTerraform(r.maxUnavailable),
      max_surge: cdktf.stringToTerraform(r.maxSurge),
    })),
    taints: blockList(p.taints, (t) => ({
      key: cdktf.stringToTerraform(t.key),
      value: cdktf.stringToTerraform(t.value),
      effect: cdktf.stringToTerraform(t.effect),
    })),
    node_startup_timeout_seconds: cdktf.numberToTerraform(p.nodeStartupTimeoutSeconds),
    unhealthy_node_timeout_seconds: cdktf.numberToTerraform(p.unhealthyNodeTimeoutSeconds),
    max_unhealthy: cdktf.stringToTerraform(p.maxUnhealthy),
    unhealthy_range: cdktf.stringToTerraform(p.unhealthyRange),
    machine_os: cdktf.stringToTerraform(p.machineOs),
    machine_labels: stringMap(p.machineLabels),
    hostname_length_limit: cdktf.numberToTerraform(p.hostnameLengthLimit),
    annotations: stringMap(p.annotations),
    labels: stringMap(p.labels),
  };
}

function rkeConfigToTerraform(r: Rancher2ClusterV2RkeConfig): any {
  return {
    additional_manifest: cdktf.stringToTerraform(r.additionalManifest),
    chart_values: cdktf.stringToTerraform(r.chartValues),
    machine_global_config: cdktf.stringToTerraform(r.machineGlobalConfig),
    machine_pools: blockList(r.machinePools, machinePoolToTerraform),
    machine_pool_defaults: blockList(r.machinePoolDefaults, (d) => ({
      hostname_length_limit: cdktf.numberToTerraform(d.hostnameLengthLimit),
    })),
    machine_selector_config: blockList(r.machineSelectorConfig, (s: Rancher2ClusterV2MachineSelectorConfig) => ({
      config: cdktf.stringToTerraform(s.config),
      machine_label_selector: singleBlock(s.machineLabelSelector, selectorToTerraform),
    })),
    machine_selector_files: blockList(r.machineSelectorFiles, (f: Rancher2ClusterV2MachineSelectorFiles) => ({
      machine_label_selector: singleBlock(f.machineLabelSelector, selectorToTerraform),
      file_sources: blockList(f.fileSources, (s: Rancher2ClusterV2FileSource) => ({
        secret: singleBlock(s.secret, fileSourceObjectToTerraform),
        configmap: singleBlock(s.configmap, fileSourceObjectToTerraform),
      })),
    })),
    registries: singleBlock(r.registries, (g) => ({
      configs: blockList(g.configs, (c) => ({
        hostname: cdktf.stringToTerraform(c.hostname),
        auth_config_secret_name: cdktf.stringToTerraform(c.authConfigSecretName),
        tls_secret_name: cdktf.stringToTerraform(c.tlsSecretName),
        ca_bundle: cdktf.stringToTerraform(c.caBundle),
        insecure: cdktf.booleanToTerraform(c.insecure),
      })),
      mirrors: blockList(g.mirrors, (m) => ({
        hostname: cdktf.stringToTerraform(m.hostname),
        endpoints: stringList(m.endpoints),
        rewrites: stringMap(m.rewrites),
      })),
    })),
    etcd: singleBlock(r.etcd, (e) => ({
      disable_snapshots: cdktf.booleanToTerraform(e.disableSnapshots),
      snapshot_schedule_cron: cdktf.stringToTerraform(e.snapshotScheduleCron),
      snapshot_retention: cdktf.numberToTerraform(e.snapshotRetention),
      s3_config: singleBlock(e.s3Config, (s) => ({
        bucket: cdktf.stringToTerraform(s.bucket),
        endpoint: cdktf.stringToTerraform(s.endpoint),
        cloud_credential_name: cdktf.stringToTerraform(s.cloudCredentialName),
        endpoint_ca: cdktf.stringToTerraform(s.endpointCa),
        folder: cdktf.stringToTerraform(s.folder),
        region: cdktf.stringToTerraform(s.region),
        skip_ssl_verify: cdktf.booleanToTerraform(s.skipSslVerify),
      })),
    })),
    upgrade_strategy: singleBlock(r.upgradeStrategy, (u) => ({
      control_plane_concurrency: cdktf.stringToTerraform(u.controlPlaneConcurrency),
      worker_concurrency: cdktf.stringToTerraform(u.workerConcurrency),
      control_plane_drain_options: singleBlock(u.controlPlaneDrainOptions, drainOptionsToTerraform),
      worker_drain_options: singleBlock(u.workerDrainOptions, drainOptionsToTerraform),
    })),
    networking: singleBlock(r.networking, (n) => ({ stack_preference: cdktf.stringToTerraform(n.stackPreference) })),
    rotate_certificates: singleBlock(r.rotateCertificates, (c) => ({
      generation: cdktf.numberToTerraform(c.generation),
      services: stringList(c.services),
    })),
    etcd_snapshot_create: singleBlock(r.etcdSnapshotCreate, (c) => ({ generation: cdktf.numberToTerraform(c.generation) })),
    etcd_snapshot_restore: singleBlock(r.etcdSnapshotRestore, (c) => ({
      name: cdktf.stringToTerraform(c.name),
      generation: cdktf.numberToTerraform(c.generation),
      restore_rke_config: cdktf.stringToTerraform(c.restoreRkeConfig),
    })),
    data_directories: blockList(r.dataDirectories, (d) => ({
      system_agent: cdktf.stringToTerraform(d.systemAgent),
      provisioning: cdktf.stringToTerraform(d.provisioning),
      k8s_distro: cdktf.stringToTerraform(d.k8SDistro),
    })),
  };
}

/** `rancher2_cluster_v2`: an RKE2 (or K3s) cluster provisioned by Rancher. */
export class Rancher2ClusterV2 extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_cluster_v2';

  private readonly config: Rancher2ClusterV2Config;

  constructor(scope: Construct, id: string, config: Rancher2ClusterV2Config) {
    super(libraryScope(scope, id, 'Rancher2ClusterV2'), id, resourceOptions(Rancher2ClusterV2.tfResourceType, config, `Rancher2ClusterV2 "${id}"`, ['name', 'kubernetesVersion']));
    this.config = config;
  }

  /** `<fleet_namespace>/<name>`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Cluster name. */
  public get name(): string {
    return this.getStringAttribute('name');
  }

  /** Management cluster id `c-m-xxxxx` (computed): the `cluster_id` of app_v2, projects and role bindings. */
  public get clusterV1Id(): string {
    return this.getStringAttribute('cluster_v1_id');
  }

  /** Kubeconfig of the cluster through Rancher (computed, sensitive). */
  public get kubeConfig(): string {
    return this.getStringAttribute('kube_config');
  }

  /** Kubernetes resourceVersion (computed). */
  public get resourceVersion(): string {
    return this.getStringAttribute('resource_version');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: cdktf.stringToTerraform(c.name),
      kubernetes_version: cdktf.stringToTerraform(c.kubernetesVersion),
      fleet_namespace: cdktf.stringToTerraform(c.fleetNamespace),
      rke_config: singleBlock(c.rkeConfig, rkeConfigToTerraform),
      local_auth_endpoint: singleBlock(c.localAuthEndpoint, (l) => ({
        enabled: cdktf.booleanToTerraform(l.enabled),
        fqdn: cdktf.stringToTerraform(l.fqdn),
        ca_certs: cdktf.stringToTerraform(l.caCerts),
      })),
      agent_env_vars: blockList(c.agentEnvVars, (e) => ({
        name: cdktf.stringToTerraform(e.name),
        value: cdktf.stringToTerraform(e.value),
      })),
      cloud_credential_secret_name: cdktf.stringToTerraform(c.cloudCredentialSecretName),
      default_pod_security_admission_configuration_template_name: cdktf.stringToTerraform(c.defaultPodSecurityAdmissionConfigurationTemplateName),
      default_cluster_role_for_project_members: cdktf.stringToTerraform(c.defaultClusterRoleForProjectMembers),
      enable_network_policy: cdktf.booleanToTerraform(c.enableNetworkPolicy),
      annotations: stringMap(c.annotations),
      labels: stringMap(c.labels),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
