// The hardening keys of every chart the baseline installs, checked against the key list of the chart at
// its pinned version (fixtures/chart-keys, written by `npm run chart-keys` from the chart's repository at
// the tag), and the rule that judges a release's final values, escape hatches included.
import * as fs from 'fs';
import * as path from 'path';
import {
  AzureKeyVaultProviderVersion,
  ChartPin,
  FalcoVersion,
  GatekeeperVersion,
  HardenedHelmRelease,
  HardenedValuesRegistry,
  HardeningKey,
  HelmValues,
  IstioVersion,
  KubernetesBaselinePack,
  SecretsStoreCsiAddon,
  SecretsStoreCsiDriverVersion,
  TrivyOperatorVersion,
} from '../../lib';
import { helmHardenedValues } from '../../lib/compliance/rules/kubernetes/helm-hardened-values';
import { kubeBenchJobLeastPrivilege } from '../../lib/compliance/rules/kubernetes/kube-bench-job';
import { applySet, applySetList, HelmSetError } from '../../lib/kubernetes/addons/helm-set-values';
import { evaluateRule } from '../helpers/rule-harness';
import { synthWithPacks, testApp } from '../helpers/synth';
import { baseline, resources, synthJson } from './baseline-helpers';

/** A key path that may widen exemptions, privileges, host access or network exposure, by its name. */
const WIDENING =
  /exempt|exclude|skip|ignore|privileged|host(Network|PID|IPC|Path|Port)|securityContext|SecurityContext|capabilit|(^|\.)(extra)?[vV]olumes$|[vV]olumeMounts|VolumesMount|initContainers|extraRules|(^|\.)rbac\.|serviceAccount\.create|(^|\.)service\.type|nodePort|loadBalancer|insecure|Insecure|(^|\.)disable[A-Z]|URL|Url$|(^|\.)services$|sockets|BindAddress|shareHost/;

const ISTIO_REPOSITORY = 'https://istio-release.storage.googleapis.com/charts';

interface ChartCase {
  readonly pin: ChartPin;
  /** Paths the widening pattern names that were read and found not to widen anything, with why. */
  readonly reviewed: Record<string, string>;
  /** Keys the chart reads through a map its templates render whole, with where. */
  readonly throughMap?: Record<string, string>;
}

const CHARTS: Record<string, ChartCase> = {
  'gatekeeper': {
    pin: GatekeeperVersion.V3_23_0,
    reviewed: {
      'audit.disableAuditSidecar': 'the violation-export sidecar only; the audit itself runs',
      'audit.disableCertRotation': 'certificates come from elsewhere; the webhook still serves TLS',
      'controllerManager.disableCertRotation': 'certificates come from elsewhere; the webhook still serves TLS',
      'audit.disableGenerateOperation': 'the mutation generator, not validation',
      'controllerManager.disableGenerateOperation': 'the mutation generator, not validation',
      'audit.disableStatusOperation': 'status reporting of templates and constraints; enforcement is unaffected',
      'disableMutation': 'the baseline uses no mutation policies',
      'service.loadBalancerIP': 'used only with a LoadBalancer service, which service.type forbids',
    },
  },
  'falco': {
    pin: FalcoVersion.V9_1_0,
    reviewed: { 'driver.modernEbpf.disableIterators': 'a compatibility switch of the probe (how Falco reads the initial process table)' },
  },
  'trivy-operator': {
    pin: TrivyOperatorVersion.V0_34_0,
    reviewed: {
      'trivy.ignoreUnfixed': 'a typed prop of TrivyOperatorAddon (ignoreUnfixed) decides it',
      'trivy.ignoreFileName': 'the file name the ignore list is mounted as; the list itself is trivy.ignoreFile',
      'trivy.serverURL': 'the Trivy server of the ClientServer mode, a scanning topology; it receives image data, not cluster access',
      'trivy.skipJavaDBUpdate': 'for offline mirrors; Trivy reports the age of its databases',
    },
  },
  'istiod': {
    pin: IstioVersion.V1_30_3,
    reviewed: {},
    throughMap: {
      'meshConfig.outboundTrafficPolicy.mode': 'templates/configmap.yaml renders meshConfig whole into the mesh configuration (a MeshConfig field)',
    },
  },
  'base': { pin: IstioVersion.V1_30_3.base(), reviewed: { 'base.excludedCRDs': 'leaves CRDs out; installs less, exempts nothing' } },
  'cni': { pin: IstioVersion.V1_30_3.cni(), reviewed: {} },
  'secrets-store-csi-driver': {
    pin: SecretsStoreCsiDriverVersion.V1_6_0,
    reviewed: { 'rbac.pspEnabled': 'PodSecurityPolicy was removed in Kubernetes 1.25; the template renders nothing the API server serves' },
  },
  'csi-secrets-store-provider-azure': {
    pin: AzureKeyVaultProviderVersion.V1_8_2,
    reviewed: { 'rbac.pspEnabled': 'PodSecurityPolicy was removed in Kubernetes 1.25; the template renders nothing the API server serves' },
  },
};

