import { GatekeeperPoliciesAddon, GatekeeperPolicy, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { RBAC_GUARDS } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-guards';
import { RBAC_OBJECTS } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-policy';
import { ruleFails } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-rule-model';
import { policyLibrary, renderConstraint, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { EnforcementAction } from '../../../lib/kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { tenantRoleRules } from '../../../lib/kubernetes/namespace/tenant-role';
import { evaluateTemplate, RequestOptions } from '../../helpers/cel-harness';
import { schemaProblems } from '../../helpers/k8s-schema';
import {
  ADMINS_GROUP,
  APP_SA,
  BUILT_IN_ROLES,
  clusterRole,
  clusterRoleBinding,
  DEVELOPER,
  role,
  roleBinding,
  Rule,
  TEAM_GROUP,
} from './rbac-fixtures';

const DEFINITIONS = policyLibrary({ level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT }).filter((d) => d.objects === RBAC_OBJECTS);
const TEMPLATES = DEFINITIONS.map((d) => ({ policy: d.policy, template: renderTemplate(d) }));
const ALL = DEFINITIONS.map((d) => d.policy);
const P = GatekeeperPolicy;

/** The parameters the baseline gives: the exemption model's namespaces and the platform administrators. */
const PARAMS = {
  exemptNamespaces: [...GatekeeperPoliciesAddon.SYSTEM_NAMESPACES, 'falco', 'istio-system', 'kube-bench', 'trivy-system'],
  allowedSubjects: [{ kind: 'Group', name: ADMINS_GROUP.name }],
};
/** A developer of a tenant team, through kubectl. */
const TENANT: RequestOptions = { userInfo: { username: DEVELOPER.name, groups: ['system:authenticated', TEAM_GROUP.name] } };

/** The RBAC policies that deny the object, each with its messages. */
function deniers(object: any, request: RequestOptions = TENANT, params: any = PARAMS): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const { policy, template } of TEMPLATES) {
    const result = evaluateTemplate(template, object, params, request);
    if (!result.allowed) {
      out[policy] = result.messages;
    }
  }
  return out;
}

interface Case {
  readonly name: string;
  readonly object: any;
  /** The policies that deny it: none for an allowed object. */
  readonly deniedBy: GatekeeperPolicy[];
}

const WILDCARD_SECRET_RULE: Rule = { apiGroups: [''], resources: ['secrets'], verbs: ['*'] };
const tenant = (opts: any = {}) => tenantRoleRules({ groupObjectIds: [TEAM_GROUP.name], ...opts }) as Rule[];
const EDIT_GRANTS = [P.RBAC_SECRETS_READ, P.RBAC_POD_CREATE, P.RBAC_ESCALATION, P.RBAC_SERVICE_ACCOUNT_TOKEN];

