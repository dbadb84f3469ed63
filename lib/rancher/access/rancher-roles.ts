import { Token } from 'cdktf';
import { invalidProp } from '../../errors';

const ROLE_ID = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

// Built-in role ids of Rancher 2.14 (pkg/data/management/role_data.go at v2.14.0), the line the rancher2
// provider 14.x manages: global roles, then role templates by context.
const GLOBAL = ['admin', 'user', 'user-base', 'clusters-create', 'nodedrivers-manage', 'kontainerdrivers-manage', 'users-manage', 'roles-manage', 'authn-manage', 'settings-manage', 'proxy-endpoints-manage', 'features-manage', 'view-rancher-metrics', 'manage-oidc-clients'];
const CLUSTER = ['cluster-owner', 'cluster-member', 'cluster-admin', 'projects-create', 'projects-view', 'nodes-manage', 'nodes-view', 'storage-manage', 'clusterroletemplatebindings-manage', 'clusterroletemplatebindings-view', 'clustercatalogs-manage', 'clustercatalogs-view', 'backups-manage', 'navlinks-manage'];
const PROJECT = ['project-owner', 'project-member', 'read-only', 'admin', 'edit', 'view', 'create-ns', 'workloads-manage', 'workloads-view', 'ingress-manage', 'ingress-view', 'services-manage', 'services-view', 'secrets-manage', 'secrets-view', 'configmaps-manage', 'configmaps-view', 'persistentvolumeclaims-manage', 'persistentvolumeclaims-view', 'serviceaccounts-manage', 'serviceaccounts-view', 'projectroletemplatebindings-manage', 'projectroletemplatebindings-view', 'project-monitoring-readonly', 'monitoring-ui-view', 'navlinks-view'];
// Built-in roles of earlier lines that Rancher no longer creates, with the line that dropped them: a binding
// to one would name a role that does not exist.
const REMOVED: Record<string, string> = {
  'restricted-admin': '2.11',
  'catalogs-manage': '2.11',
  'catalogs-use': '2.11',
  'projectcatalogs-manage': '2.11',
  'projectcatalogs-view': '2.11',
  'clustertemplates-create': '2.12',
  'clustertemplaterevisions-create': '2.12',
};

/** Which role list a custom id must not shadow, for messages. */
const CONTEXTS: Record<string, { builtIn: string[]; others: Array<[string, string[]]> }> = {
  RancherGlobalRole: { builtIn: GLOBAL, others: [['a cluster role (RancherClusterRole)', CLUSTER], ['a project role (RancherProjectRole)', PROJECT]] },
  RancherClusterRole: { builtIn: CLUSTER, others: [['a global role (RancherGlobalRole)', GLOBAL], ['a project role (RancherProjectRole)', PROJECT]] },
  RancherProjectRole: { builtIn: PROJECT, others: [['a global role (RancherGlobalRole)', GLOBAL], ['a cluster role (RancherClusterRole)', CLUSTER]] },
};

/**
 * Checks the id given to `custom`: a Kubernetes name, no built-in role that has a member (use the member),
 * no role Rancher has dropped, and no built-in role of another context (which would not exist here). A
 * built-in role of this context without a member is accepted as it is.
 */
function customRoleId(kind: string, id: string, members: object): string {
  const context = CONTEXTS[kind];
  if (typeof id !== 'string' || Token.isUnresolved(id) || !ROLE_ID.test(id) || id.length > 253) {
    throw invalidProp(`${kind}.custom`, 'id', id, 'the literal id of a role template, lower-case letters, digits and "-"', 'pass the id Rancher shows for the role, e.g. "rt-abc12" or the name of your rancher2_role_template');
  }
  const member = Object.entries(members).find(([, role]) => role?.id === id && typeof role === 'object');
  if (member) {
    throw invalidProp(`${kind}.custom`, 'id', id, 'the id of a custom role', `use the built-in member ${kind}.${member[0]}`);
  }
  if (REMOVED[id] !== undefined && !context.builtIn.includes(id)) {
    throw invalidProp(`${kind}.custom`, 'id', id, `a role Rancher 2.14 has; Rancher ${REMOVED[id]} removed "${id}"`, 'bind a role that exists, e.g. a custom global role with the permissions you need');
  }
  if (context.builtIn.includes(id)) {
    return id;
  }
  const other = context.others.find(([, ids]) => ids.includes(id));
  if (other) {
    throw invalidProp(`${kind}.custom`, 'id', id, `a role of this context; "${id}" is ${other[0]}`, `use ${kind} members here, or bind "${id}" where it applies`);
  }
  return id;
}