interface ChartKeys {
  readonly chart: string;
  readonly version: string;
  readonly source: { readonly repository: string; readonly ref: string };
  readonly valuesPaths: string[];
  readonly templatePaths: string[];
}

function fixture(chart: string, version: string): ChartKeys {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'chart-keys', `${chart}-${version}.json`), 'utf-8'));
}

const keysOf = (chart: string) => HardenedValuesRegistry.keysFor(chart, ISTIO_REPOSITORY);
const covers = (key: string, p: string) => p === key || p.startsWith(`${key}.`);

/** A value for the key that is not its hardened value: what a hurried raw value would write. */
function weakened(value: any): any {
  if (value === null || value === undefined) {
    return 'weakened';
  }
  if (typeof value === 'boolean') {
    return !value;
  }
  if (typeof value === 'string') {
    return `${value}weakened`;
  }
  if (Array.isArray(value)) {
    return [...value, 'weakened'];
  }
  return { ...value, privileged: true };
}

let releases: Record<string, any>;
let kubeBenchJob: any;
beforeAll(() => {
  const json = synthJson(baseline({ addons: [new SecretsStoreCsiAddon()] }).chartsStack);
  releases = Object.fromEntries((Object.values(resources(json, 'helm_release')) as any[]).map((r) => [r.chart, r]));
  kubeBenchJob = Object.values(resources(json, 'kubernetes_cron_job_v1'))[0];
});

/** The baseline's release of a chart with an extra values document merged last. */
const withValues = (chart: string, extra: any, attrs: any = {}) => ({ ...releases[chart], values: [...releases[chart].values, JSON.stringify(extra)], ...attrs });
const judge = (config: any) => evaluateRule(helmHardenedValues, 'helm_release', config);

describe.each(Object.entries(CHARTS))('chart %s', (chart, c) => {
  const keys = keysOf(chart);
  const known = fixture(chart, c.pin.version);
  const paths = [...new Set([...known.valuesPaths, ...known.templatePaths])];

  test('the key list is of the pinned chart version', () => {
    expect([known.chart, known.version]).toEqual([c.pin.chart, c.pin.version]);
  });

  test('every hardening key is a key the chart reads at that version', () => {
    const unread = keys.map((k) => k.path).filter((k) => !paths.some((p) => covers(k, p)) && !(c.throughMap ?? {})[k]);
    expect(unread).toEqual([]);
  });

  test('every key that could widen exemptions, privileges, host access or exposure is registered or reviewed', () => {
    const open = paths.filter((p) => WIDENING.test(p) && !keys.some((k) => covers(k.path, p)) && !c.reviewed[p]);
    expect(open).toEqual([]);
    expect(Object.keys(c.reviewed).filter((p) => !paths.includes(p))).toEqual([]);
  });

  test("the baseline's release keeps every key", () => {
    expect(releases[chart]).toBeDefined();
    expect(judge(releases[chart])).toEqual({ status: 'compliant' });
  });

  test('raw values that change any one key fail synth, naming the key', () => {
    const passed = keys.filter((k: HardeningKey) => {
      const result = judge(withValues(chart, HelmValues.withPath({}, k.path, weakened(k.value))));
      return result.status !== 'non-compliant' || !result.message?.includes(`${k.path}=`);
    });
    expect(passed.map((k) => k.path)).toEqual([]);
  });

  test('a hardened value spelled another accepted way passes', () => {
    for (const k of keys.filter((key) => key.equivalentValues)) {
      for (const v of k.equivalentValues!) {
        expect([k.path, judge(withValues(chart, HelmValues.withPath({}, k.path, v))).status]).toEqual([k.path, 'compliant']);
      }
    }
  });
});

