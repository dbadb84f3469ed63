// RBAC objects for the RBAC policies: builders for the four kinds, and the built-in ClusterRoles of the
// Kubernetes bootstrap policy (plugin/pkg/auth/authorizer/rbac/bootstrappolicy) reduced to the rules that
// matter here, written out by hand from it. Every builder returns a fresh object (the CEL harness caches
// conversions by object identity).

const RBAC = 'rbac.authorization.k8s.io/v1';

export interface Rule {
  apiGroups?: string[];
  resources?: string[];
  verbs: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: 'User' | 'Group' | 'ServiceAccount';
  name: string;
  namespace?: string;
  apiGroup?: string;
}

export function role(rules: Rule[], name = 'app-role', namespace = 'payments', metadata: any = {}): any {
  return { apiVersion: RBAC, kind: 'Role', metadata: { name, namespace, ...metadata }, rules };
}

export function clusterRole(rules: Rule[], name = 'app-cluster-role', metadata: any = {}, extra: any = {}): any {
  return { apiVersion: RBAC, kind: 'ClusterRole', metadata: { name, ...metadata }, rules, ...extra };
}

export function roleBinding(roleRef: { kind: 'Role' | 'ClusterRole'; name: string }, subjects: Subject[], name = 'app-binding', namespace = 'payments'): any {
  return { apiVersion: RBAC, kind: 'RoleBinding', metadata: { name, namespace }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef }, subjects };
}

export function clusterRoleBinding(roleRef: string, subjects: Subject[], name = 'app-cluster-binding'): any {
  return { apiVersion: RBAC, kind: 'ClusterRoleBinding', metadata: { name }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: roleRef }, subjects };
}

export const TEAM_GROUP: Subject = { kind: 'Group', name: '3f0c8a52-6b1e-4d7a-9c2f-5e8d1a4b7c60', apiGroup: 'rbac.authorization.k8s.io' };
export const ADMINS_GROUP: Subject = { kind: 'Group', name: '00000000-0000-0000-0000-00000000a0a0', apiGroup: 'rbac.authorization.k8s.io' };
export const DEVELOPER: Subject = { kind: 'User', name: 'dev@contoso.example', apiGroup: 'rbac.authorization.k8s.io' };
export const APP_SA: Subject = { kind: 'ServiceAccount', name: 'payments-api', namespace: 'payments' };

const ALL_WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];

/**
 * The rules of built-in ClusterRoles that give a permission an RBAC policy guards (and some that give
 * none), as the bootstrap policy defines them; the aggregated admin and edit carry the rules they
 * aggregate (edit: system:aggregate-to-edit; admin: edit's plus system:aggregate-to-admin).
 */
const AGGREGATE_TO_EDIT: Rule[] = [
  { apiGroups: [''], resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], verbs: READ },
  { apiGroups: [''], resources: ['serviceaccounts'], verbs: ['impersonate'] },
  { apiGroups: [''], resources: ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], verbs: ALL_WRITE },
  { apiGroups: [''], resources: ['configmaps', 'events', 'persistentvolumeclaims', 'secrets', 'serviceaccounts', 'services'], verbs: ALL_WRITE },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'replicasets', 'daemonsets'], verbs: ALL_WRITE },
];
const AGGREGATE_TO_ADMIN: Rule[] = [
  { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
  { apiGroups: ['rbac.authorization.k8s.io'], resources: ['rolebindings', 'roles'], verbs: [...ALL_WRITE, ...READ] },
];
const AGGREGATE_TO_VIEW: Rule[] = [
  { apiGroups: [''], resources: ['configmaps', 'endpoints', 'persistentvolumeclaims', 'pods', 'serviceaccounts', 'services'], verbs: READ },
  { apiGroups: ['apps'], resources: ['deployments', 'replicasets', 'statefulsets'], verbs: READ },
];
const PODS_CREATE: Rule = { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'list', 'patch', 'watch'] };

