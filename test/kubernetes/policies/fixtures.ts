// Pod fixtures for the policy library: pods that pass every policy (Linux and Windows), and variations.
// Every helper returns a fresh deep copy; the CEL harness caches conversions by object, so fixtures are
// never mutated after they are built.

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

/** A pod meeting Pod Security restricted (every supported version) and every policy of the library. */
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

/**
 * A Windows pod meeting Pod Security restricted and every policy of the library: `spec.os.name: windows`
 * and runAsNonRoot, without the fields Kubernetes forbids on Windows pods (capabilities,
 * allowPrivilegeEscalation, seccomp, readOnlyRootFilesystem, runAsUser).
 */
export const GOOD_WINDOWS_POD = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'iis', namespace: 'payments', labels: { app: 'iis' } },
  spec: {
    os: { name: 'windows' },
    serviceAccountName: 'payments-iis',
    securityContext: { runAsNonRoot: true, windowsOptions: { runAsUserName: 'ContainerUser' } },
    containers: [
      {
        name: 'iis',
        image: 'acrplatformprod.azurecr.io/payments/iis:10.0.20348',
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
      },
    ],
  },
};

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

/** A deep copy of GOOD_POD changed by `change`. */
export function pod(change: (p: any) => void): any {
  const result = copy(GOOD_POD);
  change(result);
  return result;
}

/** A deep copy of GOOD_WINDOWS_POD changed by `change`. */
export function windowsPod(change: (p: any) => void = () => undefined): any {
  const result = copy(GOOD_WINDOWS_POD);
  change(result);
  return result;
}

/** A deep copy of GOOD_POD whose first container is changed by `change`. */
export function container(change: (c: any) => void): any {
  return pod((p) => change(p.spec.containers[0]));
}

/** GOOD_POD with a restricted init container `migrate` changed by `change` (policies must check init containers too). */
export function initContainer(change: (c: any) => void): any {
  return pod((p) => {
    const init: any = copy(RESTRICTED_CONTAINER);
    init.name = 'migrate';
    delete init.ports;
    change(init);
    p.spec.initContainers = [init];
  });
}

/** GOOD_POD with a restricted ephemeral (debug) container `debugger` changed by `change`. */
export function ephemeralContainer(change: (c: any) => void): any {
  return pod((p) => {
    const debug: any = { name: 'debugger', image: 'acrplatformprod.azurecr.io/tools/debug:2.1.0', securityContext: copy(RESTRICTED_CONTAINER.securityContext) };
    change(debug);
    p.spec.ephemeralContainers = [debug];
  });
}