describe("Helm's set syntax, as the helm provider applies it", () => {
  test('dots, indices, lists, escapes and typed scalars', () => {
    expect(applySet({}, 'a.b', 'true', undefined)).toEqual({ a: { b: true } });
    expect(applySet({}, 'a.b', 'true', 'string')).toEqual({ a: { b: 'true' } });
    expect(applySet({ a: { keep: 1 } }, 'a.list[1]', 'x', 'auto')).toEqual({ a: { keep: 1, list: [null, 'x'] } });
    expect(applySet({}, 'a[0].b', '012', 'auto')).toEqual({ a: [{ b: '012' }] });
    expect(applySet({}, 'n', '42', 'auto')).toEqual({ n: 42 });
    expect(applySet({}, 'nodeSelector.kubernetes\\.io/os', 'linux', 'auto')).toEqual({ nodeSelector: { 'kubernetes.io/os': 'linux' } });
    expect(applySet({}, 'l', '{a,b}', 'auto')).toEqual({ l: ['a', 'b'] });
    expect(applySet({}, 'x', 'NULL', 'auto')).toEqual({ x: null });
    expect(applySetList({}, 'l', ['a', 'b,c'])).toEqual({ l: ['a', 'b', 'c'] });
    expect(applySet({}, 'm', '{"a":[1]}', 'literal')).toEqual({ m: { a: [1] } });
  });

  test('a comma starts another assignment, as in helm --set', () => {
    expect(applySet({}, 'replicas', '3,disableAudit=true', 'auto')).toEqual({ replicas: 3, disableAudit: true });
    expect(applySet({}, 'replicas', '3\\,4', 'auto')).toEqual({ replicas: '3,4' });
  });

  test('what Helm refuses is an error', () => {
    expect(() => applySet({}, 'a', 'b,c', 'auto')).toThrow(HelmSetError);
    expect(() => applySet({ a: 'text' }, 'a.b', '1', 'auto')).toThrow(HelmSetError);
    expect(() => applySet({}, 'a[x]', '1', 'auto')).toThrow(HelmSetError);
    expect(() => applySet({}, 'a', 'b', 'other')).toThrow(HelmSetError);
    expect(() => applySet({}, 'a', 'key: [1', 'literal')).toThrow(HelmSetError);
  });
});

