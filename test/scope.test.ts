// Every construct of the library checks its scope first: a construct in a cdktf App, from the same
// cdktf module as the library's, in a stack that is a direct child of the App; and every stack of
// an app that uses the library is a direct child of the App at synth.
import * as fs from 'fs';
import * as path from 'path';
import * as cdktn from 'cdktn';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import * as library from '../lib';
import { ClusterBaseline, ExistingCluster, Kubelogin, KubernetesBaselinePack, PlatformMonitoring } from '../lib';
import { HardenedK8sError } from '../lib/errors';
import { libraryApp } from '../lib/scope';
import { azureStack, synthWithPacks, testApp } from './helpers/synth';

/** Every exported construct class of the library (anything whose prototype chain reaches Construct). */
const CONSTRUCTS = Object.entries(library)
  .filter(([, value]) => typeof value === 'function' && value.prototype instanceof Construct)
  .map(([name, value]) => [name, value as unknown as new (scope: unknown, id: string, props: unknown) => Construct] as const)
  .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const cluster = () => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: 'https://api.example.com:6443', exec: Kubelogin.exec() } });
const monitoring = (scope: Construct) => new PlatformMonitoring(scope, 'monitoring', { name: 'prod', resourceGroupName: 'rg', location: 'westeurope' });

function errorOf(build: () => unknown): Error {
  try {
    build();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error, none was thrown');
}

test('the list of construct classes is the library\'s (the checks below cover each)', () => {
  expect(CONSTRUCTS.map(([name]) => name)).toEqual(expect.arrayContaining(['AksNetwork', 'ClusterBaseline', 'HardenedAksCluster', 'HardenedRke2Cluster', 'Rancher2ClusterV2']));
  expect(CONSTRUCTS.length).toBeGreaterThanOrEqual(20);
});

describe.each(CONSTRUCTS)('%s', (name, Type) => {
  test.each([undefined, null, 'stack', {}])('rejects the scope %p with an error naming the construct and the fix', (scope) => {
    const error = errorOf(() => new Type(scope, 'x', {}));
    expect(error).toBeInstanceOf(HardenedK8sError);
    // A construct that is itself a stack takes the App as its scope.
    const expected = Type.prototype instanceof TerraformStack ? 'the App' : 'the stack';
    expect(error.message).toMatch(new RegExp(`^${name} "x": scope must be a construct in a cdktf App, but .* was given\\. Fix: pass ${expected}`));
  });

  test('rejects a scope outside an App', () => {
    const error = errorOf(() => new Type(new Construct(undefined as any, 'root'), 'x', {}));
    expect(error.message).toMatch(new RegExp(`^${name} "x" at root/x: its scope is not in a cdktf App \\(the root of its construct tree is a Construct\\)\\. Fix:`));
  });

  test('rejects a CDK Terrain (cdktn) app, naming both frameworks', () => {
    const app = new cdktn.App({ outdir: testApp().outdir });
    const error = errorOf(() => new Type(new cdktn.TerraformStack(app, 'stack'), 'x', {}));
    expect(error.message).toBe(
      `${name} "x": framework mismatch: the App is from cdktn 0.24.0, while this library is built on cdktf 0.21.0. ` +
        "Allowed: an App and stacks from the same cdktf module as the library's. Fix: build the app with App and TerraformStack from cdktf " +
        "(import { App, TerraformStack } from 'cdktf'), the framework whose classes this library's constructs and provider bindings extend.",
    );
  });

  test('rejects a stack nested in another construct, at construction', () => {
    const app = testApp();
    const stack = new TerraformStack(new Construct(app, 'platform'), 'infra');
    const error = errorOf(() => new Type(stack, 'x', {}));
    expect(error.message).toMatch(
      new RegExp(`^${name} "x": stack "platform/infra" is not a direct child of the App\\. .*Fix: create it as new TerraformStack\\(app, 'infra'\\)`),
    );
  });
});

test('a cdktn stack in a cdktf app is a framework mismatch naming the stack', () => {
  const app = testApp();
  const error = errorOf(() => monitoring(new cdktn.TerraformStack(app, 'infra')));
  expect(error.message).toMatch(/^PlatformMonitoring "monitoring": framework mismatch: the stack "infra" is from cdktn 0\.24\.0, while this library is built on cdktf 0\.21\.0\./);
});

test('a second copy of cdktf is named as such, with how to find and remove it', () => {
  let copy: typeof import('cdktf') | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require('cdktf');
  });
  expect(copy!.App).not.toBe(App);
  const app = new copy!.App({ outdir: testApp().outdir });
  const error = errorOf(() => monitoring(new copy!.TerraformStack(app, 'infra')));
  expect(error.message).toContain('framework mismatch: two copies of cdktf 0.21.0 are loaded: the App comes from one, this library from the other.');
  expect(error.message).toContain('`npm ls cdktf`');
});

test('a nested stack created after the library constructs fails synth, naming it, before anything is written', () => {
  const app = testApp();
  monitoring(azureStack(app, 'infra'));
  new TerraformStack(new Construct(app, 'team'), 'extras');
  expect(() => app.synth()).toThrow(/stack "team\/extras" is not a direct child of the App.*Fix: create it as new TerraformStack\(app, 'extras'\)/s);
  expect(fs.existsSync(`${app.outdir}/manifest.json`)).toBe(false);
});

