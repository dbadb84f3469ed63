import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { roleBindingSubjectToTerraform } from './converters';
import { resourceOptions } from './metadata';
import { libraryScope } from '../../scope';
import { Rancher2RoleTemplateBindingSubject } from './role-binding-subject';

/** Arguments of `rancher2_cluster_role_template_binding`. */
export interface Rancher2ClusterRoleTemplateBindingConfig extends Rancher2RoleTemplateBindingSubject {
  /** Binding name, unique in the cluster (`name`). */
  readonly name: string;
  /** Management cluster id (`cluster_id`), from `Rancher2ClusterV2.clusterV1Id`. */
  readonly clusterId: string;
  /** Cluster role template, e.g. `cluster-owner` or `cluster-member` (`role_template_id`). */
  readonly roleTemplateId: string;
}

/** `rancher2_cluster_role_template_binding`: a cluster role for a group or user on one Rancher cluster. */
export class Rancher2ClusterRoleTemplateBinding extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_cluster_role_template_binding';

  private readonly config: Rancher2ClusterRoleTemplateBindingConfig;

  constructor(scope: Construct, id: string, config: Rancher2ClusterRoleTemplateBindingConfig) {
    super(libraryScope(scope, id, 'Rancher2ClusterRoleTemplateBinding'), id, resourceOptions(Rancher2ClusterRoleTemplateBinding.tfResourceType, config, `Rancher2ClusterRoleTemplateBinding "${id}"`, ['name', 'clusterId', 'roleTemplateId']));
    this.config = config;
  }

  /** Rancher id of the binding (computed). */
  public get id(): string {
    return this.getStringAttribute('id');
  }

  protected synthesizeAttributes(): { [name: string]: any } {
    const c = this.config;
    return {
      name: cdktf.stringToTerraform(c.name),
      cluster_id: cdktf.stringToTerraform(c.clusterId),
      role_template_id: cdktf.stringToTerraform(c.roleTemplateId),
      ...roleBindingSubjectToTerraform(c),
    };
  }
}
