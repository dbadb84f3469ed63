// The API server audit policy HardenedRke2Cluster installs (CIS RKE2 1.8 3.2.1, 3.2.2). RKE2's own default
// under `profile: cis` has a single `level: None` rule, so nothing would be logged.

/**
 * Rules are evaluated in order; the first match decides the level. Secrets, config maps and token
 * reviews are logged at Metadata only (their bodies hold credentials); RBAC changes, pod exec/attach/
 * port-forward and admission webhook changes are logged with request and response; noisy read-only
 * system traffic is dropped; everything else is logged at Metadata.
 */
export function auditPolicy(): any {
  return {
    apiVersion: 'audit.k8s.io/v1',
    kind: 'Policy',
    omitStages: ['RequestReceived'],
    rules: [
      // High-volume, low-value reads by system components.
      { level: 'None', users: ['system:kube-proxy'], verbs: ['watch'], resources: [{ group: '', resources: ['endpoints', 'services', 'services/status'] }] },
      { level: 'None', userGroups: ['system:nodes'], verbs: ['get'], resources: [{ group: '', resources: ['nodes', 'nodes/status'] }] },
      { level: 'None', nonResourceURLs: ['/healthz*', '/livez*', '/readyz*', '/version', '/metrics'] },
      { level: 'None', resources: [{ group: '', resources: ['events'] }] },
      // Credentials: who touched them, never their content.
      {
        level: 'Metadata',
        resources: [
          { group: '', resources: ['secrets', 'configmaps', 'serviceaccounts/token'] },
          { group: 'authentication.k8s.io', resources: ['tokenreviews'] },
        ],
      },
      // Privilege changes and interactive access: the full request and response.
      {
        level: 'RequestResponse',
        verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'],
        resources: [
          { group: 'rbac.authorization.k8s.io', resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'] },
          { group: 'admissionregistration.k8s.io', resources: ['validatingwebhookconfigurations', 'mutatingwebhookconfigurations', 'validatingadmissionpolicies', 'validatingadmissionpolicybindings'] },
          { group: 'certificates.k8s.io', resources: ['certificatesigningrequests', 'certificatesigningrequests/approval'] },
        ],
      },
      { level: 'RequestResponse', resources: [{ group: '', resources: ['pods/exec', 'pods/attach', 'pods/portforward', 'pods/ephemeralcontainers'] }] },
      { level: 'Request', verbs: ['create', 'update', 'patch', 'delete', 'deletecollection'], resources: [{ group: '', resources: ['pods', 'namespaces', 'serviceaccounts'] }] },
      // Everything else: who did what, when.
      { level: 'Metadata' },
    ],
  };
}
