import { Testing, TerraformStack } from 'cdktf';
import { Compliance, FalcoVersion, HardenedHelmRelease, HardenedValuesRegistry, HelmValues, RulePack } from '../../lib';
import { helmHardenedValues } from '../../lib/compliance/rules/kubernetes/helm-hardened-values';
import { synthWithPacks, testApp } from '../helpers/synth';
import { baseline, resources, synthJson } from './baseline-helpers';

describe('HelmValues precedence: hardened defaults, then typed props, then raw user values', () => {
  test('later layers win, maps merge, lists replace, null removes', () => {
    const result = HelmValues.resolve(
      { a: { b: 1, c: [1, 2] }, keep: true, drop: 'x' },
      { a: { b: 2 } },
      { a: { c: [3] }, drop: null, extra: { d: 'e' } },
    );
    expect(result).toEqual({ a: { b: 2, c: [3] }, keep: true, extra: { d: 'e' } });
  });

  test('inputs are not modified', () => {
    const hardened = { a: { b: 1 } };
    HelmValues.resolve(hardened, { a: { b: 2 } });
    expect(hardened).toEqual({ a: { b: 1 } });
  });

  test('fromKeys, valueAt and overriddenKeys', () => {
    const keys = [
      { path: 'driver.kind', value: 'modern_ebpf', reason: 'r' },
      { path: 'a\\.b.c', value: true, reason: 'escaped dot' },
    ];
    const values = HelmValues.fromKeys(keys);
    expect(values).toEqual({ 'driver': { kind: 'modern_ebpf' }, 'a.b': { c: true } });
    expect(HelmValues.valueAt(values, 'a\\.b.c')).toBe(true);
    expect(HelmValues.overriddenKeys(keys, values)).toEqual([]);
    expect(HelmValues.overriddenKeys(keys, { driver: { kind: 'kmod' } }).map((o) => [o.key.path, o.finalValue])).toEqual([
      ['driver.kind', 'kmod'],
      ['a\\.b.c', undefined],
    ]);
  });

  test('stableJson sorts keys', () => {
    expect(HelmValues.stableJson({ b: 1, a: { d: 1, c: 2 } })).toBe('{"a":{"c":2,"d":1},"b":1}');
  });
});

describe('HardenedValuesRegistry', () => {
  test('every built-in add-on chart registers its hardening keys', () => {
    expect(HardenedValuesRegistry.charts()).toEqual(expect.arrayContaining(['falco', 'gatekeeper', 'istiod', 'trivy-operator']));
    expect(HardenedValuesRegistry.keysFor('oci://ghcr.io/falcosecurity/charts/falco').map((k) => k.path)).toContain('driver.kind');
    expect(HardenedValuesRegistry.keysFor('unknown-chart')).toEqual([]);
  });

  test('charts of your own can be registered', () => {
    HardenedValuesRegistry.register('my-agent', [{ path: 'securityContext.privileged', value: false, reason: 'never privileged' }]);
    expect(HardenedValuesRegistry.keysFor('my-agent')).toHaveLength(1);
  });

  test('the hardened defaults of every add-on release keep every hardening key', () => {
    const json = synthJson(baseline().chartsStack);
    for (const release of Object.values(resources(json, 'helm_release')) as any[]) {
      const values = JSON.parse(release.values[0]);
      expect({ chart: release.chart, overridden: HelmValues.overriddenKeys(HardenedValuesRegistry.keysFor(release.chart), values) }).toEqual({
        chart: release.chart,
        overridden: [],
      });
    }
  });
});

describe('overriding a hardening key is visible', () => {
  // The rule under test alone: this baseline leaves out the other add-ons, whose evidence the full pack would require.
  const hardenedValuesOnly = () => new RulePack('hardened-values', [helmHardenedValues]);
  function falcoOverride() {
    const app = testApp();
    const b = baseline(
      { gatekeeper: false, istio: false, trivy: false, kubeBench: false, allowedRegistries: undefined, falcoOptions: { values: { driver: { kind: 'kmod' } } } },
      app,
    );
    return { app, b };
  }

  test('the raw value wins in the release and a warning names the key', () => {
    const { b } = falcoOverride();
    const release = Object.values(resources(synthJson(b.chartsStack), 'helm_release'))[0] as any;
    expect(JSON.parse(release.values[0]).driver.kind).toBe('kmod');
    const falco = b.chartsStack.node.findAll().find((c) => c instanceof HardenedHelmRelease)!;
    expect(falco.node.metadata.map((m) => m.data)).toContainEqual(expect.stringMatching(/\[hardened-values-override\] falco: driver.kind is "kmod" instead of "modern_ebpf"/));
  });

  test('without a waiver synth fails naming the key', () => {
    const { app } = falcoOverride();
    expect(() => synthWithPacks(app, [hardenedValuesOnly()])).toThrow(/helm-hardened-values .*driver\.kind="kmod" \(hardened: "modern_ebpf"/);
  });

  test('with a waiver synth passes and the report shows it waived with the reason', () => {
    const { app, b } = falcoOverride();
    Compliance.waive(b.chartsStack, 'helm-hardened-values', 'old kernels on the GPU pool need the kernel module (SEC-42)');
    const result = synthWithPacks(app, [hardenedValuesOnly()]);
    const findings = result.report('baseline-charts').findings.filter((f: any) => f.ruleId === 'helm-hardened-values');
    expect(findings).toEqual([
      expect.objectContaining({ status: 'non-compliant', waiverReason: 'old kernels on the GPU pool need the kernel module (SEC-42)' }),
    ]);
  });
});

test('HardenedHelmRelease writes the pinned chart and one JSON values document', () => {
  const stack = new TerraformStack(Testing.app(), 's');
  new HardenedHelmRelease(stack, 'r', { pin: FalcoVersion.V9_1_0, releaseName: 'falco', namespace: 'falco', hardenedValues: { a: 1 }, typedValues: { b: 2 } });
  const release = Object.values(resources(synthJson(stack), 'helm_release'))[0] as any;
  expect(release).toMatchObject({
    chart: 'falco',
    repository: 'https://falcosecurity.github.io/charts',
    version: '9.1.0',
    values: ['{"a":1,"b":2}'],
    atomic: true,
    create_namespace: false,
  });
});
