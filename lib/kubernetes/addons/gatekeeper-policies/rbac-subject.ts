/** The kind of an RBAC subject. */
export enum RbacSubjectKind {
  /** A user, as the API server names it (on AKS: the Entra ID object id or user principal name). */
  USER = 'User',
  /** A group, as the API server names it (on AKS: the Entra ID group object id). */
  GROUP = 'Group',
  /** A Kubernetes service account (give its namespace). */
  SERVICE_ACCOUNT = 'ServiceAccount',
}

/** One subject of a RoleBinding or ClusterRoleBinding, named exactly. */
export interface RbacSubject {
  /** User, group or service account. */
  readonly kind: RbacSubjectKind;
  /** The user's or group's name, or the service account's name. No `*`, no `system:` name. */
  readonly name: string;
  /**
   * The service account's namespace; only with RbacSubjectKind.SERVICE_ACCOUNT.
   * @default - none (required for a service account)
   */
  readonly namespace?: string;
}
