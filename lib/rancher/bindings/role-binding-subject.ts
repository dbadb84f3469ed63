import * as cdktf from 'cdktf';
import { Rancher2Timeouts } from './timeouts';

/**
 * Who a `rancher2_cluster_role_template_binding` or `rancher2_project_role_template_binding` binds: one group
 * (`group_id` or `group_principal_id`) or one user (`user_id` or `user_principal_id`).
 */
export interface Rancher2RoleTemplateBindingSubject extends cdktf.TerraformMetaArguments {
  /**
   * Rancher group id (`group_id`).
   * @default - none
   */
  readonly groupId?: string;
  /**
   * Group principal of the auth provider, e.g. `azuread_group://<object id>` (`group_principal_id`).
   * @default - none
   */
  readonly groupPrincipalId?: string;
  /**
   * Rancher user id, e.g. `u-abc12` (`user_id`).
   * @default - none
   */
  readonly userId?: string;
  /**
   * User principal of the auth provider, e.g. `azuread_user://<object id>` (`user_principal_id`).
   * @default - none
   */
  readonly userPrincipalId?: string;
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
