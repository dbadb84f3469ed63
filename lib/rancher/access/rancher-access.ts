import { createHash } from 'crypto';
import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp } from '../../errors';
import { Rancher2ClusterRoleTemplateBinding } from '../bindings/cluster-role-template-binding';
import { Rancher2ClusterV2 } from '../bindings/cluster-v2';
import { Rancher2GlobalRoleBinding } from '../bindings/global-role-binding';
import { Rancher2Project } from '../bindings/project';
import { Rancher2ProjectRoleTemplateBinding } from '../bindings/project-role-template-binding';
import { libraryScope } from '../../scope';
import { RancherGroup } from './rancher-group';
import { RancherClusterRole, RancherGlobalRole, RancherProjectRole } from './rancher-roles';

/** A global role for a group. */
export interface RancherGlobalRoleGrant {
  /** The group. */
  readonly group: RancherGroup;
  /** The global role, e.g. `RancherGlobalRole.CLUSTERS_CREATE` (who may create clusters). */
  readonly role: RancherGlobalRole;
}

/** A cluster role for a group. */
export interface RancherClusterRoleGrant {
  /** The group. */
  readonly group: RancherGroup;
  /** The cluster role. */
  readonly role: RancherClusterRole;
}

/** A project role for a group. */
export interface RancherProjectRoleGrant {
  /** The group. */
  readonly group: RancherGroup;
  /** The project role. */
  readonly role: RancherProjectRole;
}

/** A Rancher project of a cluster and the groups (tenants) that work in it. */
export interface RancherProjectAccess {
  /** Project name, unique in the cluster. */
  readonly name: string;
  /**
   * Project description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Groups that own the project (`project-owner`: everything in it, including its membership).
   * @default - none (the cluster owners manage it)
   */
  readonly owners?: RancherGroup[];
  /**
   * Groups that work in the project (`project-member`).
   * @default - none
   */
  readonly members?: RancherGroup[];
  /**
   * Groups that only see the project (`read-only`).
   * @default - none
   */
  readonly readOnly?: RancherGroup[];
  /**
   * Other project roles.
   * @default - none
   */
  readonly roles?: RancherProjectRoleGrant[];
}

/** Who runs one Rancher cluster: its owner groups, members, and the projects of its tenants. */
export interface RancherClusterAccess {
  /** The cluster, a `rancher2_cluster_v2` of the same stack (`HardenedRke2Cluster.cluster`). */
  readonly cluster: Rancher2ClusterV2;
  /** Groups that own the cluster (`cluster-owner`): the platform team. At least one; never a tenant's group. */
  readonly owners: RancherGroup[];
  /**
   * Groups that see the cluster and may create projects (`cluster-member`).
   * @default - none
   */
  readonly members?: RancherGroup[];
  /**
   * Other cluster roles.
   * @default - none
   */
  readonly roles?: RancherClusterRoleGrant[];
  /**
   * Projects of the cluster and their groups.
   * @default - none
   */
  readonly projects?: RancherProjectAccess[];
}

/** Props of {@link RancherAccess}. */
export interface RancherAccessProps {
  /**
   * Rancher-wide roles, e.g. who may create clusters (`RancherGlobalRole.CLUSTERS_CREATE`).
   * @default - none
   */
  readonly globalRoles?: RancherGlobalRoleGrant[];
  /**
   * Who runs each cluster.
   * @default - none (add clusters with `addCluster`)
   */
  readonly clusters?: RancherClusterAccess[];
}

/** Short, stable suffix for names derived from a principal (Rancher object names must be DNS names). */
function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 10);
}

/**
 * Who may run clusters in Rancher: groups of the auth provider (Entra ID) bound to global roles, to cluster
 * roles (owner, member) and to project roles, through the rancher2 provider. Only groups are accepted, so
 * access follows directory membership; every cluster gets at least one owner group, and a group that works
 * in a project (a tenant) cannot also own the cluster. `RkeClusterPolicyPack` checks the same on every
 * cluster of the app, bindings made elsewhere included.
 *
 * The bindings must be in the stack of the cluster: the compliance rules read one stack at a time.
 */
export class RancherAccess extends Construct {
  /** The global role bindings. */
  public readonly globalRoleBindings: Rancher2GlobalRoleBinding[] = [];
  /** The cluster role template bindings. */
  public readonly clusterRoleBindings: Rancher2ClusterRoleTemplateBinding[] = [];
  /** The projects. */
  public readonly projects: Rancher2Project[] = [];
  /** The project role template bindings. */
  public readonly projectRoleBindings: Rancher2ProjectRoleTemplateBinding[] = [];
  private readonly construct: string;
  private readonly clusters = new Set<Rancher2ClusterV2>();
  private readonly globalGrants = new Set<string>();

