import * as cdktf from 'cdktf';
import { Construct } from 'constructs';
import { roleBindingSubjectToTerraform } from './converters';
import { resourceOptions } from './metadata';
import { libraryScope } from '../../scope';
import { Rancher2RoleTemplateBindingSubject } from './role-binding-subject';

/** Arguments of `rancher2_project_role_template_binding`. */
export interface Rancher2ProjectRoleTemplateBindingConfig extends Rancher2RoleTemplateBindingSubject {
  /** Binding name, unique in the project (`name`). */
  readonly name: string;
  /** Project id `c-xxx:p-yyy` (`project_id`), from `Rancher2Project.id`. */
  readonly projectId: string;
  /** Project role template, e.g. `project-owner`, `project-member` or `read-only` (`role_template_id`). */
  readonly roleTemplateId: string;
}

/** `rancher2_project_role_template_binding`: a project role for a group or user on one Rancher project. */
export class Rancher2ProjectRoleTemplateBinding extends cdktf.TerraformResource {
  /** Terraform resource type. */
  public static readonly tfResourceType = 'rancher2_project_role_template_binding';

  private readonly config: Rancher2ProjectRoleTemplateBindingConfig;

  constructor(scope: Construct, id: string, config: Rancher2ProjectRoleTemplateBindingConfig) {
    super(libraryScope(scope, id, 'Rancher2ProjectRoleTemplateBinding'), id, resourceOptions(Rancher2ProjectRoleTemplateBinding.tfResourceType, config, `Rancher2ProjectRoleTemplateBinding "${id}"`, ['name', 'projectId', 'roleTemplateId']));
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
      project_id: cdktf.stringToTerraform(c.projectId),
      role_template_id: cdktf.stringToTerraform(c.roleTemplateId),
      ...roleBindingSubjectToTerraform(c),
    };
  }
}
