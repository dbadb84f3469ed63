// The update exemption of Pod Security Admission (admission.go isSignificantPodUpdate), as every pod
// template of the library applies it: an update that keeps every container image is not re-judged. (The
// RBAC templates judge every update: rbac-policies.test.ts.)
import { GatekeeperPolicy, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { PodSecurityProfile } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-definition';
import { policyLibrary, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { RBAC_OBJECTS } from '../../../lib/kubernetes/addons/gatekeeper-policies/policies/rbac-policy';
import { evaluateTemplate, RequestOptions } from '../../helpers/cel-harness';
import { container, GOOD_POD, pod } from './fixtures';
import { PARITY_CASES } from './pod-security-cases';

const PROFILES: PodSecurityProfile[] = [
  { level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT },
  { level: PodSecurityLevel.BASELINE, version: PodSecurityVersion.V1_30 },
];
const REGISTRIES = { registries: ['acrplatformprod.azurecr.io/'] };

/** Pods violating the policies beyond Pod Security. */
const BEYOND: Partial<Record<GatekeeperPolicy, any>> = {
  [GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM]: container((c) => (c.securityContext.readOnlyRootFilesystem = false)),
  [GatekeeperPolicy.ALLOWED_REGISTRIES]: pod((p) => (p.spec.initContainers = [{ ...p.spec.containers[0], name: 'init', image: 'docker.io/library/busybox:1.36' }])),
  [GatekeeperPolicy.REQUIRED_RESOURCES]: container((c) => delete c.resources),
  [GatekeeperPolicy.DISALLOW_LATEST_TAG]: pod((p) => (p.spec.initContainers = [{ ...p.spec.containers[0], name: 'init', image: 'acrplatformprod.azurecr.io/tools/init:latest' }])),
  [GatekeeperPolicy.DEFAULT_SERVICE_ACCOUNT_TOKEN]: pod((p) => delete p.spec.serviceAccountName),
  [GatekeeperPolicy.SECRETS_AS_FILES]: container((c) => (c.envFrom = [{ secretRef: { name: 'db' } }])),
  [GatekeeperPolicy.DISALLOWED_NAMESPACES]: pod((p) => (p.metadata.namespace = 'default')),
};

/** Every pod template of the profile with a pod it refuses on create. */
function violations(p: PodSecurityProfile) {
  return policyLibrary(p).filter((d) => d.objects !== RBAC_OBJECTS).map((d) => {
    const parity = PARITY_CASES.find((c) => c.denied(p) && c.deniedBy(p).includes(d.policy));
    const violating = d.podSecurity ? parity!.object : BEYOND[d.policy];
    return { policy: d.policy, template: renderTemplate(d), violating, params: d.policy === GatekeeperPolicy.ALLOWED_REGISTRIES ? REGISTRIES : d.defaultParameters };
  });
}

const copy = (o: any) => JSON.parse(JSON.stringify(o));
const changed = (o: any, change: (p: any) => void) => {
  const result = copy(o);
  change(result);
  return result;
};

/** The pod with one more init container (a copy of its first container) running `image`. */
const withInit = (o: any, image: string) => changed(o, (p) => (p.spec.initContainers = [...(p.spec.initContainers ?? []), { ...p.spec.containers[0], name: 'init-extra', image }]));

interface Scenario {
  readonly name: string;
  /** The request for a pod the template refuses on create. */
  readonly request: (violating: any) => { object: any; options: RequestOptions };
  /** Whether the template judges the request (false: the update exemption admits it unjudged). */
  readonly judged: boolean;
}

const SCENARIOS: Scenario[] = [
  { name: 'create', request: (v) => ({ object: v, options: {} }), judged: true },
  { name: 'audit review (no operation, no old object)', request: (v) => ({ object: v, options: { operation: '' } }), judged: true },
  {
    name: 'update changing labels, annotations and finalizers only',
    request: (v) => ({
      object: changed(v, (p) => Object.assign(p.metadata, { labels: { app: 'api', tier: 'backend' }, annotations: { 'example.com/owner': 'payments' }, finalizers: [] })),
      options: { operation: 'UPDATE', oldObject: changed(v, (p) => (p.metadata.finalizers = ['example.com/cleanup'])) },
    }),
    judged: false,
  },
  {
    name: 'update changing only fields Pod Security Admission does not compare (activeDeadlineSeconds, tolerations)',
    request: (v) => ({
      object: changed(v, (p) => Object.assign(p.spec, { activeDeadlineSeconds: 600, tolerations: [{ key: 'spot', operator: 'Exists', effect: 'NoSchedule' }] })),
      options: { operation: 'UPDATE', oldObject: v },
    }),
    judged: false,
  },
  {
    name: 'update changing a container image',
    request: (v) => ({
      object: changed(v, (p) => (p.spec.containers[0].image = 'acrplatformprod.azurecr.io/payments/api:1.4.3')),
      options: { operation: 'UPDATE', oldObject: v },
    }),
    judged: true,
  },
  {
    name: 'update changing an init container image',
    request: (v) => ({
      object: withInit(v, 'acrplatformprod.azurecr.io/tools/init:2.0.0'),
      options: { operation: 'UPDATE', oldObject: withInit(v, 'acrplatformprod.azurecr.io/tools/init:1.0.0') },
    }),
    judged: true,
  },
  {
    name: 'update adding an ephemeral container (pods/ephemeralcontainers)',
    request: (v) => ({
      object: changed(v, (p) => (p.spec.ephemeralContainers = [...(p.spec.ephemeralContainers ?? []), { name: 'debug-2', image: 'acrplatformprod.azurecr.io/tools/debug:2.1.0' }])),
      options: { operation: 'UPDATE', oldObject: v },
    }),
    judged: true,
  },
];

describe.each(PROFILES.map((p) => [`${p.level} ${p.version.label}`, p] as const))('every template at %s', (_n, p) => {
  const templates = violations(p);
  test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', (_s, scenario) => {
    const wrong = templates.flatMap(({ policy, template, violating, params }) => {
      const { object, options } = scenario.request(violating);
      const result = evaluateTemplate(template, object, params, options);
      const expected = { matched: scenario.judged, allowed: !scenario.judged };
      return result.matched === expected.matched && result.allowed === expected.allowed ? [] : [`${policy}: ${JSON.stringify({ matched: result.matched, allowed: result.allowed })}`];
    });
    expect(wrong).toEqual([]);
  });
});