export const BUILT_IN_ROLES: Record<string, Rule[]> = {
  'cluster-admin': [
    { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
    { nonResourceURLs: ['*'], verbs: ['*'] },
  ],
  admin: [...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_ADMIN, ...AGGREGATE_TO_VIEW],
  edit: [...AGGREGATE_TO_EDIT, ...AGGREGATE_TO_VIEW],
  view: AGGREGATE_TO_VIEW,
  'system:aggregate-to-admin': AGGREGATE_TO_ADMIN,
  'system:aggregate-to-edit': AGGREGATE_TO_EDIT,
  'system:aggregate-to-view': AGGREGATE_TO_VIEW,
  'system:auth-delegator': [
    { apiGroups: ['authentication.k8s.io'], resources: ['tokenreviews'], verbs: ['create'] },
    { apiGroups: ['authorization.k8s.io'], resources: ['subjectaccessreviews'], verbs: ['create'] },
  ],
  'system:certificates.k8s.io:kube-apiserver-client-approver': [
    { apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/kube-apiserver-client'], verbs: ['approve'] },
  ],
  'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver': [
    { apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/kube-apiserver-client-kubelet'], verbs: ['approve'] },
  ],
  'system:certificates.k8s.io:kubelet-serving-approver': [
    { apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/kubelet-serving'], verbs: ['approve'] },
  ],
  'system:certificates.k8s.io:legacy-unknown-approver': [
    { apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/legacy-unknown'], verbs: ['approve'] },
  ],
  'system:controller:certificate-controller': [
    { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['delete', 'get', 'list', 'watch'] },
    { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests/approval', 'certificatesigningrequests/status'], verbs: ['update'] },
    { apiGroups: ['certificates.k8s.io'], resources: ['signers'], resourceNames: ['kubernetes.io/kube-apiserver-client-kubelet'], verbs: ['approve'] },
  ],
  'system:controller:clusterrole-aggregation-controller': [
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['clusterroles'], verbs: ['escalate', 'get', 'list', 'patch', 'update', 'watch'] },
  ],
  'system:controller:daemon-set-controller': [PODS_CREATE],
  'system:controller:deployment-controller': [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list', 'update', 'watch'] }],
  'system:controller:disruption-controller': [{ apiGroups: ['*'], resources: ['*/scale'], verbs: ['get'] }],
  'system:controller:generic-garbage-collector': [{ apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'get', 'list', 'patch', 'update', 'watch'] }],
  'system:controller:horizontal-pod-autoscaler': [
    { apiGroups: ['*'], resources: ['*/scale'], verbs: ['get', 'update'] },
    { apiGroups: ['custom.metrics.k8s.io'], resources: ['*'], verbs: READ },
  ],
  'system:controller:job-controller': [PODS_CREATE],
  'system:controller:namespace-controller': [{ apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'deletecollection', 'get', 'list', 'watch'] }],
  'system:controller:persistent-volume-binder': [
    { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create', 'delete', 'get', 'list', 'update', 'watch'] },
    { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'get', 'list', 'watch'] },
  ],
  'system:controller:replicaset-controller': [PODS_CREATE],
  'system:controller:replication-controller': [PODS_CREATE],
  'system:controller:resourcequota-controller': [{ apiGroups: ['*'], resources: ['*'], verbs: ['list', 'watch'] }],
  'system:controller:statefulset-controller': [{ apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete', 'get', 'patch', 'update'] }],
  'system:controller:validatingadmissionpolicy-status-controller': [
    { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingadmissionpolicies'], verbs: READ },
    { apiGroups: ['admissionregistration.k8s.io'], resources: ['validatingadmissionpolicies/status'], verbs: ['get', 'patch', 'update'] },
  ],
  'system:discovery': [{ nonResourceURLs: ['/api', '/api/*', '/apis', '/apis/*', '/healthz', '/version'], verbs: ['get'] }],
  'system:kube-controller-manager': [
    { apiGroups: [''], resources: ['secrets', 'serviceaccounts'], verbs: ['create'] },
    { apiGroups: [''], resources: ['configmaps', 'namespaces', 'secrets', 'serviceaccounts'], verbs: ['get'] },
    { apiGroups: ['*'], resources: ['*'], verbs: ['list', 'watch'] },
    { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  ],
  'system:kube-scheduler': [
    { apiGroups: [''], resources: ['pods'], verbs: ['delete', 'get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['bindings', 'pods/binding'], verbs: ['create'] },
    { apiGroups: [''], resources: ['persistentvolumeclaims', 'persistentvolumes'], verbs: READ },
  ],
  'system:kubelet-api-admin': [
    { apiGroups: [''], resources: ['nodes'], verbs: READ },
    { apiGroups: [''], resources: ['nodes'], verbs: ['proxy'] },
    { apiGroups: [''], resources: ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], verbs: ['*'] },
  ],
  'system:node': [
    { apiGroups: [''], resources: ['pods'], verbs: ['create', 'delete'] },
    { apiGroups: [''], resources: ['configmaps', 'secrets'], verbs: READ },
    { apiGroups: [''], resources: ['persistentvolumeclaims', 'persistentvolumes'], verbs: ['get'] },
    { apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
  ],
  'system:node-bootstrapper': [{ apiGroups: ['certificates.k8s.io'], resources: ['certificatesigningrequests'], verbs: ['create', 'get', 'list', 'watch'] }],
  'system:persistent-volume-provisioner': [
    { apiGroups: [''], resources: ['persistentvolumes'], verbs: ['create', 'delete', 'get', 'list', 'watch'] },
    { apiGroups: [''], resources: ['persistentvolumeclaims'], verbs: ['get', 'list', 'update', 'watch'] },
  ],
  'system:volume-scheduler': [{ apiGroups: [''], resources: ['persistentvolumes'], verbs: ['get', 'list', 'patch', 'update', 'watch'] }],
};