describe('escape hatches on the release itself are judged on the final values', () => {
  const gatekeeper = (attrs: any) => judge({ ...releases.gatekeeper, ...attrs });

  test.each([
    ['a set entry', { set: [{ name: 'controllerManager.exemptNamespaces', value: '{apps}' }] }, /controllerManager\.exemptNamespaces=\["apps"\]/],
    ['a set entry on a list element', { set: [{ name: 'controllerManager.exemptNamespaces[0]', value: 'apps' }] }, /exemptNamespaces=\["apps"\]/],
    ['a comma inside a set value', { set: [{ name: 'replicas', value: '3,controllerManager.hostNetwork=true' }] }, /controllerManager\.hostNetwork=true/],
    ['a string-typed set entry', { set: [{ name: 'disableAudit', value: 'true', type: 'string' }] }, /disableAudit="true"/],
    ['a set_list entry', { set_list: [{ name: 'controllerManager.exemptNamespacePrefixes', value: ['team-'] }] }, /exemptNamespacePrefixes=\["team-"\]/],
    ['a literal set replacing a whole map', { set: [{ name: 'audit', value: '{"hostNetwork":true}', type: 'literal' }] }, /audit\.hostNetwork=true/],
    ['a literal set_sensitive entry', { set_sensitive: [{ name: 'disableValidatingWebhook', value: 'true' }] }, /disableValidatingWebhook=true/],
  ])('%s', (_what, attrs, message) => {
    const result = gatekeeper(attrs);
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(message);
  });

  test('a sensitive value the engine cannot see is unknown when it reaches a hardening key, and ignored elsewhere', () => {
    expect(gatekeeper({ set_sensitive: [{ name: 'controllerManager.exemptNamespaces[0]', value: '${var.ns}' }] }).status).toBe('unknown');
    expect(gatekeeper({ set_sensitive: [{ name: 'controllerManager', value: '${var.cm}' }] }).status).toBe('unknown');
    expect(gatekeeper({ set_sensitive: [{ name: 'externalCertInjection.secretName', value: '${var.secret}' }] }).status).toBe('compliant');
  });

  test('a set entry Helm would refuse, a post-renderer, or values from a variable are unknown, never a pass', () => {
    expect(gatekeeper({ set: [{ name: 'replicas', value: '3,oops' }] })).toEqual({ status: 'unknown', message: expect.stringMatching(/"oops" has no value/) });
    expect(gatekeeper({ postrender: [{ binary_path: './kustomize-patch' }] }).message).toMatch(/post-renderer/);
    expect(gatekeeper({ set: [{ name: 'replicas', value: '${var.replicas}' }] }).status).toBe('unknown');
  });

  test("the istiod chart's pilot alias wins over the top level, as its descope template does", () => {
    expect(judge(withValues('istiod', { pilot: { cni: { enabled: false } } })).message).toMatch(/cni\.enabled=false/);
    expect(judge(withValues('istiod', { pilot: { cni: { enabled: true } } })).status).toBe('compliant');
  });

  test("the Istio CNI chart's cni alias wins over the top level", () => {
    expect(judge(withValues('cni', { cni: { excludeNamespaces: ['kube-system', 'apps'] } })).message).toMatch(/excludeNamespaces=\["kube-system","apps"\]/);
  });

  test('the chart is recognised however it is referenced', () => {
    const exempt = { controllerManager: { exemptNamespaces: ['apps'] } };
    for (const chart of ['gatekeeper/gatekeeper', 'oci://ghcr.io/mirror/charts/gatekeeper', 'https://charts.example.com/gatekeeper-3.23.0.tgz', './vendor/gatekeeper']) {
      expect([chart, judge(withValues('gatekeeper', exempt, { chart })).status]).toEqual([chart, 'non-compliant']);
    }
  });

  test("Istio's base and cni charts count only from an Istio source; an unresolved repository is unknown", () => {
    const exempt = { excludeNamespaces: [] };
    expect(judge(withValues('cni', exempt)).status).toBe('non-compliant');
    expect(judge(withValues('cni', exempt, { chart: 'oci://registry.istio.io/release/charts/cni', repository: undefined })).status).toBe('non-compliant');
    expect(judge(withValues('cni', exempt, { repository: 'https://charts.example.com/other' })).status).toBe('not-applicable');
    expect(judge(withValues('cni', exempt, { repository: '${var.repo}' })).status).toBe('unknown');
  });
});

