// Internal: how an RBAC policy of the library is built from what it guards. Every RBAC template judges
// the four RBAC kinds: a Role or ClusterRole by its rules (and a ClusterRole with an aggregationRule,
// whose rules come from roles admission cannot see), a RoleBinding or ClusterRoleBinding by the built-in
// ClusterRole it names (a CEL admission policy cannot read the rules of the role a binding refers to, so
// the built-in roles that give the permission are named; a custom role is judged when it is written).
import { GatekeeperPolicy } from '../gatekeeper-policy';
import { celString, celStringList, CelValidation, CelVariable, paramList, PolicyDefinition, PolicyObjects, STRING_LIST } from '../policy-definition';
import { DESCRIBE_RULE_CEL, ruleFailsCel, RuleTest } from './rbac-rule-model';

/** What one RBAC policy guards. */
export interface RbacGuard {
  readonly policy: GatekeeperPolicy;
  readonly kind: string;
  readonly description: string;
  /** The permission, for messages: `get, list or watch on secrets`. */
  readonly what: string;
  /** Rules that give the permission. */
  readonly rules: RuleTest;
  /**
   * Built-in ClusterRoles that give the permission, from the Kubernetes bootstrap policy
   * (plugin/pkg/auth/authorizer/rbac/bootstrappolicy): a binding to one is judged by its subjects.
   */
  readonly builtInRoles: string[];
  /** Also deny bindings that name the system:masters group (whose members bypass RBAC). */
  readonly denySystemMasters?: boolean;
}

/** The RBAC kinds every RBAC policy matches, cluster-scoped ones included; every create and update is judged. */
export const RBAC_OBJECTS: PolicyObjects = {
  kinds: [{ apiGroups: ['rbac.authorization.k8s.io'], kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] }],
  scope: '*',
  matchConditions: [],
};

/**
 * Requesters Kubernetes itself runs as: the API server (which reconciles the bootstrap roles), the
 * controller manager (whose aggregation controller writes aggregated roles) and the scheduler.
 */
export const CONTROL_PLANE_USERS = ['system:apiserver', 'system:kube-controller-manager', 'system:kube-scheduler'];

/** Built-in ClusterRoles that carry no `system:` prefix (Gatekeeper audit exempts them with the `system:` ones). */
export const USER_FACING_BUILT_IN_ROLES = ['admin', 'cluster-admin', 'edit', 'view'];

/** Annotation Helm puts on every object of a release: the release's namespace. */
export const HELM_RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace';

/** Label prefix that feeds a ClusterRole's rules into the aggregated roles selecting it (admin, edit, view, ...). */
export const AGGREGATE_LABEL_PREFIX = 'rbac.authorization.k8s.io/aggregate-to-';

const SUBJECT = { type: 'object', properties: { kind: { type: 'string' }, name: { type: 'string' }, namespace: { type: 'string' } } };

/** Parameters of every RBAC policy; exemptNamespaces is filled from the exemption model, never by the user. */
export const RBAC_PARAMETERS = {
  exemptNamespaces: STRING_LIST,
  allowedSubjects: { type: 'array', items: SUBJECT },
  allowedRoles: STRING_LIST,
};

const SUBJECT_NAMESPACE = '(has(s.namespace) ? s.namespace : variables.objectNamespace)';

/** Who and what every RBAC policy exempts; the one place the exemption model is read. */
const EXEMPTION_VARIABLES: CelVariable[] = [
  paramList('exemptNamespaces'),
  paramList('allowedSubjects'),
  paramList('allowedRoles'),
  // Gatekeeper audit has no requester: then only the object can be exempt.
  { name: 'requester', expression: "has(request.userInfo) && has(request.userInfo.username) ? request.userInfo.username : ''" },
  { name: 'requesterGroups', expression: 'has(request.userInfo) && has(request.userInfo.groups) ? request.userInfo.groups : []' },
  {
    // Members of system:masters bypass RBAC (and could remove this policy); the control plane reconciles
    // the bootstrap roles; the add-ons' service accounts manage their own RBAC.
    name: 'exemptRequester',
    expression:
      "variables.requester != '' && ('system:masters' in variables.requesterGroups" +
      ` || variables.requester in ${celStringList(CONTROL_PLANE_USERS)}` +
      " || variables.exemptNamespaces.exists(n, variables.requester.startsWith('system:serviceaccount:' + n + ':')))",
  },
  { name: 'objectName', expression: "has(object.metadata.name) ? object.metadata.name : ''" },
  { name: 'objectNamespace', expression: "has(object.metadata.namespace) ? object.metadata.namespace : ''" },
  { name: 'isRole', expression: "object.kind == 'Role' || object.kind == 'ClusterRole'" },
  { name: 'isBinding', expression: "object.kind == 'RoleBinding' || object.kind == 'ClusterRoleBinding'" },
  {
    name: 'feedsAggregatedRole',
    expression: `object.kind == 'ClusterRole' && has(object.metadata.labels) && object.metadata.labels.exists(k, k.startsWith(${celString(AGGREGATE_LABEL_PREFIX)}))`,
  },
  {
    name: 'exempt',
    expression: [
      'variables.exemptRequester',
      // Audit only: the built-in roles and bindings, which the control plane writes at admission.
      `(variables.requester == '' && (object.kind == 'ClusterRole' || object.kind == 'ClusterRoleBinding') && (variables.objectName.startsWith('system:') || variables.objectName in ${celStringList(USER_FACING_BUILT_IN_ROLES)}))`,
      // A ClusterRole of an add-on's Helm release, unless it feeds an aggregated role.
      `(object.kind == 'ClusterRole' && !variables.feedsAggregatedRole && has(object.metadata.annotations) && ${celString(HELM_RELEASE_NAMESPACE)} in object.metadata.annotations && object.metadata.annotations[${celString(HELM_RELEASE_NAMESPACE)}] in variables.exemptNamespaces)`,
      "(variables.isRole && (object.kind == 'ClusterRole' ? variables.objectName : variables.objectNamespace + '/' + variables.objectName) in variables.allowedRoles)",
    ].join(' || '),
  },
];

