import { compliant, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER_ROLE_BINDING, groupOf, refersToCluster, roleOf, userOf } from './role-bindings';

/** Every Rancher cluster of the app has an owner group bound in its stack. */
export const rancherClusterOwnerGroup = defineRule(
  {
    id: 'rke-policy-cluster-owner-group',
    title: 'Every Rancher cluster has an owner group (cluster-owner bound to a group of the auth provider)',
    severity: RuleSeverity.ERROR,
    remediation:
      "Create RancherAccess in the cluster's stack with the platform team's group in RancherClusterAccess owners (RancherGroup.entraId), " +
      'or add a rancher2_cluster_role_template_binding with role_template_id = "cluster-owner", cluster_id = the cluster\'s cluster_v1_id and group_principal_id.',
    remediationTargets: ['RancherAccess', 'RancherClusterAccess.owners', 'RancherGroup.entraId'],
    cisControls: [],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'RancherAccess: cluster-owner bound to each owners group of RancherClusterAccess',
  },
  (cluster, context) => {
    const bindings = context.resourcesOfType(CLUSTER_ROLE_BINDING).filter((b) => refersToCluster(b.config?.cluster_id, cluster));
    const owners = bindings.filter((b) => roleOf(b) === 'cluster-owner' && groupOf(b) !== undefined && userOf(b) === undefined);
    if (owners.length === 0) {
      return nonCompliant(
        bindings.length === 0 ? 'no cluster role binding refers to this cluster in its stack' : 'no cluster-owner binding to a group refers to this cluster',
      );
    }
    return compliant(`owner groups: ${owners.map(groupOf).sort().join(', ')}`);
  },
);
