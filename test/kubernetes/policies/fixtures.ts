// Pod fixtures for the policy library: one pod that passes every policy, and variations of it.

const RESTRICTED_CONTAINER = {
  name: 'app',
  image: 'acrplatformprod.azurecr.io/payments/api:1.4.2',
  ports: [{ containerPort: 8080, protocol: 'TCP' }],
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
  securityContext: {
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ['ALL'] },
  },
  volumeMounts: [
    { name: 'tmp', mountPath: '/tmp' },
    { name: 'db-password', mountPath: '/etc/secrets', readOnly: true },
  ],
};

/** A pod meeting Pod Security restricted and every policy of the library. */
export const GOOD_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'api', namespace: 'payments', labels: { app: 'api' } },
  spec: {
    serviceAccountName: 'payments-api',
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [RESTRICTED_CONTAINER],
    volumes: [
      { name: 'tmp', emptyDir: {} },
      { name: 'db-password', secret: { secretName: 'db-password' } },
    ],
  },
};

/** A deep copy of GOOD_POD changed by `change`. */
export function pod(change: (p: any) => void): any {
  const copy = JSON.parse(JSON.stringify(GOOD_POD));
  change(copy);
  return copy;
}

/** A deep copy of GOOD_POD whose first container is changed by `change`. */
export function container(change: (c: any) => void): any {
  return pod((p) => change(p.spec.containers[0]));
}

/** Adds an init container changed by `change` (policies must check init containers too). */
export function initContainer(change: (c: any) => void): any {
  return pod((p) => {
    const init = JSON.parse(JSON.stringify(RESTRICTED_CONTAINER));
    init.name = 'migrate';
    delete init.ports;
    change(init);
    p.spec.initContainers = [init];
  });
}
