import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { stringMap, timeoutsToTerraform } from './converters';
import { resourceOptions } from './metadata';
import { Rancher2Timeouts } from './timeouts';
import { libraryScope } from '../../scope';

/** Arguments of `rancher2_app_v2`. */
export interface Rancher2AppV2Config extends cdktf.TerraformMetaArguments {
  /** Management cluster id (`cluster_id`), from `Rancher2ClusterV2.clusterV1Id`. */
  readonly clusterId: string;
  /** Release name (`name`). */
  readonly name: string;
  /** Namespace (`namespace`). */
  readonly namespace: string;
  /** ClusterRepo name, e.g. `rancher-charts` (`repo_name`). */
  readonly repoName: string;
  /** Chart name (`chart_name`). */
  readonly chartName: string;
  /**
   * Chart version (`chart_version`).
   * @default - the latest version in the repo
   */
  readonly chartVersion?: string;
  /**
   * Project id `c-xxx:p-yyy` (`project_id`).
   * @default - none
   */
  readonly projectId?: string;
  /**
   * Chart values, a YAML string (`values`); not sensitive in the provider.
   * @default - chart defaults
   */
  readonly values?: string;
  /**
   * System default registry (`system_default_registry`).
   * @default - Rancher's
   */
  readonly systemDefaultRegistry?: string;
  /**
   * Clean up on failure (`cleanup_on_fail`).
   * @default false
   */
  readonly cleanupOnFail?: boolean;
  /**
   * Disable hooks (`disable_hooks`).
   * @default false
   */
  readonly disableHooks?: boolean;
  /**
   * Disable OpenAPI validation (`disable_open_api_validation`).
   * @default false
   */
  readonly disableOpenApiValidation?: boolean;
  /**
   * Force upgrade (`force_upgrade`).
   * @default false
   */
  readonly forceUpgrade?: boolean;
  /**
   * Wait for the release (`wait`).
   * @default true
   */
  readonly wait?: boolean;
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

/** `rancher2_app_v2`: a Helm chart installed on a downstream cluster through Rancher Apps. */
export class Rancher2AppV2 extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_app_v2';

  private readonly config: Rancher2AppV2Config;

  constructor(scope: Construct, id: string, config: Rancher2AppV2Config) {
    super(libraryScope(scope, id, 'Rancher2AppV2'), id, resourceOptions(Rancher2AppV2.tfResourceType, config, `Rancher2AppV2 "${id}"`, ['clusterId', 'name', 'namespace', 'repoName', 'chartName']));
    this.config = config;
  }

  /** `<cluster_id>.<namespace>/<name>`. */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  /** Cluster name (computed). */
  public get clusterName(): string {
    return this.getStringAttribute('cluster_name');
  }

  /** Values including provider-added globals (computed). */
  public get deploymentValues(): string {
    return this.getStringAttribute('deployment_values');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      cluster_id: cdktf.stringToTerraform(c.clusterId),
      name: cdktf.stringToTerraform(c.name),
      namespace: cdktf.stringToTerraform(c.namespace),
      repo_name: cdktf.stringToTerraform(c.repoName),
      chart_name: cdktf.stringToTerraform(c.chartName),
      chart_version: cdktf.stringToTerraform(c.chartVersion),
      project_id: cdktf.stringToTerraform(c.projectId),
      values: cdktf.stringToTerraform(c.values),
      system_default_registry: cdktf.stringToTerraform(c.systemDefaultRegistry),
      cleanup_on_fail: cdktf.booleanToTerraform(c.cleanupOnFail),
      disable_hooks: cdktf.booleanToTerraform(c.disableHooks),
      disable_open_api_validation: cdktf.booleanToTerraform(c.disableOpenApiValidation),
      force_upgrade: cdktf.booleanToTerraform(c.forceUpgrade),
      wait: cdktf.booleanToTerraform(c.wait),
      annotations: stringMap(c.annotations),
      labels: stringMap(c.labels),
      timeouts: timeoutsToTerraform(c.timeouts),
    };
  }
}