describe('raw values through the add-on props', () => {
  test('each add-on release that gets a widening raw value fails synth with the key', () => {
    const app = testApp();
    baseline(
      {
        gatekeeperOptions: { values: { controllerManager: { exemptNamespaces: ['apps'] } } },
        falcoOptions: { values: { containerSecurityContext: { privileged: true } } },
        trivyOptions: { values: { excludeNamespaces: 'apps' } },
        istioOptions: { istiodValues: { pilot: { sidecarInjectorWebhook: { neverInjectSelector: [{ matchLabels: { mesh: 'off' } }] } } } },
        addons: [
          new SecretsStoreCsiAddon({ driverValues: { linux: { volumes: [{ name: 'root', hostPath: { path: '/' } }] } }, providerValues: { linux: { privileged: true } } }),
        ],
      },
      app,
    );
    let blocked = '';
    try {
      synthWithPacks(app, [new KubernetesBaselinePack()]);
    } catch (e) {
      blocked = (e as Error).message;
    }
    const charts = ['gatekeeper', 'falco', 'trivy-operator', 'istiod', 'secrets-store-csi-driver', 'csi-secrets-store-provider-azure'];
    const keys = ['controllerManager.exemptNamespaces=', 'containerSecurityContext=', 'excludeNamespaces="apps"', 'sidecarInjectorWebhook.neverInjectSelector=', 'linux.volumes=', 'linux.privileged=true'];
    charts.forEach((chart, i) => expect([chart, blocked]).toEqual([chart, expect.stringContaining(`chart ${chart}: ${keys[i]}`)]));
  });

  test('an override added to the helm_release after construction is judged like any value', () => {
    const app = testApp();
    const b = baseline({ falco: false, trivy: false, istio: false, kubeBench: false }, app);
    const release = (b.chartsStack.node.findAll().find((c) => c instanceof HardenedHelmRelease && c.node.id === 'gatekeeper') as HardenedHelmRelease).release;
    release.addOverride('set', [{ name: 'validatingWebhookExemptNamespacesLabels.team', value: 'platform' }]);
    expect(() => synthWithPacks(app, [new KubernetesBaselinePack()])).toThrow(/validatingWebhookExemptNamespacesLabels=\{"team":"platform"\}/);
  });
});

describe('the kube-bench job (no chart: the rule judges its final manifest)', () => {
  const judgeJob = (change: (pod: any) => void) => {
    const job = JSON.parse(JSON.stringify(kubeBenchJob));
    change(job.spec.job_template.spec.template.spec);
    return evaluateRule(kubeBenchJobLeastPrivilege, 'kubernetes_cron_job_v1', job);
  };
  test("the baseline's job keeps host PID and read-only mounts only", () => {
    expect(judgeJob(() => undefined)).toEqual({ status: 'compliant' });
  });
  test.each([
    ['privileged', (pod: any) => (pod.container[0].security_context.privileged = true), /container kube-bench is privileged/],
    ['privilege escalation', (pod: any) => delete pod.container[0].security_context.allow_privilege_escalation, /allows privilege escalation/],
    ['an added capability', (pod: any) => (pod.container[0].security_context.capabilities.add = ['SYS_ADMIN']), /adds capabilities \["SYS_ADMIN"\]/],
    ['a writable host mount', (pod: any) => (pod.container[0].volume_mount[0].read_only = false), /mounts host path \/var\/lib\/kubelet writable/],
    ['another host path', (pod: any) => pod.volume.push({ name: 'root', host_path: { path: '/' } }), /host path \/ is not one kube-bench reads/],
    ['the host network', (pod: any) => (pod.host_network = true), /host_network=true/],
    ['a privileged init container', (pod: any) => (pod.init_container = [{ name: 'setup', security_context: { privileged: true } }]), /container setup is privileged/],
  ])('non-compliant: %s', (_what, change, message) => {
    const result = judgeJob(change);
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(message);
  });
  test('not applicable: other jobs', () => {
    expect(evaluateRule(kubeBenchJobLeastPrivilege, 'kubernetes_job_v1', { spec: { template: { metadata: {}, spec: { container: [{ name: 'x', image: 'busybox' }] } } } }).status).toBe('not-applicable');
  });
});
