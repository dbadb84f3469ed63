import { HardeningKey } from '../helm-values';

// Keys of the gatekeeper chart 3.23.0 (charts/gatekeeper/values.yaml and templates) that widen what the
// webhooks exempt, what the pods may do on their nodes, or who can reach them. Each is written at its
// hardened value; a raw value that changes one is a `helm-hardened-values` finding.

/** The security context the chart gives every Gatekeeper container (unchanged, it meets Pod Security restricted). */
const RESTRICTED_CONTAINER = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsGroup: 999,
  runAsNonRoot: true,
  runAsUser: 1000,
};
const RESTRICTED_POD = { fsGroup: 999, supplementalGroups: [999] };

/** Sub-resources the validating webhook sees (the chart's list): removing one exempts that operation. */
const WEBHOOK_SUB_RESOURCES = [
  'pods/ephemeralcontainers',
  'pods/exec',
  'pods/log',
  'pods/eviction',
  'pods/portforward',
  'pods/proxy',
  'pods/attach',
  'pods/binding',
  'pods/resize',
  'deployments/scale',
  'replicasets/scale',
  'statefulsets/scale',
  'replicationcontrollers/scale',
  'services/proxy',
  'nodes/proxy',
  'services/status',
];

const exemption = (path: string, value: any, what: string): HardeningKey => ({
  path,
  value,
  reason: `${what}: objects it matches skip every constraint (exempt namespaces belong in the constraints' excludedNamespaces, where the report shows them)`,
});
const container = (path: string): HardeningKey => ({
  path,
  value: RESTRICTED_CONTAINER,
  reason: 'Gatekeeper containers run unprivileged, with no privilege escalation, no capabilities and a read-only root filesystem (CIS AKS 1.8 4.2.1, 4.2.5, 4.6.2)',
});
const extraRules = (path: string): HardeningKey => ({
  path,
  value: [],
  reason: 'extra RBAC rules widen what the Gatekeeper service accounts may do (CIS AKS 1.8 4.1.x, least privilege)',
});

