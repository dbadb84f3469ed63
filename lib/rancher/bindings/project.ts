import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { singleBlock, stringMap, timeoutsToTerraform } from './converters';
import { resourceOptions } from './metadata';
import { libraryScope } from '../../scope';
import { Rancher2Timeouts } from './timeouts';

/** Default container requests and limits of a project (`container_resource_limit`), Kubernetes quantities. */
export interface Rancher2ProjectContainerResourceLimit {
  /**
   * CPU limit (`limits_cpu`), e.g. `500m`.
   * @default - none
   */
  readonly limitsCpu?: string;
  /**
   * Memory limit (`limits_memory`), e.g. `512Mi`.
   * @default - none
   */
  readonly limitsMemory?: string;
  /**
   * CPU request (`requests_cpu`).
   * @default - none
   */
  readonly requestsCpu?: string;
  /**
   * Memory request (`requests_memory`).
   * @default - none
   */
  readonly requestsMemory?: string;
}

/** Hard limits of a project or of each of its namespaces (`project_limit`, `namespace_default_limit`), as strings. */
export interface Rancher2ProjectResourceQuotaLimit {
  /**
   * ConfigMaps (`config_maps`).
   * @default - not limited
   */
  readonly configMaps?: string;
  /**
   * Extended resources by name, e.g. `requests.nvidia.com/gpu` (`extended`).
   * @default - none
   */
  readonly extended?: { [key: string]: string };
  /**
   * CPU limits (`limits_cpu`).
   * @default - not limited
   */
  readonly limitsCpu?: string;
  /**
   * Memory limits (`limits_memory`).
   * @default - not limited
   */
  readonly limitsMemory?: string;
  /**
   * PersistentVolumeClaims (`persistent_volume_claims`).
   * @default - not limited
   */
  readonly persistentVolumeClaims?: string;
  /**
   * Pods (`pods`).
   * @default - not limited
   */
  readonly pods?: string;
  /**
   * ReplicationControllers (`replication_controllers`).
   * @default - not limited
   */
  readonly replicationControllers?: string;
  /**
   * CPU requests (`requests_cpu`).
   * @default - not limited
   */
  readonly requestsCpu?: string;
  /**
   * Memory requests (`requests_memory`).
   * @default - not limited
   */
  readonly requestsMemory?: string;
  /**
   * Storage requests (`requests_storage`).
   * @default - not limited
   */
  readonly requestsStorage?: string;
  /**
   * Secrets (`secrets`).
   * @default - not limited
   */
  readonly secrets?: string;
  /**
   * Services (`services`).
   * @default - not limited
   */
  readonly services?: string;
  /**
   * LoadBalancer services (`services_load_balancers`).
   * @default - not limited
   */
  readonly servicesLoadBalancers?: string;
  /**
   * NodePort services (`services_node_ports`).
   * @default - not limited
   */
  readonly servicesNodePorts?: string;
}

/** Resource quota of a project (`resource_quota`). */
export interface Rancher2ProjectResourceQuota {
  /** Limits of the whole project (`project_limit`). */
  readonly projectLimit: Rancher2ProjectResourceQuotaLimit;
  /** Limits each namespace of the project gets (`namespace_default_limit`). */
  readonly namespaceDefaultLimit: Rancher2ProjectResourceQuotaLimit;
}

/** Arguments of `rancher2_project`. */
export interface Rancher2ProjectConfig extends cdktf.TerraformMetaArguments {
  /** Project name (`name`). */
  readonly name: string;
  /** Management cluster id (`cluster_id`), from `Rancher2ClusterV2.clusterV1Id`. */
  readonly clusterId: string;
  /**
   * Description (`description`).
   * @default - none
   */
  readonly description?: string;
  /**
   * Default container requests and limits (`container_resource_limit`).
   * @default - none
   */
  readonly containerResourceLimit?: Rancher2ProjectContainerResourceLimit;
  /**
   * Resource quota (`resource_quota`).
   * @default - none
   */
  readonly resourceQuota?: Rancher2ProjectResourceQuota;
  /**
   * Wait for the cluster to be active before creating the project (`wait_for_cluster`).
   * @default false
   */
  readonly waitForCluster?: boolean;
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
   * @default - 10 minutes each
   */
  readonly timeouts?: Rancher2Timeouts;
}

function quotaLimitToTerraform(l: Rancher2ProjectResourceQuotaLimit): any {
  return {
    config_maps: cdktf.stringToTerraform(l.configMaps),
    extended: stringMap(l.extended),
    limits_cpu: cdktf.stringToTerraform(l.limitsCpu),
    limits_memory: cdktf.stringToTerraform(l.limitsMemory),
    persistent_volume_claims: cdktf.stringToTerraform(l.persistentVolumeClaims),
    pods: cdktf.stringToTerraform(l.pods),
    replication_controllers: cdktf.stringToTerraform(l.replicationControllers),
    requests_cpu: cdktf.stringToTerraform(l.requestsCpu),
    requests_memory: cdktf.stringToTerraform(l.requestsMemory),
    requests_storage: cdktf.stringToTerraform(l.requestsStorage),
    secrets: cdktf.stringToTerraform(l.secrets),
    services: cdktf.stringToTerraform(l.services),
    services_load_balancers: cdktf.stringToTerraform(l.servicesLoadBalancers),
    services_node_ports: cdktf.stringToTerraform(l.servicesNodePorts),
  };
}

/** `rancher2_project`: a Rancher project (a group of namespaces with shared access and quotas) on a cluster. */
export class Rancher2Project extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_project';

  private readonly config: Rancher2ProjectConfig;

  constructor(scope: Construct, id: string, config: Rancher2ProjectConfig) {
    super(libraryScope(scope, id, 'Rancher2Project'), id, resourceOptions(Rancher2Project.tfResourceType, config, `Rancher2Project "${id}"`, ['name', 'clusterId']));
    this.config = config;
  }

  /** Project id `<cluster_id>:<project_id>` (computed): the `project_id` of namespaces and role bindings. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: cdktf.stringToTerraform(c.name),
      cluster_id: cdktf.stringToTerraform(c.clusterId),
      description: cdktf.stringToTerraform(c.description),
      container_resource_limit: singleBlock(c.containerResourceLimit, (l) => ({
        limits_cpu: cdktf.stringToTerraform(l.limitsCpu),
        limits_memory: cdktf.stringToTerraform(l.limitsMemory),
        requests_cpu: cdktf.stringToTerraform(l.requestsCpu),
        requests_memory: cdktf.stringToTerraform(l.requestsMemory),
      })),
      resource_quota: singleBlock(c.resourceQuota, (q) => ({
        project_limit: quotaLimitToTerraform(q.projectLimit),
        namespace_default_limit: quotaLimitToTerraform(q.namespaceDefaultLimit),
      })),
      wait_for_cluster: cdktf.booleanToTerraform(c.waitForCluster),
      annotations: stringMap(c.annotations),
      labels: stringMap(c.labels),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