const CASES: Case[] = [
  // Allowed by every RBAC policy.
  { name: 'the library tenant role', object: role(tenant(), 'hardened-tenant'), deniedBy: [] },
  { name: 'the tenant role with exec, attach and port-forward opted in', object: role(tenant({ podExec: true, podAttach: true, podPortForward: true })), deniedBy: [] },
  { name: 'a read-only ClusterRole', object: clusterRole([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['get', 'list', 'watch'] }]), deniedBy: [] },
  { name: 'a ClusterRole for non-resource URLs with a prefix glob', object: clusterRole([{ nonResourceURLs: ['/healthz', '/readyz*'], verbs: ['get'] }]), deniedBy: [] },
  { name: 'write on secrets without read', object: role([{ apiGroups: [''], resources: ['secrets'], verbs: ['create', 'update'] }]), deniedBy: [] },
  { name: 'creating workloads, pod evictions and exec (not pods)', object: role([{ apiGroups: ['apps'], resources: ['deployments'], verbs: ['create'] }, { apiGroups: [''], resources: ['pods/eviction', 'pods/exec'], verbs: ['create'] }]), deniedBy: [] },
  { name: 'managing role bindings (RBAC still refuses escalation)', object: role([{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings'], verbs: ['create', 'delete'] }]), deniedBy: [] },
  { name: 'persistent volume claims', object: role([{ apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['create'] }]), deniedBy: [] },
  { name: 'reading nodes and proxying to services', object: clusterRole([{ apiGroups: [''], resources: ['nodes', 'services/proxy'], verbs: ['get', 'list'] }]), deniedBy: [] },
  { name: 'creating certificate signing requests', object: clusterRole([{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get'] }]), deniedBy: [] },
  { name: 'reading webhook configurations, writing a policy status', object: clusterRole([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], verbs: ['get', 'list', 'watch'] }, { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingadmissionpolicies/status'], verbs: ['patch'] }]), deniedBy: [] },
  { name: 'reading service accounts', object: role([{ apiGroups: [''], resources: ['serviceaccounts'], verbs: ['get', 'list'] }]), deniedBy: [] },
  { name: 'the tenant groups bound to the tenant role', object: roleBinding({ kind: 'Role', name: 'hardened-tenant' }, [TEAM_GROUP]), deniedBy: [] },
  { name: 'a team bound to view in its namespace', object: roleBinding({ kind: 'ClusterRole', name: 'view' }, [TEAM_GROUP]), deniedBy: [] },
  { name: 'a developer bound to view cluster-wide', object: clusterRoleBinding('view', [DEVELOPER]), deniedBy: [] },
  { name: 'a Role named like cluster-admin (not the ClusterRole)', object: roleBinding({ kind: 'Role', name: 'cluster-admin' }, [DEVELOPER]), deniedBy: [] },
  { name: 'the allowlisted administrators bound to cluster-admin', object: clusterRoleBinding('cluster-admin', [ADMINS_GROUP]), deniedBy: [] },
  { name: 'a kube-system service account bound to edit', object: roleBinding({ kind: 'ClusterRole', name: 'edit' }, [{ kind: 'ServiceAccount', name: 'operator', namespace: 'kube-system' }]), deniedBy: [] },
  { name: "an exempt namespace's service accounts group bound to cluster-admin", object: clusterRoleBinding('cluster-admin', [{ kind: 'Group', name: 'system:serviceaccounts:trivy-system' }]), deniedBy: [] },
  { name: 'a control-plane user bound to its built-in role', object: clusterRoleBinding('system:kube-controller-manager', [{ kind: 'User', name: 'system:kube-controller-manager' }]), deniedBy: [] },

  // RBAC_CLUSTER_ADMIN (a copy of cluster-admin gives everything, so every policy denies it).
  { name: 'a Role copying cluster-admin', object: role([{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }]), deniedBy: ALL },
  { name: 'a ClusterRole copying cluster-admin', object: clusterRole(BUILT_IN_ROLES['cluster-admin']), deniedBy: ALL },
  { name: 'a developer bound to cluster-admin in a namespace', object: roleBinding({ kind: 'ClusterRole', name: 'cluster-admin' }, [DEVELOPER]), deniedBy: ALL },
  { name: 'a team bound to cluster-admin', object: clusterRoleBinding('cluster-admin', [ADMINS_GROUP, TEAM_GROUP]), deniedBy: ALL },
  { name: 'system:masters bound to view', object: clusterRoleBinding('view', [{ kind: 'Group', name: 'system:masters' }]), deniedBy: [P.RBAC_CLUSTER_ADMIN] },
  { name: 'system:masters in a RoleBinding', object: roleBinding({ kind: 'Role', name: 'hardened-tenant' }, [{ kind: 'Group', name: 'system:masters' }]), deniedBy: [P.RBAC_CLUSTER_ADMIN] },
  { name: 'every authenticated user bound to cluster-admin', object: clusterRoleBinding('cluster-admin', [{ kind: 'Group', name: 'system:authenticated' }]), deniedBy: ALL },
  { name: 'every service account bound to cluster-admin', object: clusterRoleBinding('cluster-admin', [{ kind: 'Group', name: 'system:serviceaccounts' }]), deniedBy: ALL },

  // RBAC_SECRETS_READ
  { name: 'a Role reading secrets', object: role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]), deniedBy: [P.RBAC_SECRETS_READ] },
  { name: 'a Role reading one named secret', object: role([{ apiGroups: [''], resources: ['secrets'], resourceNames: ['db-password'], verbs: ['get'] }]), deniedBy: [P.RBAC_SECRETS_READ] },
  { name: 'a ClusterRole listing secrets', object: clusterRole([{ apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: ['list'] }]), deniedBy: [P.RBAC_SECRETS_READ] },
  { name: 'the tenant role with secretsRead', object: role(tenant({ secretsRead: true }), 'hardened-tenant'), deniedBy: [P.RBAC_SECRETS_READ] },
  { name: 'every verb on secrets', object: role([WILDCARD_SECRET_RULE]), deniedBy: [P.RBAC_SECRETS_READ, P.RBAC_WILDCARDS] },
  { name: 'watching secrets of every group', object: clusterRole([{ apiGroups: ['*'], resources: ['secrets'], verbs: ['watch'] }]), deniedBy: [P.RBAC_SECRETS_READ, P.RBAC_WILDCARDS] },
  { name: 'a team bound to edit in its namespace', object: roleBinding({ kind: 'ClusterRole', name: 'edit' }, [TEAM_GROUP]), deniedBy: EDIT_GRANTS },
  { name: 'a developer bound to admin cluster-wide', object: clusterRoleBinding('admin', [DEVELOPER]), deniedBy: EDIT_GRANTS },
  { name: 'an app service account bound to system:node', object: clusterRoleBinding('system:node', [APP_SA]), deniedBy: [P.RBAC_SECRETS_READ, P.RBAC_POD_CREATE, P.RBAC_SERVICE_ACCOUNT_TOKEN] },

  // RBAC_WILDCARDS
  { name: 'every verb on config maps', object: role([{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }]), deniedBy: [P.RBAC_WILDCARDS] },
  { name: 'every resource of a group', object: clusterRole([{ apiGroups: ['apps'], resources: ['*'], verbs: ['get'] }]), deniedBy: [P.RBAC_WILDCARDS] },
  { name: 'every scale subresource', object: clusterRole([{ apiGroups: ['apps'], resources: ['*/scale'], verbs: ['get'] }]), deniedBy: [P.RBAC_WILDCARDS] },
  { name: 'every non-resource URL', object: clusterRole([{ nonResourceURLs: ['*'], verbs: ['get'] }]), deniedBy: [P.RBAC_WILDCARDS] },
  { name: 'a developer bound to the disruption controller role', object: roleBinding({ kind: 'ClusterRole', name: 'system:controller:disruption-controller' }, [DEVELOPER]), deniedBy: [P.RBAC_WILDCARDS] },
  { name: 'a team bound to the kubelet API admin role', object: clusterRoleBinding('system:kubelet-api-admin', [TEAM_GROUP]), deniedBy: [P.RBAC_WILDCARDS, P.RBAC_NODE_PROXY] },

  // RBAC_POD_CREATE
  { name: 'a Role creating pods', object: role([{ apiGroups: [''], resources: ['pods'], verbs: ['create'] }]), deniedBy: [P.RBAC_POD_CREATE] },
  { name: 'a ClusterRole creating pods', object: clusterRole([{ apiGroups: [''], resources: ['pods', 'services'], verbs: ['create', 'get'] }]), deniedBy: [P.RBAC_POD_CREATE] },
  { name: 'a developer bound to the job controller role', object: roleBinding({ kind: 'ClusterRole', name: 'system:controller:job-controller' }, [DEVELOPER]), deniedBy: [P.RBAC_POD_CREATE] },
  { name: 'a team bound to the replica set controller role', object: clusterRoleBinding('system:controller:replicaset-controller', [TEAM_GROUP]), deniedBy: [P.RBAC_POD_CREATE] },

  // RBAC_ESCALATION
  { name: 'bind on roles', object: role([{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['bind'] }]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'escalate on cluster roles', object: clusterRole([{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['escalate'] }]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'impersonating users', object: clusterRole([{ apiGroups: [''], resources: ['users', 'groups'], verbs: ['impersonate'] }]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'impersonating one service account', object: role([{ apiGroups: [''], resources: ['serviceaccounts'], resourceNames: ['deployer'], verbs: ['impersonate'] }]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'impersonating user extras', object: clusterRole([{ apiGroups: ['authentication.k8s.io'], resources: ['userextras/scopes'], verbs: ['impersonate'] }]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'every verb on users', object: clusterRole([{ apiGroups: [''], resources: ['users'], verbs: ['*'] }]), deniedBy: [P.RBAC_ESCALATION, P.RBAC_WILDCARDS] },
  { name: 'every verb on roles', object: role([{ apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles'], verbs: ['*'] }]), deniedBy: [P.RBAC_ESCALATION, P.RBAC_WILDCARDS] },
  { name: 'a developer bound to the aggregation controller role', object: roleBinding({ kind: 'ClusterRole', name: 'system:controller:clusterrole-aggregation-controller' }, [DEVELOPER]), deniedBy: [P.RBAC_ESCALATION] },
  { name: 'a team bound to edit cluster-wide', object: clusterRoleBinding('edit', [TEAM_GROUP]), deniedBy: EDIT_GRANTS },

  // RBAC_PERSISTENT_VOLUME_CREATE
  { name: 'a ClusterRole creating persistent volumes', object: clusterRole([{ apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create'] }]), deniedBy: [P.RBAC_PERSISTENT_VOLUME_CREATE] },
  { name: 'a Role naming persistent volumes', object: role([{ apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create', 'get'] }]), deniedBy: [P.RBAC_PERSISTENT_VOLUME_CREATE] },
  { name: 'a developer bound to the volume provisioner role', object: roleBinding({ kind: 'ClusterRole', name: 'system:persistent-volume-provisioner' }, [DEVELOPER]), deniedBy: [P.RBAC_PERSISTENT_VOLUME_CREATE] },
  { name: 'a team bound to the volume binder role', object: clusterRoleBinding('system:controller:persistent-volume-binder', [TEAM_GROUP]), deniedBy: [P.RBAC_PERSISTENT_VOLUME_CREATE, P.RBAC_POD_CREATE] },

  // RBAC_NODE_PROXY
  { name: 'reading nodes/proxy', object: clusterRole([{ apiGroups: [''], resources: ['nodes/proxy'], verbs: ['get'] }]), deniedBy: [P.RBAC_NODE_PROXY] },
  { name: 'the proxy verb on nodes', object: clusterRole([{ apiGroups: [''], resources: ['nodes'], verbs: ['proxy'] }]), deniedBy: [P.RBAC_NODE_PROXY] },
  { name: 'every proxy subresource in a Role', object: role([{ apiGroups: [''], resources: ['*/proxy'], verbs: ['create'] }]), deniedBy: [P.RBAC_NODE_PROXY, P.RBAC_WILDCARDS] },
  { name: 'a developer bound to the kubelet API admin role', object: roleBinding({ kind: 'ClusterRole', name: 'system:kubelet-api-admin' }, [DEVELOPER]), deniedBy: [P.RBAC_NODE_PROXY, P.RBAC_WILDCARDS] },

  // RBAC_CSR_APPROVAL
  { name: 'updating CSR approval', object: clusterRole([{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['update'] }]), deniedBy: [P.RBAC_CSR_APPROVAL] },
  { name: 'approving for a signer', object: clusterRole([{ apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['example.com/app'], verbs: ['approve'] }]), deniedBy: [P.RBAC_CSR_APPROVAL] },
  { name: 'a Role patching CSR approval', object: role([{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval'], verbs: ['patch'] }]), deniedBy: [P.RBAC_CSR_APPROVAL] },
  { name: 'a developer bound to a signer approver role', object: roleBinding({ kind: 'ClusterRole', name: 'system:certificates.k8s.io:kube-apiserver-client-approver' }, [DEVELOPER]), deniedBy: [P.RBAC_CSR_APPROVAL] },
  { name: 'a team bound to the certificate controller role', object: clusterRoleBinding('system:controller:certificate-controller', [TEAM_GROUP]), deniedBy: [P.RBAC_CSR_APPROVAL] },

  // RBAC_ADMISSION_CONFIGURATION
  { name: 'patching validating webhooks', object: clusterRole([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], verbs: ['patch'] }]), deniedBy: [P.RBAC_ADMISSION_CONFIGURATION] },
  { name: 'deleting mutating webhooks', object: clusterRole([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['mutatingwebhookconfigurations'], verbs: ['delete'] }]), deniedBy: [P.RBAC_ADMISSION_CONFIGURATION] },
  { name: 'creating admission policy bindings', object: clusterRole([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingadmissionpolicybindings'], verbs: ['create'] }]), deniedBy: [P.RBAC_ADMISSION_CONFIGURATION] },
  { name: 'deleting a Gatekeeper constraint', object: clusterRole([{ apiGroups: ['constraints.gatekeeper.sh'], resources: ['k8shardenedrbacsecretsread'], verbs: ['delete'] }]), deniedBy: [P.RBAC_ADMISSION_CONFIGURATION] },
  { name: 'a Role updating webhooks', object: role([{ apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingwebhookconfigurations'], verbs: ['update'] }]), deniedBy: [P.RBAC_ADMISSION_CONFIGURATION] },

  // RBAC_SERVICE_ACCOUNT_TOKEN
  { name: 'creating service account tokens', object: role([{ apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] }]), deniedBy: [P.RBAC_SERVICE_ACCOUNT_TOKEN] },
  { name: 'every token subresource', object: clusterRole([{ apiGroups: [''], resources: ['*/token'], verbs: ['create'] }]), deniedBy: [P.RBAC_SERVICE_ACCOUNT_TOKEN, P.RBAC_WILDCARDS] },
  { name: 'a developer bound to the controller manager role', object: roleBinding({ kind: 'ClusterRole', name: 'system:kube-controller-manager' }, [DEVELOPER]), deniedBy: [P.RBAC_SECRETS_READ, P.RBAC_WILDCARDS, P.RBAC_SERVICE_ACCOUNT_TOKEN] },

  // Aggregation.
  {
    name: 'a ClusterRole aggregating what edit aggregates',
    object: clusterRole([], 'my-edit', {}, { aggregationRule: { clusterRoleSelectors: [{ matchLabels: { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' } }] } }),
    deniedBy: ALL,
  },
  {
    name: 'a ClusterRole feeding view with secrets',
    object: clusterRole([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], 'secret-viewer', { labels: { 'rbac.authorization.k8s.io/aggregate-to-view': 'true' } }),
    deniedBy: [P.RBAC_SECRETS_READ],
  },
];

describe('RBAC policies (CEL evaluated by @bufbuild/cel)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const denied = deniers(c.object);
    expect(Object.keys(denied).sort()).toEqual([...c.deniedBy].sort());
    // Each denial names the policy that made it and what the object is.
    for (const [policy, messages] of Object.entries(denied)) {
      for (const m of messages) {
        expect(m.startsWith(`${policy}: ${c.object.kind} ${c.object.metadata.name} `)).toBe(true);
      }
    }
  });

  test('every fixture is a schema-valid RBAC object (kubernetes-models)', () => {
    expect(schemaProblems(CASES.map((c) => c.object))).toEqual([]);
  });

  test('every policy has allowed and denied Role, ClusterRole, RoleBinding and ClusterRoleBinding fixtures', () => {
    for (const policy of ALL) {
      for (const kind of ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']) {
        const ofKind = CASES.filter((c) => c.object.kind === kind);
        expect({ policy, kind, denied: ofKind.some((c) => c.deniedBy.includes(policy)) }).toEqual({ policy, kind, denied: true });
        expect({ policy, kind, allowed: ofKind.some((c) => !c.deniedBy.includes(policy)) }).toEqual({ policy, kind, allowed: true });
      }
    }
  });

  test('messages say what the rule or binding grants', () => {
    expect(deniers(role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list'] }]))[P.RBAC_SECRETS_READ]).toEqual([
      'rbac-secrets-read: Role app-role grants get, list or watch on secrets: [get, list] on [secrets] in [core]',
    ]);
    expect(deniers(clusterRoleBinding('edit', [TEAM_GROUP, ADMINS_GROUP, APP_SA]))[P.RBAC_SECRETS_READ]).toEqual([
      "rbac-secrets-read: ClusterRoleBinding app-cluster-binding binds ClusterRole edit, which grants get, list or watch on secrets, to subjects outside the platform's allowlist: " +
        `Group:${TEAM_GROUP.name}, ServiceAccount:payments/payments-api`,
    ]);
    expect(deniers(clusterRole([{ nonResourceURLs: ['*'], verbs: ['get'] }]))[P.RBAC_WILDCARDS]).toEqual([
      'rbac-wildcards: ClusterRole app-cluster-role grants permissions by wildcard (*): [get] on [*]',
    ]);
    const aggregated = clusterRole([], 'my-edit', {}, { aggregationRule: { clusterRoleSelectors: [] } });
    expect(deniers(aggregated)[P.RBAC_NODE_PROXY]).toEqual([
      'rbac-node-proxy: ClusterRole my-edit has an aggregationRule: its rules come from the ClusterRoles its selectors match, which admission cannot judge, so it may grant access to the nodes/proxy subresource',
    ]);
  });
});

describe('the built-in ClusterRoles a binding is judged by', () => {
  test('every policy lists exactly the built-in roles whose rules it denies', () => {
    const listed: Record<string, string[]> = {};
    const derived: Record<string, string[]> = {};
    for (const guard of RBAC_GUARDS) {
      // Judged as if a developer wrote the rules under another name (the built-in names are exempt in audit).
      const denied = Object.entries(BUILT_IN_ROLES)
        .filter(([name, rules]) => {
          const template = TEMPLATES.find((t) => t.policy === guard.policy)!.template;
          return !evaluateTemplate(template, clusterRole(rules, `copy-of-${name}`), PARAMS, TENANT).allowed;
        })
        .map(([name]) => name)
        .sort();
      listed[guard.policy] = [...guard.builtInRoles].sort();
      derived[guard.policy] = denied;
    }
    expect(listed).toEqual(derived);
  });

  test('the TypeScript rule test agrees with the CEL on every fixture rule', () => {
    const rules = [...Object.values(BUILT_IN_ROLES).flat(), ...CASES.flatMap((c) => c.object.rules ?? [])];
    for (const guard of RBAC_GUARDS) {
      const template = TEMPLATES.find((t) => t.policy === guard.policy)!.template;
      for (const rule of rules) {
        const cel = !evaluateTemplate(template, clusterRole([rule], 'one-rule'), PARAMS, TENANT).allowed;
        const ts = ruleFails({ apiGroups: rule.apiGroups ?? [], resources: rule.resources ?? [], verbs: rule.verbs, nonResourceURLs: rule.nonResourceURLs ?? [] }, guard.rules);
        expect({ policy: guard.policy, rule, fails: ts }).toEqual({ policy: guard.policy, rule, fails: cel });
      }
    }
  });
});

describe('RBAC exemptions', () => {
  const copy = () => clusterRole(BUILT_IN_ROLES['cluster-admin'], 'break-glass');
  const secretReader = (name: string, metadata: any = {}) => clusterRole([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], name, metadata);
  const as = (username: string, groups: string[] = ['system:authenticated']): RequestOptions => ({ userInfo: { username, groups } });
  const audit: RequestOptions = { operation: '' };

  test('members of system:masters, the control plane and the exempt namespaces\' service accounts write any RBAC', () => {
    expect(deniers(copy(), as('kubernetes-admin', ['system:masters', 'system:authenticated']))).toEqual({});
    expect(deniers(copy(), as('system:apiserver'))).toEqual({});
    expect(deniers(copy(), as('system:serviceaccount:kube-system:clusterrole-aggregation-controller'))).toEqual({});
    expect(deniers(copy(), as('system:serviceaccount:trivy-system:trivy-operator'))).toEqual({});
  });

  test('other service accounts, and namespaces that only start like an exempt one, are judged', () => {
    expect(Object.keys(deniers(copy(), as('system:serviceaccount:payments:deployer')))).toEqual(ALL);
    expect(Object.keys(deniers(copy(), as('system:serviceaccount:kube-system-tools:deployer')))).toEqual(ALL);
    expect(Object.keys(deniers(copy(), as('system:kube-proxy')))).toEqual(ALL);
  });

  test('audit has no requester: built-in names are exempt there only, other objects are judged', () => {
    expect(deniers(secretReader('system:controller:namespace-controller'), audit)).toEqual({});
    expect(deniers(secretReader('edit'), audit)).toEqual({});
    expect(Object.keys(deniers(secretReader('system:controller:namespace-controller')))).toEqual([P.RBAC_SECRETS_READ]);
    expect(Object.keys(deniers(role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], 'system:reader'), audit))).toEqual([P.RBAC_SECRETS_READ]);
    expect(Object.keys(deniers(secretReader('app-reader'), audit))).toEqual([P.RBAC_SECRETS_READ]);
  });

  test("an add-on's Helm release in an exempt namespace owns its ClusterRoles, unless they feed an aggregated role", () => {
    const helm = (namespace: string, labels: any = {}) => ({ annotations: { 'meta.helm.sh/release-name': 'trivy', 'meta.helm.sh/release-namespace': namespace }, labels });
    expect(deniers(secretReader('trivy-operator', helm('trivy-system')))).toEqual({});
    expect(Object.keys(deniers(secretReader('trivy-operator', helm('payments'))))).toEqual([P.RBAC_SECRETS_READ]);
    expect(Object.keys(deniers(secretReader('trivy-view', helm('trivy-system', { 'rbac.authorization.k8s.io/aggregate-to-edit': 'true' }))))).toEqual([P.RBAC_SECRETS_READ]);
    // Bindings are never exempt by annotation: their subjects are judged.
    const binding = clusterRoleBinding('cluster-admin', [DEVELOPER]);
    binding.metadata.annotations = helm('trivy-system').annotations;
    expect(Object.keys(deniers(binding))).toEqual(ALL);
  });

  test('allowedRoles exempts the named Role or ClusterRole only, never a binding', () => {
    const params = { ...PARAMS, allowedRoles: ['payments/hardened-tenant', 'platform-secret-reader'] };
    const tenantWithSecrets = role(tenant({ secretsRead: true }), 'hardened-tenant');
    expect(deniers(tenantWithSecrets, TENANT, params)).toEqual({});
    expect(Object.keys(deniers(role(tenant({ secretsRead: true }), 'hardened-tenant', 'orders'), TENANT, params))).toEqual([P.RBAC_SECRETS_READ]);
    expect(deniers(secretReader('platform-secret-reader'), TENANT, params)).toEqual({});
    expect(Object.keys(deniers(role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], 'platform-secret-reader'), TENANT, params))).toEqual([P.RBAC_SECRETS_READ]);
    expect(Object.keys(deniers(roleBinding({ kind: 'ClusterRole', name: 'edit' }, [TEAM_GROUP], 'platform-secret-reader'), TENANT, params)).sort()).toEqual([...EDIT_GRANTS].sort());
  });

  test('an allowlisted service account must match in namespace too; a User naming an exempt service account is exempt', () => {
    const params = { ...PARAMS, allowedSubjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }] };
    expect(deniers(clusterRoleBinding('cluster-admin', [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'ci' }]), TENANT, params)).toEqual({});
    expect(Object.keys(deniers(clusterRoleBinding('cluster-admin', [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'payments' }]), TENANT, params))).toEqual(ALL);
    expect(Object.keys(deniers(clusterRoleBinding('cluster-admin', [{ kind: 'User', name: 'deployer' }]), TENANT, params))).toEqual(ALL);
    // A RoleBinding's service account without a namespace is in the binding's namespace.
    expect(Object.keys(deniers(roleBinding({ kind: 'ClusterRole', name: 'edit' }, [{ kind: 'ServiceAccount', name: 'operator' }], 'b', 'kube-system')))).toEqual([]);
    expect(deniers(clusterRoleBinding('cluster-admin', [{ kind: 'User', name: 'system:serviceaccount:kube-system:operator' }]))).toEqual({});
  });

  test('updates are judged like creates: relabelling a role that grants secrets is refused', () => {
    const stored = role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }]);
    const relabelled = role([{ apiGroups: [''], resources: ['secrets'], verbs: ['get'] }], 'app-role', 'payments', { labels: { team: 'payments' } });
    expect(Object.keys(deniers(relabelled, { ...TENANT, operation: 'UPDATE', oldObject: stored }))).toEqual([P.RBAC_SECRETS_READ]);
  });

  test('system:masters in a binding is refused even for an allowlisted role, but the control plane writes the bootstrap binding', () => {
    const bootstrap = clusterRoleBinding('cluster-admin', [{ kind: 'Group', name: 'system:masters' }], 'cluster-admin');
    expect(Object.keys(deniers(bootstrap))).toEqual(ALL);
    expect(deniers(bootstrap, as('system:apiserver', ['system:masters']))).toEqual({});
    expect(deniers(bootstrap, audit)).toEqual({});
  });
});

describe('RBAC templates and constraints', () => {
  test('judge every create and update of the four RBAC kinds, cluster-scoped ones included', () => {
    for (const d of DEFINITIONS) {
      const template = renderTemplate(d);
      expect(template.spec.targets[0].code[0].source.matchCondition).toBeUndefined();
      const constraint = renderConstraint(d, EnforcementAction.DENY, ['kube-system'], {});
      expect(constraint.spec.match).toEqual({
        scope: '*',
        kinds: [{ apiGroups: ['rbac.authorization.k8s.io'], kinds: ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'] }],
        excludedNamespaces: ['kube-system'],
      });
      expect(Object.keys(template.spec.crd.spec.validation.openAPIV3Schema.properties).sort()).toEqual(['allowedRoles', 'allowedSubjects', 'exemptNamespaces']);
    }
  });

  test('one RBAC policy per member of the RBAC set of GatekeeperPolicy, with distinct kinds', () => {
    expect(ALL.sort()).toEqual(Object.values(GatekeeperPolicy).filter((p) => p.startsWith('rbac-')).sort());
    expect(new Set(DEFINITIONS.map((d) => d.kind)).size).toBe(DEFINITIONS.length);
    expect(RBAC_GUARDS.map((g) => g.policy).sort()).toEqual(ALL.sort());
  });
});