test('an app whose stacks are all children of the App synthesizes', () => {
  const app = testApp();
  monitoring(azureStack(app, 'infra'));
  new TerraformStack(app, 'extras');
  expect(() => app.synth()).not.toThrow();
});

describe('ClusterBaseline stacks', () => {
  test('are children of the App named after the baseline, wherever the baseline is created', () => {
    const app = testApp();
    const infra = new TerraformStack(app, 'infra');
    const baseline = new ClusterBaseline(new Construct(infra, 'platform'), 'baseline', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'] });
    for (const [stack, name] of [
      [baseline.chartsStack, 'baseline-charts'],
      [baseline.objectsStack, 'baseline-objects'],
      [baseline.policiesStack, 'baseline-policies'],
    ] as const) {
      expect([stack.node.path, stack.node.scope]).toEqual([name, app]);
    }
    expect(baseline.objectsStack.dependencies).toEqual([baseline.chartsStack]);
    expect(baseline.policiesStack.dependencies).toEqual([baseline.objectsStack]);
    const result = synthWithPacks(app, [new KubernetesBaselinePack()]);
    const manifest = JSON.parse(fs.readFileSync(`${result.outdir}/manifest.json`, 'utf-8'));
    expect(manifest.stacks['baseline-policies'].dependencies).toEqual(['baseline-objects']);
  });

  test('whose name is taken in the App is an error naming the name and the fix', () => {
    const app = testApp();
    new TerraformStack(app, 'baseline-objects');
    const error = errorOf(() => new ClusterBaseline(app, 'baseline', { cluster: cluster(), allowedRegistries: ['acrprod.azurecr.io/'] }));
    expect(error.message).toMatch(/^ClusterBaseline baseline: its stack "baseline-objects" cannot be created, the App already has a stack named "baseline-objects"\..*Fix: give the baseline \(or the other construct\) an id of its own\.$/s);
  });
});

describe('libraryApp, the same check for APIs that take any construct of an app', () => {
  test('returns the App of a construct in a stack that is a child of the App', () => {
    const app = testApp();
    expect(libraryApp(new Construct(new TerraformStack(app, 'infra'), 'group'), 'Compliance.of')).toBe(app);
    expect(libraryApp(app, 'Compliance.of')).toBe(app);
  });

  test.each([
    ['undefined', () => undefined, /^Compliance\.of: scope must be a construct in a cdktf App, but undefined was given\. Fix: .*Compliance\.of\(app\)\.$/],
    ['a construct outside an App', () => new Construct(undefined as any, 'root'), /^Compliance\.of at root: its scope is not in a cdktf App/],
    ['a cdktn app', () => new cdktn.App({ outdir: testApp().outdir }), /^Compliance\.of: framework mismatch: the App is from cdktn 0\.24\.0, while this library is built on cdktf 0\.21\.0\./],
  ])('rejects %s', (_what, scope, message) => {
    expect(errorOf(() => libraryApp(scope() as any, 'Compliance.of')).message).toMatch(message);
  });
});

describe('every static API of the library that takes a scope checks it as the constructs do', () => {
  const SCOPE_TYPES = ['constructs.IConstruct', 'constructs.Construct', 'cdktf.App'];
  const assembly = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '.jsii'), 'utf-8'));
  const apis: Array<[string, string, string, any[]]> = Object.values<any>(assembly.types).flatMap((type) =>
    (type.methods ?? [])
      .filter((m: any) => m.static && SCOPE_TYPES.includes(m.parameters?.[0]?.type?.fqn))
      .map((m: any) => [`${type.name}.${m.name}`, type.name, m.name, m.parameters.slice(1)] as [string, string, string, any[]]),
  );
  /** Arguments after the scope that pass their own checks, so only the scope can be wrong. */
  const rest = (parameters: any[]) => parameters.map((p) => (p.type?.primitive === 'string' ? 'aks-private-cluster, kept for a documented reason' : { storageAccountName: 'sttfstate', organization: 'org' }));

  test('the list is the assembly\'s', () => {
    expect(apis.map(([name]) => name).sort()).toEqual(expect.arrayContaining(['Compliance.of', 'Compliance.waive', 'RemoteState.azureStorage', 'RemoteState.hcpTerraform']));
  });

  test.each(apis)('%s rejects a CDK Terrain (cdktn) app, naming both frameworks', (name, type, method, parameters) => {
    const app = new cdktn.App({ outdir: testApp().outdir });
    new cdktn.TerraformStack(app, 'infra');
    const error = errorOf(() => (library as any)[type][method](app, ...rest(parameters)));
    expect(error).toBeInstanceOf(HardenedK8sError);
    expect(error.message).toMatch(new RegExp(`^${name.replace('.', '\\.')}: framework mismatch: the App is from cdktn 0\\.24\\.0, while this library is built on cdktf 0\\.21\\.0\\.`));
  });
});

test('RemoteState on a cdktf app holding a cdktn stack names that stack, instead of failing at synth', () => {
  const app = testApp();
  new TerraformStack(app, 'infra');
  new cdktn.TerraformStack(app, 'extras');
  const error = errorOf(() => library.RemoteState.azureStorage(app, { storageAccountName: 'sttfstate' }));
  expect(error.message).toMatch(/^RemoteState\.azureStorage: framework mismatch: the stack "extras" is from cdktn 0\.24\.0/);
});
