// A ValidatingAdmissionPolicy (built into the API server, CEL) that admits pods only from approved
// registries (CIS RKE2 1.8 5.5.1, image provenance). Delivered as rke_config.additional_manifest, so it is
// in force from the cluster's first start, before any add-on or Gatekeeper is installed.

export const IMAGE_POLICY_NAME = 'hardened-allowed-registries';

function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** The policy and its binding, as Kubernetes objects. */
export function imageAdmissionPolicy(allowedRegistries: string[], exemptNamespaces: string[]): any[] {
  const prefixes = `[${[...allowedRegistries].sort().map(celString).join(', ')}]`;
  const containers = "(has(object.spec.initContainers) ? object.spec.initContainers : []) + object.spec.containers + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])";
  return [
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicy',
      metadata: { name: IMAGE_POLICY_NAME },
      spec: {
        failurePolicy: 'Fail',
        matchConstraints: {
          resourceRules: [{ apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods', 'pods/ephemeralcontainers'] }],
        },
        validations: [
          {
            expression: `(${containers}).all(c, ${prefixes}.exists(p, c.image.startsWith(p)))`,
            messageExpression: `'images must come from an approved registry: ' + ${celString([...allowedRegistries].sort().join(', '))}`,
            reason: 'Forbidden',
          },
        ],
      },
    },
    {
      apiVersion: 'admissionregistration.k8s.io/v1',
      kind: 'ValidatingAdmissionPolicyBinding',
      metadata: { name: IMAGE_POLICY_NAME },
      spec: {
        policyName: IMAGE_POLICY_NAME,
        validationActions: ['Deny'],
        matchResources: {
          namespaceSelector: {
            matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [...exemptNamespaces].sort() }],
          },
        },
      },
    },
  ];
}

/** Multi-document manifest text: each object as JSON (valid YAML), separated by `---`. */
export function renderManifest(objects: any[]): string {
  return objects.map((o) => JSON.stringify(o)).join('\n---\n') + '\n';
}
