import { GatekeeperPolicy } from '../../../lib';
import { PolicyDefinition } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-definition';
import { POLICY_LIBRARY, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { evaluateTemplate } from '../../helpers/cel-harness';
import { schemaProblems } from '../../helpers/k8s-schema';
import { container, GOOD_POD, initContainer, pod } from './fixtures';

interface Fixture {
  readonly name: string;
  readonly object: any;
  /** Parameters merged over the policy's defaults. */
  readonly params?: any;
}

const REGISTRIES = { registries: ['acrplatformprod.azurecr.io/', 'mcr.microsoft.com/oss/'] };

/** Allowed and denied fixtures of every policy. */
const CASES: Record<GatekeeperPolicy, { allowed: Fixture[]; denied: Fixture[] }> = {
  [GatekeeperPolicy.PRIVILEGED_CONTAINER]: {
    allowed: [
      { name: 'restricted pod', object: GOOD_POD },
      { name: 'privileged: false', object: container((c) => (c.securityContext.privileged = false)) },
      { name: 'exempt image', object: container((c) => (c.securityContext.privileged = true)), params: { exemptImages: ['acrplatformprod.azurecr.io/payments/*'] } },
    ],
    denied: [
      { name: 'privileged container', object: container((c) => (c.securityContext.privileged = true)) },
      { name: 'privileged init container', object: initContainer((c) => (c.securityContext.privileged = true)) },
    ],
  },
  [GatekeeperPolicy.PRIVILEGE_ESCALATION]: {
    allowed: [{ name: 'allowPrivilegeEscalation false', object: GOOD_POD }],
    denied: [
      { name: 'allowPrivilegeEscalation true', object: container((c) => (c.securityContext.allowPrivilegeEscalation = true)) },
      { name: 'allowPrivilegeEscalation unset', object: container((c) => delete c.securityContext.allowPrivilegeEscalation) },
      { name: 'no securityContext on an init container', object: initContainer((c) => delete c.securityContext) },
    ],
  },
  [GatekeeperPolicy.HOST_NAMESPACES]: {
    allowed: [
      { name: 'no host namespaces', object: GOOD_POD },
      { name: 'hostNetwork explicitly false', object: pod((p) => (p.spec.hostNetwork = false)) },
    ],
    denied: [
      { name: 'hostPID', object: pod((p) => (p.spec.hostPID = true)) },
      { name: 'hostIPC', object: pod((p) => (p.spec.hostIPC = true)) },
      { name: 'hostNetwork', object: pod((p) => (p.spec.hostNetwork = true)) },
    ],
  },
  [GatekeeperPolicy.HOST_PORTS]: {
    allowed: [
      { name: 'container ports only', object: GOOD_POD },
      { name: 'allowed host port', object: container((c) => (c.ports[0].hostPort = 9100)), params: { allowedHostPorts: [9100] } },
    ],
    denied: [{ name: 'host port', object: container((c) => (c.ports[0].hostPort = 8080)) }],
  },
  [GatekeeperPolicy.HOST_PATHS]: {
    allowed: [
      { name: 'no hostPath', object: GOOD_POD },
      {
        name: 'hostPath under an allowed prefix',
        object: pod((p) => p.spec.volumes.push({ name: 'logs', hostPath: { path: '/var/log/app' } })),
        params: { allowedHostPaths: ['/var/log'] },
      },
    ],
    denied: [
      { name: 'hostPath', object: pod((p) => p.spec.volumes.push({ name: 'etc', hostPath: { path: '/etc' } })) },
      {
        name: 'hostPath sharing only a string prefix with an allowed path',
        object: pod((p) => p.spec.volumes.push({ name: 'logs', hostPath: { path: '/var/logs-other' } })),
        params: { allowedHostPaths: ['/var/log'] },
      },
    ],
  },
  [GatekeeperPolicy.CAPABILITIES]: {
    allowed: [
      { name: 'drop ALL', object: GOOD_POD },
      { name: 'drop ALL, add NET_BIND_SERVICE', object: container((c) => (c.securityContext.capabilities.add = ['NET_BIND_SERVICE'])) },
    ],
    denied: [
      { name: 'no drop', object: container((c) => delete c.securityContext.capabilities) },
      { name: 'drop only NET_RAW', object: container((c) => (c.securityContext.capabilities.drop = ['NET_RAW'])) },
      { name: 'add SYS_ADMIN', object: container((c) => (c.securityContext.capabilities.add = ['SYS_ADMIN'])) },
    ],
  },
  [GatekeeperPolicy.RUN_AS_NON_ROOT]: {
    allowed: [
      { name: 'pod-level runAsNonRoot', object: GOOD_POD },
      {
        name: 'container-level runAsNonRoot without pod level',
        object: pod((p) => {
          delete p.spec.securityContext.runAsNonRoot;
          p.spec.containers[0].securityContext.runAsNonRoot = true;
        }),
      },
    ],
    denied: [
      { name: 'container overrides runAsNonRoot false', object: container((c) => (c.securityContext.runAsNonRoot = false)) },
      { name: 'container runAsUser 0', object: container((c) => (c.securityContext.runAsUser = 0)) },
      {
        name: 'runAsNonRoot set nowhere',
        object: pod((p) => {
          delete p.spec.securityContext.runAsNonRoot;
          delete p.spec.containers[0].securityContext.runAsNonRoot;
        }),
      },
      { name: 'pod runAsUser 0', object: pod((p) => (p.spec.securityContext.runAsUser = 0)) },
    ],
  },
  [GatekeeperPolicy.SECCOMP]: {
    allowed: [
      { name: 'pod RuntimeDefault', object: GOOD_POD },
      { name: 'container Localhost', object: container((c) => (c.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' })) },
    ],
    denied: [
      { name: 'container Unconfined', object: container((c) => (c.securityContext.seccompProfile = { type: 'Unconfined' })) },
      { name: 'no profile anywhere', object: pod((p) => delete p.spec.securityContext.seccompProfile) },
    ],
  },
  [GatekeeperPolicy.APPARMOR]: {
    allowed: [
      { name: 'no profile (runtime default)', object: GOOD_POD },
      { name: 'RuntimeDefault field', object: container((c) => (c.securityContext.appArmorProfile = { type: 'RuntimeDefault' })) },
      { name: 'localhost annotation', object: pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/app' })) },
    ],
    denied: [
      { name: 'Unconfined field on the container', object: container((c) => (c.securityContext.appArmorProfile = { type: 'Unconfined' })) },
      { name: 'Unconfined field on the pod', object: pod((p) => (p.spec.securityContext.appArmorProfile = { type: 'Unconfined' })) },
      { name: 'unconfined annotation', object: pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' })) },
    ],
  },
  [GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM]: {
    allowed: [{ name: 'read-only root', object: GOOD_POD }],
    denied: [
      { name: 'writable root', object: container((c) => (c.securityContext.readOnlyRootFilesystem = false)) },
      { name: 'unset on an init container', object: initContainer((c) => delete c.securityContext.readOnlyRootFilesystem) },
    ],
  },
  [GatekeeperPolicy.VOLUME_TYPES]: {
    allowed: [
      { name: 'emptyDir and secret', object: GOOD_POD },
      { name: 'projected and PVC', object: pod((p) => p.spec.volumes.push({ name: 'token', projected: { sources: [] } }, { name: 'data', persistentVolumeClaim: { claimName: 'data' } })) },
    ],
    denied: [
      { name: 'hostPath', object: pod((p) => p.spec.volumes.push({ name: 'host', hostPath: { path: '/' } })) },
      { name: 'nfs', object: pod((p) => p.spec.volumes.push({ name: 'share', nfs: { server: 'nfs.example', path: '/export' } })) },
      { name: 'gitRepo', object: pod((p) => p.spec.volumes.push({ name: 'src', gitRepo: { repository: 'https://example/repo.git' } })) },
    ],
  },
  [GatekeeperPolicy.PROC_MOUNT]: {
    allowed: [
      { name: 'unset', object: GOOD_POD },
      { name: 'Default', object: container((c) => (c.securityContext.procMount = 'Default')) },
    ],
    denied: [{ name: 'Unmasked', object: container((c) => (c.securityContext.procMount = 'Unmasked')) }],
  },
  [GatekeeperPolicy.SYSCTLS]: {
    allowed: [
      { name: 'none', object: GOOD_POD },
      { name: 'safe sysctl', object: pod((p) => (p.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }])) },
    ],
    denied: [{ name: 'unsafe sysctl', object: pod((p) => (p.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }])) }],
  },
  [GatekeeperPolicy.ALLOWED_REGISTRIES]: {
    allowed: [
      { name: 'image from the ACR', object: GOOD_POD, params: REGISTRIES },
      { name: 'image from an approved path', object: container((c) => (c.image = 'mcr.microsoft.com/oss/nginx/nginx:1.27.0')), params: REGISTRIES },
    ],
    denied: [
      { name: 'Docker Hub short name', object: container((c) => (c.image = 'nginx:1.27.0')), params: REGISTRIES },
      { name: 'look-alike host', object: container((c) => (c.image = 'acrplatformprod.azurecr.io.evil.example/api:1.0.0')), params: REGISTRIES },
      { name: 'other path of an approved host', object: container((c) => (c.image = 'mcr.microsoft.com/other/tool:1.0.0')), params: REGISTRIES },
      { name: 'init container from elsewhere', object: initContainer((c) => (c.image = 'docker.io/library/busybox:1.36')), params: REGISTRIES },
    ],
  },
  [GatekeeperPolicy.REQUIRED_RESOURCES]: {
    allowed: [{ name: 'requests and memory limit', object: GOOD_POD }],
    denied: [
      { name: 'no resources', object: container((c) => delete c.resources) },
      { name: 'no memory limit', object: container((c) => delete c.resources.limits) },
      { name: 'cpu limit required by parameters', object: GOOD_POD, params: { requiredLimits: ['cpu', 'memory'] } },
    ],
  },
  [GatekeeperPolicy.DISALLOW_LATEST_TAG]: {
    allowed: [
      { name: 'version tag', object: GOOD_POD },
      { name: 'digest', object: container((c) => (c.image = 'acrplatformprod.azurecr.io/api@sha256:' + 'a'.repeat(64))) },
      { name: 'registry port and tag', object: container((c) => (c.image = 'registry.example:5000/api:2.0.1')) },
    ],
    denied: [
      { name: 'latest', object: container((c) => (c.image = 'acrplatformprod.azurecr.io/api:latest')) },
      { name: 'no tag', object: container((c) => (c.image = 'acrplatformprod.azurecr.io/api')) },
      { name: 'registry port without tag', object: container((c) => (c.image = 'registry.example:5000/api')) },
    ],
  },
  [GatekeeperPolicy.DEFAULT_SERVICE_ACCOUNT_TOKEN]: {
    allowed: [
      { name: 'dedicated service account', object: GOOD_POD },
      {
        name: 'default service account without token',
        object: pod((p) => {
          delete p.spec.serviceAccountName;
          p.spec.automountServiceAccountToken = false;
        }),
      },
    ],
    denied: [
      { name: 'default service account implied', object: pod((p) => delete p.spec.serviceAccountName) },
      { name: 'default service account named, token on', object: pod((p) => ((p.spec.serviceAccountName = 'default'), (p.spec.automountServiceAccountToken = true))) },
    ],
  },
  [GatekeeperPolicy.SECRETS_AS_FILES]: {
    allowed: [
      { name: 'secret volume', object: GOOD_POD },
      { name: 'plain env and configMap ref', object: container((c) => (c.env = [{ name: 'MODE', value: 'prod' }, { name: 'URL', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'url' } } }])) },
    ],
    denied: [
      { name: 'secretKeyRef', object: container((c) => (c.env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }])) },
      { name: 'envFrom secretRef', object: container((c) => (c.envFrom = [{ secretRef: { name: 'db' } }])) },
    ],
  },
  [GatekeeperPolicy.DISALLOWED_NAMESPACES]: {
    allowed: [{ name: 'workload namespace', object: GOOD_POD }],
    denied: [{ name: 'default namespace', object: pod((p) => (p.metadata.namespace = 'default')) }],
  },
};

