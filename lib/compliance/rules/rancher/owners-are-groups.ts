import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER_ROLE_BINDING, GLOBAL_ROLE_BINDING, PROJECT_ROLE_BINDING, roleOf, userOf } from './role-bindings';

/** Roles that own a cluster, a project or Rancher itself. */
const OWNING = new Set(['cluster-owner', 'project-owner', 'admin', 'restricted-admin']);

/** Owner and administrator roles go to groups, so ownership follows directory membership, not a person. */
export const rancherOwnersAreGroups = defineRule(
  {
    id: 'rke-policy-owners-are-groups',
    title: 'Rancher owner and administrator roles (cluster-owner, project-owner, admin) are bound to groups, never to individual users',
    severity: RuleSeverity.ERROR,
    remediation:
      'Bind the role to the group the person belongs to with RancherAccess (RancherGroup.entraId); remove user_id and user_principal_id from owner and admin bindings.',
    remediationTargets: ['RancherAccess', 'RancherGroup.entraId'],
    cisControls: [],
    resourceTypes: [CLUSTER_ROLE_BINDING, PROJECT_ROLE_BINDING, GLOBAL_ROLE_BINDING],
    constructDefault: 'RancherAccess: groups only (RancherGroup), no user bindings',
  },
  (binding) => {
    const role = roleOf(binding);
    if (role === undefined || !OWNING.has(role)) {
      return notApplicable(`role ${role ?? 'unset'} does not own`);
    }
    const user = userOf(binding);
    return user === undefined ? compliant() : nonCompliant(`${role} is bound to the user ${user}`);
  },
);