  constructor(scope: Construct, id: string, props: RancherAccessProps = {}) {
    super(libraryScope(scope, id, 'RancherAccess'), id);
    this.construct = `RancherAccess ${this.node.path}`;
    (props?.globalRoles ?? []).forEach((g, i) => this.grant(g, `globalRoles[${i}]`));
    (props?.clusters ?? []).forEach((c, i) => this.add(c, `clusters[${i}]`));
  }

  /** Binds a group to a global role. */
  public grantGlobalRole(grant: RancherGlobalRoleGrant): Rancher2GlobalRoleBinding {
    return this.grant(grant, 'grantGlobalRole');
  }

  /** Binds the owners, members and project groups of one more cluster. */
  public addCluster(access: RancherClusterAccess): void {
    this.add(access, 'addCluster');
  }

  private grant(grant: RancherGlobalRoleGrant, at: string): Rancher2GlobalRoleBinding {
    const group = this.group(grant?.group, `${at}.group`);
    const role = grant?.role;
    if (!(role instanceof RancherGlobalRole)) {
      throw invalidProp(this.construct, `${at}.role`, role, 'a RancherGlobalRole member or RancherGlobalRole.custom(id)', 'e.g. role: RancherGlobalRole.CLUSTERS_CREATE');
    }
    const key = `${role.id} ${group.principalId}`;
    if (this.globalGrants.has(key)) {
      throw invalidProp(this.construct, at, key, 'each group bound to a global role once', 'remove the duplicate grant');
    }
    this.globalGrants.add(key);
    const binding = new Rancher2GlobalRoleBinding(this, `global-${role.id}-${shortHash(group.principalId)}`, {
      globalRoleId: role.id,
      groupPrincipalId: group.principalId,
    });
    this.globalRoleBindings.push(binding);
    return binding;
  }

  private add(access: RancherClusterAccess, at: string): void {
    const cluster = access?.cluster;
    if (!(cluster instanceof Rancher2ClusterV2)) {
      throw invalidProp(this.construct, `${at}.cluster`, cluster === undefined ? undefined : String(cluster), 'a Rancher2ClusterV2', 'pass HardenedRke2Cluster.cluster');
    }
    if (TerraformStack.of(cluster) !== TerraformStack.of(this)) {
      throw invalidProp(
        this.construct,
        `${at}.cluster`,
        cluster.node.path,
        `a cluster of this construct's stack (${TerraformStack.of(this).node.path})`,
        "create RancherAccess in the cluster's stack: the compliance rules read one stack at a time and would not see its owners",
      );
    }
    if (this.clusters.has(cluster)) {
      throw invalidProp(this.construct, `${at}.cluster`, cluster.node.path, 'each cluster added once', 'list all of its groups in one RancherClusterAccess');
    }
    if (!Array.isArray(access.owners) || access.owners.length === 0) {
      throw missingProp(this.construct, `${at}.owners`, 'name at least one owner group of the platform team, e.g. [RancherGroup.entraId("<object id>")]: a cluster without an owner group is run by whoever created it');
    }
    this.clusters.add(cluster);
    const scope = new Construct(this, `cluster-${shortHash(cluster.node.path)}`);
    const owners = this.groups(access.owners, `${at}.owners`);
    const tenants = new Map<string, string>();
    const projects = access.projects ?? [];
    const projectNames = new Set<string>();
    const projectGrants = projects.map((project, p) => {
      const where = `${at}.projects[${p}]`;
      if (!project || typeof project.name !== 'string' || !project.name.trim()) {
        throw missingProp(this.construct, `${where}.name`, 'name the project, e.g. "payments"');
      }
      if (projectNames.has(project.name)) {
        throw invalidProp(this.construct, `${where}.name`, project.name, 'a project name used once per cluster', 'merge the two projects');
      }
      projectNames.add(project.name);
      const grants: Array<[RancherGroup, RancherProjectRole]> = [
        ...this.groups(project.owners, `${where}.owners`).map((g) => [g, RancherProjectRole.PROJECT_OWNER] as [RancherGroup, RancherProjectRole]),
        ...this.groups(project.members, `${where}.members`).map((g) => [g, RancherProjectRole.PROJECT_MEMBER] as [RancherGroup, RancherProjectRole]),
        ...this.groups(project.readOnly, `${where}.readOnly`).map((g) => [g, RancherProjectRole.READ_ONLY] as [RancherGroup, RancherProjectRole]),
        ...(project.roles ?? []).map((r, i) => [this.group(r?.group, `${where}.roles[${i}].group`), this.projectRole(r?.role, `${where}.roles[${i}].role`)] as [RancherGroup, RancherProjectRole]),
      ];
      grants.forEach(([g]) => tenants.set(g.principalId, project.name));
      return { project, grants };
    });
    for (const owner of owners) {
      const project = tenants.get(owner.principalId);
      if (project !== undefined) {
        throw new HardenedK8sError(
          `${this.construct}: ${at}.owners lists ${owner.principalId}, which also holds a role in project "${project}" (a tenant group). ` +
            'Allowed: cluster owners from the platform team only; a tenant owning the cluster could change every other tenant\'s access. ' +
            'Fix: make a separate platform group the owner, and keep the tenant group on its project.',
        );
      }
    }

    const clusterGrants: Array<[RancherGroup, RancherClusterRole]> = [
      ...owners.map((g) => [g, RancherClusterRole.CLUSTER_OWNER] as [RancherGroup, RancherClusterRole]),
      ...this.groups(access.members, `${at}.members`).map((g) => [g, RancherClusterRole.CLUSTER_MEMBER] as [RancherGroup, RancherClusterRole]),
      ...(access.roles ?? []).map((r, i) => [this.group(r?.group, `${at}.roles[${i}].group`), this.clusterRole(r?.role, `${at}.roles[${i}].role`)] as [RancherGroup, RancherClusterRole]),
    ];
    for (const [group, role] of unique(clusterGrants, `${this.construct}: ${at}`)) {
      const name = `${role.id}-${shortHash(group.principalId)}`;
      this.clusterRoleBindings.push(
        new Rancher2ClusterRoleTemplateBinding(scope, name, { name, clusterId: cluster.clusterV1Id, roleTemplateId: role.id, groupPrincipalId: group.principalId }),
      );
    }
    for (const { project, grants } of projectGrants) {
      const projectScope = new Construct(scope, `project-${shortHash(project.name)}`);
      const resource = new Rancher2Project(projectScope, 'project', {
        name: project.name,
        clusterId: cluster.clusterV1Id,
        description: project.description,
        // The cluster may still be provisioning when the project is planned.
        waitForCluster: true,
      });
      this.projects.push(resource);
      for (const [group, role] of unique(grants, `${this.construct}: ${at}, project "${project.name}"`)) {
        const name = `${role.id}-${shortHash(group.principalId)}`;
        this.projectRoleBindings.push(
          new Rancher2ProjectRoleTemplateBinding(projectScope, name, { name, projectId: resource.id, roleTemplateId: role.id, groupPrincipalId: group.principalId }),
        );
      }
    }
  }