function check(definition: PolicyDefinition, fixture: Fixture) {
  return evaluateTemplate(renderTemplate(definition), fixture.object, { ...definition.defaultParameters, ...(fixture.params ?? {}) });
}

test('every policy of the library has allowed and denied fixtures', () => {
  for (const definition of POLICY_LIBRARY) {
    expect(CASES[definition.policy].allowed.length).toBeGreaterThan(0);
    expect(CASES[definition.policy].denied.length).toBeGreaterThan(0);
  }
  expect(Object.keys(CASES).sort()).toEqual(POLICY_LIBRARY.map((d) => d.policy).sort());
});

test('the restricted pod passes every policy with the baseline parameters', () => {
  for (const definition of POLICY_LIBRARY) {
    const result = check(definition, { name: 'good', object: GOOD_POD, params: REGISTRIES });
    expect({ policy: definition.policy, messages: result.messages }).toEqual({ policy: definition.policy, messages: [] });
  }
});

describe.each(POLICY_LIBRARY.map((d) => [d.policy, d] as const))('%s (CEL evaluated by @bufbuild/cel)', (_policy, definition) => {
  const cases = CASES[definition.policy];
  test.each(cases.allowed.map((f) => [f.name, f] as const))('allows: %s', (_name, fixture) => {
    expect(check(definition, fixture)).toMatchObject({ allowed: true, messages: [] });
  });
  test.each(cases.denied.map((f) => [f.name, f] as const))('denies: %s', (_name, fixture) => {
    const result = check(definition, fixture);
    expect(result.allowed).toBe(false);
    expect(result.messages.length).toBeGreaterThan(0);
    result.messages.forEach((m) => expect(m.length).toBeGreaterThan(10));
  });
});

test('every fixture is a schema-valid Pod (kubernetes-models)', () => {
  const fixtures = Object.values(CASES).flatMap((c) => [...c.allowed, ...c.denied].map((f) => f.object));
  expect(schemaProblems(fixtures)).toEqual([]);
});

test('templates are CEL-only K8sNativeValidation ConstraintTemplates named after their kind', () => {
  for (const definition of POLICY_LIBRARY) {
    const template = renderTemplate(definition);
    expect(template.apiVersion).toBe('templates.gatekeeper.sh/v1');
    expect(template.metadata.name).toBe(definition.kind.toLowerCase());
    expect(template.spec.crd.spec.names.kind).toBe(definition.kind);
    expect(template.spec.targets).toHaveLength(1);
    expect(template.spec.targets[0].target).toBe('admission.k8s.gatekeeper.sh');
    expect(template.spec.targets[0].code.map((c: any) => c.engine)).toEqual(['K8sNativeValidation']);
    // Gatekeeper reserves these variable names.
    const names = template.spec.targets[0].code[0].source.variables.map((v: any) => v.name);
    expect(names.filter((n: string) => n === 'params' || n === 'anyObject' || n.startsWith('gatekeeper_internal_'))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
  }
});