/** Values of the gatekeeper chart that keep it hardened (checked by the helm-hardened-values rule). */
export const GATEKEEPER_HARDENING: HardeningKey[] = [
  // Enforcement stays on.
  { path: 'enableK8sNativeValidation', value: true, reason: 'the policy library is written in CEL (K8sNativeValidation engine)' },
  { path: 'disableValidatingWebhook', value: false, reason: 'the validating webhook enforces the constraints' },
  { path: 'controllerManager.disableWebhookOperation', value: false, reason: 'the controller manager serves the validating webhook' },
  { path: 'disableAudit', value: false, reason: 'audit reports violations of objects admitted before a constraint existed' },
  { path: 'audit.disableAuditOperation', value: false, reason: 'the audit pod runs the audit' },
  { path: 'validatingWebhookURL', value: null, reason: 'the API server calls the in-cluster webhook service, not a URL elsewhere' },
  { path: 'mutatingWebhookURL', value: null, reason: 'the API server sends objects to mutate to the in-cluster service, not to a URL elsewhere' },
  {
    path: 'disableEnforcementActionValidation',
    value: null,
    equivalentValues: [false],
    reason: 'constraints may only use the enforcement actions Gatekeeper knows (an unknown action enforces nothing)',
  },
  { path: 'validatingWebhookScope', value: '*', reason: 'the webhook sees namespaced and cluster-scoped objects' },
  { path: 'validatingWebhookCustomRules', value: {}, reason: 'custom webhook rules replace the chart\'s rules and can leave resources unchecked' },
  {
    path: 'validatingWebhookSubResources',
    value: WEBHOOK_SUB_RESOURCES,
    reason: 'the webhook sees exec, attach, port-forward, scale and the other sub-resources; dropping one exempts it',
  },
  { path: 'disabledBuiltins', value: ['{http.send}'], reason: 'Rego policies cannot make HTTP calls from the webhook (no egress from policy code)' },
  // No exemptions beyond the constraints' own.
  exemption('controllerManager.exemptNamespaces', [], 'namespaces allowed to carry the admission.gatekeeper.sh/ignore label'),
  exemption('controllerManager.exemptNamespacePrefixes', [], 'namespace prefixes allowed to carry the ignore label'),
  exemption('controllerManager.exemptNamespaceSuffixes', [], 'namespace suffixes allowed to carry the ignore label'),
  exemption('validatingWebhookExemptNamespacesLabels', {}, 'namespace labels the validating webhook skips'),
  exemption('validatingWebhookObjectSelector', {}, 'an object selector of the validating webhook'),
  exemption('validatingWebhookMatchConditions', [], 'match conditions of the validating webhook'),
  exemption('postInstall.labelNamespace.extraNamespaces', [], 'namespaces the post-install job labels to be ignored'),
  exemption('postUpgrade.labelNamespace.extraNamespaces', [], 'namespaces the post-upgrade job labels to be ignored'),
  // Nothing beyond what the pods need on their nodes.
  { path: 'controllerManager.hostNetwork', value: false, reason: 'the webhook needs no access to the node network' },
  { path: 'audit.hostNetwork', value: false, reason: 'the audit pod needs no access to the node network' },
  { path: 'enableRuntimeDefaultSeccompProfile', value: true, reason: 'Gatekeeper pods run with the RuntimeDefault seccomp profile (Pod Security restricted)' },
  container('controllerManager.securityContext'),
  container('audit.securityContext'),
  container('postInstall.securityContext'),
  container('postUpgrade.securityContext'),
  container('preUninstall.securityContext'),
  { ...container('crds.securityContext'), value: { ...RESTRICTED_CONTAINER, runAsGroup: 65532, runAsUser: 65532 } },
  { ...container('audit.exportSidecar.securityContext'), value: { ...RESTRICTED_CONTAINER, seccompProfile: { type: 'RuntimeDefault' } } },
  { path: 'controllerManager.podSecurityContext', value: RESTRICTED_POD, reason: 'Gatekeeper pods run as a non-root group' },
  { path: 'audit.podSecurityContext', value: RESTRICTED_POD, reason: 'Gatekeeper pods run as a non-root group' },
  { path: 'extraVolumes', value: [], reason: 'no extra volumes (a hostPath volume would expose the node)' },
  { path: 'extraVolumeMounts', value: [], reason: 'no extra volume mounts' },
  {
    path: 'audit.exportSidecar.volumeMounts',
    value: [{ mountPath: '/tmp/violations', name: 'tmp-violations' }],
    reason: 'the export sidecar mounts only the violations volume',
  },
  // Least privilege for the service accounts.
  { path: 'rbac.create', value: true, reason: "the chart's own least-privilege RBAC, not one made elsewhere" },
  ...[
    'serviceAccount.gatekeeperAdmin.create',
    'postInstall.labelNamespace.serviceAccount.create',
    'postUpgrade.labelNamespace.serviceAccount.create',
    'preUninstall.deleteWebhookConfigurations.serviceAccount.create',
    'upgradeCRDs.serviceAccount.create',
  ].map((path) => ({ path, value: true, reason: "the chart's own service account, bound only to the chart's roles" })),
  extraRules('controllerManager.extraRules'),
  extraRules('audit.extraRules'),
  extraRules('postInstall.labelNamespace.extraRules'),
  extraRules('preUninstall.deleteWebhookConfigurations.extraRules'),
  extraRules('upgradeCRDs.extraRules'),
  // Reachable only in the cluster, over TLS 1.3.
  { path: 'controllerManager.tlsMinVersion', value: '1.3', reason: 'the webhook serves TLS 1.3 only' },
  {
    path: 'service.type',
    value: null,
    equivalentValues: ['ClusterIP'],
    reason: 'the webhook service stays ClusterIP (a LoadBalancer or NodePort service exposes the webhook outside the cluster)',
  },
  { path: 'postInstall.probeWebhook.insecureHTTPS', value: false, reason: "the post-install probe verifies the webhook's certificate" },
];