  private groups(groups: RancherGroup[] | undefined, at: string): RancherGroup[] {
    if (groups !== undefined && !Array.isArray(groups)) {
      throw invalidProp(this.construct, at, groups, 'a list of RancherGroup', 'e.g. [RancherGroup.entraId("<object id>")]');
    }
    return (groups ?? []).map((g, i) => this.group(g, `${at}[${i}]`));
  }

  private group(group: RancherGroup | undefined, at: string): RancherGroup {
    if (!(group instanceof RancherGroup)) {
      throw invalidProp(
        this.construct,
        at,
        group,
        'a RancherGroup (RancherGroup.entraId(objectId) or RancherGroup.principal(principalId)); individual users are not accepted',
        'bind the Entra ID group the people belong to: access then follows group membership',
      );
    }
    return group;
  }

  private clusterRole(role: RancherClusterRole | undefined, at: string): RancherClusterRole {
    if (!(role instanceof RancherClusterRole)) {
      throw invalidProp(this.construct, at, role, 'a RancherClusterRole member or RancherClusterRole.custom(id)', 'e.g. RancherClusterRole.NODES_VIEW');
    }
    return role;
  }

  private projectRole(role: RancherProjectRole | undefined, at: string): RancherProjectRole {
    if (!(role instanceof RancherProjectRole)) {
      throw invalidProp(this.construct, at, role, 'a RancherProjectRole member or RancherProjectRole.custom(id)', 'e.g. RancherProjectRole.WORKLOADS_VIEW');
    }
    return role;
  }
}

/** The grants, each (group, role) once; a repeated one is a mistake worth naming. */
function unique<R extends { id: string }>(grants: Array<[RancherGroup, R]>, where: string): Array<[RancherGroup, R]> {
  const seen = new Set<string>();
  for (const [group, role] of grants) {
    const key = `${role.id} ${group.principalId}`;
    if (seen.has(key)) {
      throw new HardenedK8sError(`${where}: ${group.principalId} is given role ${role.id} twice. Allowed: each group once per role. Fix: remove the duplicate.`);
    }
    seen.add(key);
  }
  return grants;
}
