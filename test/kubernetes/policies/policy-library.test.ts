import { GatekeeperPolicy, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { PodSecurityProfile, PolicyDefinition } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-definition';
import { policyLibrary, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { RBAC_OBJECTS } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-policy';
import { evaluateTemplate } from '../../helpers/cel-harness';
import { schemaProblems } from '../../helpers/k8s-schema';
import { container, GOOD_POD, GOOD_WINDOWS_POD, initContainer, pod, windowsPod } from './fixtures';

const DEFAULT_PROFILE: PodSecurityProfile = { level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT };
const LIBRARY = policyLibrary(DEFAULT_PROFILE);
const REGISTRIES = { registries: ['acrplatformprod.azurecr.io/', 'mcr.microsoft.com/oss/'] };

interface Fixture {
  readonly name: string;
  readonly object: any;
  /** Parameters merged over the policy's defaults. */
  readonly params?: any;
}

function definition(policy: GatekeeperPolicy, profile = DEFAULT_PROFILE): PolicyDefinition {
  return policyLibrary(profile).find((d) => d.policy === policy)!;
}

function check(def: PolicyDefinition, fixture: Fixture) {
  return evaluateTemplate(renderTemplate(def), fixture.object, { ...def.defaultParameters, ...(fixture.params ?? {}) });
}

/** Allowed and denied fixtures of the policies beyond Pod Security (the Pod Security set has pod-security.test.ts). */
const BEYOND_POD_SECURITY: Partial<Record<GatekeeperPolicy, { allowed: Fixture[]; denied: Fixture[] }>> = {
  [GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM]: {
    allowed: [
      { name: 'read-only root', object: GOOD_POD },
      { name: 'Windows pod (Kubernetes forbids the field there)', object: GOOD_WINDOWS_POD },
    ],
    denied: [
      { name: 'writable root', object: container((c) => (c.securityContext.readOnlyRootFilesystem = false)) },
      { name: 'unset on an init container', object: initContainer((c) => delete c.securityContext.readOnlyRootFilesystem) },
      { name: 'Linux pod naming the os', object: pod((p) => ((p.spec.os = { name: 'linux' }), (p.spec.containers[0].securityContext.readOnlyRootFilesystem = false))) },
    ],
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

test('every pod policy beyond the Pod Security set has allowed and denied fixtures; the Pod Security set is tested by pod-security.test.ts, the RBAC set by rbac-policies.test.ts', () => {
  const beyond = LIBRARY.filter((d) => !d.podSecurity && d.objects !== RBAC_OBJECTS).map((d) => d.policy).sort();
  expect(Object.keys(BEYOND_POD_SECURITY).sort()).toEqual(beyond);
  for (const policy of beyond) {
    expect(BEYOND_POD_SECURITY[policy]!.allowed.length).toBeGreaterThan(0);
    expect(BEYOND_POD_SECURITY[policy]!.denied.length).toBeGreaterThan(0);
  }
  // Every member of the enum is a policy of the default profile.
  expect(LIBRARY.map((d) => d.policy).sort()).toEqual(Object.values(GatekeeperPolicy).sort());
});

test('the restricted Linux and Windows pods pass every policy with the baseline parameters', () => {
  for (const def of LIBRARY) {
    for (const object of [GOOD_POD, GOOD_WINDOWS_POD]) {
      const result = check(def, { name: 'good', object, params: REGISTRIES });
      expect({ policy: def.policy, messages: result.messages }).toEqual({ policy: def.policy, messages: [] });
    }
  }
});

describe.each(Object.entries(BEYOND_POD_SECURITY))('%s (CEL evaluated by @bufbuild/cel)', (policy, cases) => {
  const def = definition(policy as GatekeeperPolicy);
  test.each(cases!.allowed.map((f) => [f.name, f] as const))('allows: %s', (_name, fixture) => {
    expect(check(def, fixture)).toMatchObject({ allowed: true, messages: [] });
  });
  test.each(cases!.denied.map((f) => [f.name, f] as const))('denies: %s', (_name, fixture) => {
    const result = check(def, fixture);
    expect(result.allowed).toBe(false);
    result.messages.forEach((m) => expect(m.length).toBeGreaterThan(10));
  });
});

describe('exemptImages (the library exemption; Pod Security Admission has none)', () => {
  const privileged = definition(GatekeeperPolicy.PRIVILEGED_CONTAINER);
  const runAsUser = definition(GatekeeperPolicy.RUN_AS_USER);
  const apparmor = definition(GatekeeperPolicy.APPARMOR);
  test('an exempt image (exact or prefix) skips its container, not the others', () => {
    const bad = initContainer((c) => ((c.image = 'acrplatformprod.azurecr.io/agents/collector:2.0.0'), (c.securityContext.privileged = true)));
    expect(check(privileged, { name: 'x', object: bad }).allowed).toBe(false);
    expect(check(privileged, { name: 'x', object: bad, params: { exemptImages: ['acrplatformprod.azurecr.io/agents/*'] } }).allowed).toBe(true);
    expect(check(privileged, { name: 'x', object: bad, params: { exemptImages: ['acrplatformprod.azurecr.io/agents/collector:2.0.0'] } }).allowed).toBe(true);
    expect(check(privileged, { name: 'x', object: bad, params: { exemptImages: ['acrplatformprod.azurecr.io/agents/collector:1.0.0'] } }).allowed).toBe(false);
    const both = pod((p) => ((p.spec.containers[0].securityContext.privileged = true), (p.spec.initContainers = [bad.spec.initContainers[0]])));
    expect(check(privileged, { name: 'x', object: both, params: { exemptImages: ['acrplatformprod.azurecr.io/agents/*'] } }).messages.join()).toMatch(/: app$/);
  });
  test('pod-level fields are judged even when every container is exempt', () => {
    const object = pod((p) => (p.spec.securityContext.runAsUser = 0));
    expect(check(runAsUser, { name: 'x', object, params: { exemptImages: ['acrplatformprod.azurecr.io/*'] } }).messages).toEqual([
      'Pod Security restricted v1.36 (runAsUser): pod must not set runAsUser=0',
    ]);
  });
  test('an AppArmor annotation of an exempt container is skipped, of another container not', () => {
    const object = pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' }));
    expect(check(apparmor, { name: 'x', object, params: { exemptImages: ['acrplatformprod.azurecr.io/payments/api:1.4.2'] } }).allowed).toBe(true);
    expect(check(apparmor, { name: 'x', object, params: { exemptImages: ['acrplatformprod.azurecr.io/payments/migrate:*'] } }).allowed).toBe(false);
  });
  test('only policies that judge containers declare exemptImages', () => {
    for (const def of LIBRARY) {
      const judgesContainers = def.variables.some((v) => v.name === 'containers');
      expect({ policy: def.policy, exempt: 'exemptImages' in def.parameters }).toEqual({ policy: def.policy, exempt: judgesContainers });
    }
  });
});

test('every fixture is a schema-valid Pod (kubernetes-models)', () => {
  const fixtures = Object.values(BEYOND_POD_SECURITY).flatMap((c) => [...c!.allowed, ...c!.denied].map((f) => f.object));
  expect(schemaProblems([...fixtures, windowsPod()])).toEqual([]);
});

describe('templates', () => {
  const profiles = [PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED].flatMap((level) => PodSecurityVersion.all().map((version) => ({ level, version })));
  const rendered = profiles.flatMap((p) => policyLibrary(p).map((d) => ({ d, template: renderTemplate(d) })));

  test('are CEL-only K8sNativeValidation ConstraintTemplates named after their kind, with valid variable names', () => {
    for (const { d, template } of rendered) {
      expect(template.apiVersion).toBe('templates.gatekeeper.sh/v1');
      expect(template.metadata.name).toBe(d.kind.toLowerCase());
      expect(template.spec.crd.spec.names.kind).toBe(d.kind);
      expect(template.spec.targets).toHaveLength(1);
      expect(template.spec.targets[0].target).toBe('admission.k8s.gatekeeper.sh');
      expect(template.spec.targets[0].code.map((c: any) => c.engine)).toEqual(['K8sNativeValidation']);
      const source = template.spec.targets[0].code[0].source;
      // Gatekeeper reserves these names.
      const names = source.variables.map((v: any) => v.name);
      expect(names.filter((n: string) => n === 'params' || n === 'anyObject' || n.startsWith('gatekeeper_internal_'))).toEqual([]);
      expect(new Set(names).size).toBe(names.length);
      expect((source.matchCondition ?? []).map((c: any) => c.name).filter((n: string) => n.startsWith('gatekeeper_internal_'))).toEqual([]);
      // A variable is defined before it is read.
      source.variables.forEach((v: any, i: number) => {
        for (const [, used] of v.expression.matchAll(/variables\.(\w+)/g)) {
          expect({ variable: v.name, reads: used, defined: used === 'params' || names.slice(0, i).includes(used) }).toMatchObject({ defined: true });
        }
      });
    }
  });

  test('a kind keeps one name at every profile, so changing the level or version updates templates in place', () => {
    const kinds = new Map<GatekeeperPolicy, Set<string>>();
    for (const { d } of rendered) {
      kinds.set(d.policy, (kinds.get(d.policy) ?? new Set()).add(d.kind));
    }
    for (const [policy, set] of kinds) {
      expect({ policy, kinds: set.size }).toEqual({ policy, kinds: 1 });
    }
  });

  test('at baseline the restricted checks are absent; host probes only from v1.34', () => {
    const at = (level: PodSecurityLevel, version: PodSecurityVersion) => policyLibrary({ level, version }).map((d) => d.policy);
    for (const policy of [GatekeeperPolicy.PRIVILEGE_ESCALATION, GatekeeperPolicy.RUN_AS_NON_ROOT, GatekeeperPolicy.RUN_AS_USER, GatekeeperPolicy.VOLUME_TYPES]) {
      expect(at(PodSecurityLevel.BASELINE, PodSecurityVersion.DEFAULT)).not.toContain(policy);
      expect(at(PodSecurityLevel.RESTRICTED, PodSecurityVersion.DEFAULT)).toContain(policy);
    }
    expect(at(PodSecurityLevel.RESTRICTED, PodSecurityVersion.V1_33)).not.toContain(GatekeeperPolicy.HOST_PROBES);
    expect(at(PodSecurityLevel.BASELINE, PodSecurityVersion.V1_34)).toContain(GatekeeperPolicy.HOST_PROBES);
  });
});