/** The subject `s` may hold the guarded permission: allowlisted, or a system subject of the exemption model. */
const SUBJECT_ALLOWED =
  `variables.allowedSubjects.exists(a, a.kind == s.kind && a.name == s.name && (s.kind != 'ServiceAccount' || (has(a.namespace) && a.namespace == ${SUBJECT_NAMESPACE})))` +
  ` || (s.kind == 'ServiceAccount' && ${SUBJECT_NAMESPACE} in variables.exemptNamespaces)` +
  ` || (s.kind == 'User' && (s.name in ${celStringList(CONTROL_PLANE_USERS)} || variables.exemptNamespaces.exists(n, s.name.startsWith('system:serviceaccount:' + n + ':'))))` +
  " || (s.kind == 'Group' && variables.exemptNamespaces.exists(n, s.name == 'system:serviceaccounts:' + n))";

const DESCRIBE_SUBJECT = `s.kind + ':' + (s.kind == 'ServiceAccount' ? ${SUBJECT_NAMESPACE} + '/' : '') + s.name`;

function message(guard: RbacGuard, text: string): string {
  return celString(`${guard.policy}: `) + ` + object.kind + ' ' + variables.objectName + ${celString(text)}`;
}

/** The PolicyDefinition of an RBAC guard. */
export function rbacPolicy(guard: RbacGuard): PolicyDefinition {
  const variables: CelVariable[] = [
    ...EXEMPTION_VARIABLES,
    { name: 'rules', expression: 'variables.isRole && has(object.rules) ? object.rules : []' },
    { name: 'offendingRules', expression: `variables.rules.filter(r, ${ruleFailsCel(guard.rules)}).map(r, ${DESCRIBE_RULE_CEL})` },
    { name: 'aggregated', expression: "object.kind == 'ClusterRole' && has(object.aggregationRule)" },
    { name: 'roleRefName', expression: "variables.isBinding && object.roleRef.kind == 'ClusterRole' ? object.roleRef.name : ''" },
    { name: 'subjects', expression: 'variables.isBinding && has(object.subjects) ? object.subjects : []' },
    {
      name: 'unallowedSubjects',
      expression: `variables.roleRefName in ${celStringList(guard.builtInRoles)} ? variables.subjects.filter(s, !(${SUBJECT_ALLOWED})).map(s, ${DESCRIBE_SUBJECT}) : []`,
    },
  ];
  const validations: CelValidation[] = [
    {
      expression: 'variables.exempt || size(variables.offendingRules) == 0',
      messageExpression: `${message(guard, ` grants ${guard.what}: `)} + variables.offendingRules.join('; ')`,
    },
    {
      expression: 'variables.exempt || !variables.aggregated',
      messageExpression: message(
        guard,
        ` has an aggregationRule: its rules come from the ClusterRoles its selectors match, which admission cannot judge, so it may grant ${guard.what}`,
      ),
    },
    {
      expression: 'variables.exempt || size(variables.unallowedSubjects) == 0',
      messageExpression: `${message(guard, ' binds ')} + 'ClusterRole ' + variables.roleRefName + ${celString(`, which grants ${guard.what}, to subjects outside the platform's allowlist: `)} + variables.unallowedSubjects.join(', ')`,
    },
  ];
  if (guard.denySystemMasters) {
    validations.push({
      expression: "variables.exempt || !variables.subjects.exists(s, s.kind == 'Group' && s.name == 'system:masters')",
      messageExpression: message(guard, ' names the group system:masters, whose members bypass RBAC; bind an allowlisted administrators group instead'),
    });
  }
  return {
    policy: guard.policy,
    kind: guard.kind,
    description: guard.description,
    parameters: RBAC_PARAMETERS,
    defaultParameters: {},
    variables,
    validations,
    objects: RBAC_OBJECTS,
  };
}
