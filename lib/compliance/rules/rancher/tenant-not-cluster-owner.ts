import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { IComplianceRule, RuleSeverity } from '../../types';
import { bindingsOfProject, CLUSTER_ROLE_BINDING, groupOf, projectsWithClusterId, roleOf } from './role-bindings';

/**
 * A tenant group (one that works in a project of the cluster, or one the pack names) never holds
 * cluster-owner: it could change every other tenant's access and the cluster itself.
 */
export function rancherTenantNotClusterOwner(tenantGroups: string[]): IComplianceRule {
  const named = tenantGroups.length ? ` or named a tenant (${tenantGroups.join(', ')})` : '';
  return defineRule(
    {
      id: 'rke-policy-tenant-not-cluster-owner',
      title: `Tenant groups (with roles in the cluster's projects${named}) do not hold cluster-owner`,
      severity: RuleSeverity.ERROR,
      remediation:
        "Make a platform group the cluster owner (RancherClusterAccess owners) and keep tenant groups on their projects (RancherProjectAccess members, owners, readOnly).",
      remediationTargets: ['RancherClusterAccess.owners', 'RancherProjectAccess.members', 'RancherProjectAccess.owners', 'RancherProjectAccess.readOnly'],
      cisControls: [],
      resourceTypes: [CLUSTER_ROLE_BINDING],
      constructDefault: 'RancherAccess: refuses an owner group that also holds a project role',
    },
    (binding, context) => {
      if (roleOf(binding) !== 'cluster-owner') {
        return notApplicable('not a cluster-owner binding');
      }
      const group = groupOf(binding);
      if (group === undefined) {
        return notApplicable('binds no group');
      }
      if (tenantGroups.includes(group)) {
        return nonCompliant(`${group} is a tenant group named by the pack`);
      }
      const projects = projectsWithClusterId(binding.config?.cluster_id, context).filter((p) =>
        bindingsOfProject(p, context).some((b) => groupOf(b) === group),
      );
      return projects.length === 0
        ? compliant()
        : nonCompliant(`${group} also holds roles in project ${projects.map((p) => JSON.stringify(p.config?.name ?? p.address)).join(', ')} of this cluster (a tenant)`);
    },
  );
}