/** Rancher global roles (Rancher-wide permissions, such as who may create clusters). */
export class RancherGlobalRole {
  /** Full administrator of Rancher and every cluster. */
  public static readonly ADMIN = new RancherGlobalRole('admin');
  /** Standard user: may log in, see what they are bound to, create clusters they then own. */
  public static readonly USER = new RancherGlobalRole('user');
  /** May log in and nothing more until bound to a cluster or project. */
  public static readonly USER_BASE = new RancherGlobalRole('user-base');
  /** May create clusters (and becomes their owner). */
  public static readonly CLUSTERS_CREATE = new RancherGlobalRole('clusters-create');
  /** May manage users and global role bindings. */
  public static readonly USERS_MANAGE = new RancherGlobalRole('users-manage');
  /** May manage role templates. */
  public static readonly ROLES_MANAGE = new RancherGlobalRole('roles-manage');
  /** May manage authentication providers. */
  public static readonly AUTHN_MANAGE = new RancherGlobalRole('authn-manage');
  /** May manage Rancher settings. */
  public static readonly SETTINGS_MANAGE = new RancherGlobalRole('settings-manage');
  /** May manage node drivers. */
  public static readonly NODE_DRIVERS_MANAGE = new RancherGlobalRole('nodedrivers-manage');
  /** May read Rancher metrics. */
  public static readonly VIEW_RANCHER_METRICS = new RancherGlobalRole('view-rancher-metrics');

  /** A custom global role created in Rancher, by id. */
  public static custom(id: string): RancherGlobalRole {
    return new RancherGlobalRole(customRoleId('RancherGlobalRole', id, RancherGlobalRole));
  }

  private constructor(
    /** The role id (`global_role_id`). */
    public readonly id: string,
  ) {}
}

/** Rancher cluster role templates (permissions on one cluster). */
export class RancherClusterRole {
  /** Everything on the cluster, including its membership: for the platform team's groups only. */
  public static readonly CLUSTER_OWNER = new RancherClusterRole('cluster-owner');
  /** Sees the cluster and may create projects. */
  public static readonly CLUSTER_MEMBER = new RancherClusterRole('cluster-member');
  /** May create projects. */
  public static readonly PROJECTS_CREATE = new RancherClusterRole('projects-create');
  /** Sees every project. */
  public static readonly PROJECTS_VIEW = new RancherClusterRole('projects-view');
  /** May manage nodes. */
  public static readonly NODES_MANAGE = new RancherClusterRole('nodes-manage');
  /** Sees nodes. */
  public static readonly NODES_VIEW = new RancherClusterRole('nodes-view');
  /** May manage volumes and storage classes. */
  public static readonly STORAGE_MANAGE = new RancherClusterRole('storage-manage');
  /** May manage the cluster's members. */
  public static readonly CLUSTER_MEMBERS_MANAGE = new RancherClusterRole('clusterroletemplatebindings-manage');
  /** Sees the cluster's members. */
  public static readonly CLUSTER_MEMBERS_VIEW = new RancherClusterRole('clusterroletemplatebindings-view');
  /** May manage etcd backups. */
  public static readonly BACKUPS_MANAGE = new RancherClusterRole('backups-manage');

  /** A custom cluster role template created in Rancher, by id. */
  public static custom(id: string): RancherClusterRole {
    return new RancherClusterRole(customRoleId('RancherClusterRole', id, RancherClusterRole));
  }

  private constructor(
    /** The role template id (`role_template_id`). */
    public readonly id: string,
  ) {}
}

/** Rancher project role templates (permissions on the namespaces of one project). */
export class RancherProjectRole {
  /** Everything in the project, including its membership. */
  public static readonly PROJECT_OWNER = new RancherProjectRole('project-owner');
  /** Manages workloads in the project. */
  public static readonly PROJECT_MEMBER = new RancherProjectRole('project-member');
  /** Sees the project. */
  public static readonly READ_ONLY = new RancherProjectRole('read-only');
  /** May create namespaces in the project. */
  public static readonly CREATE_NAMESPACES = new RancherProjectRole('create-ns');
  /** May manage workloads. */
  public static readonly WORKLOADS_MANAGE = new RancherProjectRole('workloads-manage');
  /** Sees workloads. */
  public static readonly WORKLOADS_VIEW = new RancherProjectRole('workloads-view');
  /** May manage Ingresses. */
  public static readonly INGRESS_MANAGE = new RancherProjectRole('ingress-manage');
  /** May manage Services. */
  public static readonly SERVICES_MANAGE = new RancherProjectRole('services-manage');
  /** May manage Secrets. */
  public static readonly SECRETS_MANAGE = new RancherProjectRole('secrets-manage');
  /** May manage ConfigMaps. */
  public static readonly CONFIGMAPS_MANAGE = new RancherProjectRole('configmaps-manage');
  /** May manage the project's members. */
  public static readonly PROJECT_MEMBERS_MANAGE = new RancherProjectRole('projectroletemplatebindings-manage');

  /** A custom project role template created in Rancher, by id. */
  public static custom(id: string): RancherProjectRole {
    return new RancherProjectRole(customRoleId('RancherProjectRole', id, RancherProjectRole));
  }

  private constructor(
    /** The role template id (`role_template_id`). */
    public readonly id: string,
  ) {}
}