describe('the exemption compares what Pod Security Admission compares', () => {
  const template = renderTemplate(policyLibrary(PROFILES[0]).find((d) => d.policy === GatekeeperPolicy.PRIVILEGED_CONTAINER)!);
  const debug = { name: 'debugger', image: 'acrplatformprod.azurecr.io/tools/debug:2.1.0', securityContext: { privileged: true } };
  const withDebug = pod((p) => (p.spec.ephemeralContainers = [debug]));
  const update = (object: any, oldObject: any) => evaluateTemplate(template, object, {}, { operation: 'UPDATE', oldObject });

  test('an unchanged ephemeral container is not re-judged; a new image of one is', () => {
    expect(update(changed(withDebug, (p) => (p.metadata.labels.x = 'y')), withDebug)).toMatchObject({ matched: false, allowed: true });
    expect(update(changed(withDebug, (p) => (p.spec.ephemeralContainers[0].image = 'acrplatformprod.azurecr.io/tools/debug:2.2.0')), withDebug)).toMatchObject({ matched: true, allowed: false });
  });
  test('a changed container count is judged, as is a reordering that moves images', () => {
    const two = pod((p) => ((p.spec.containers[0].securityContext.privileged = true), p.spec.containers.push({ ...p.spec.containers[0], name: 'sidecar', image: 'acrplatformprod.azurecr.io/mesh/proxy:1.30.3' })));
    expect(update(two, changed(two, (p) => p.spec.containers.pop()))).toMatchObject({ matched: true, allowed: false });
    expect(update(two, changed(two, (p) => p.spec.containers.reverse()))).toMatchObject({ matched: true, allowed: false });
  });
  test('a compliant image update is judged and admitted', () => {
    expect(update(changed(GOOD_POD, (p) => (p.spec.containers[0].image = 'acrplatformprod.azurecr.io/payments/api:1.4.3')), GOOD_POD)).toMatchObject({ matched: true, allowed: true });
  });
});
