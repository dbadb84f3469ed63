import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import * as esbuild from 'esbuild';
import { creationSites } from '../../lib/compliance/creation-sites';
import { libraryDir } from '../../lib/compliance/library-package';
import { projectRelativeFrame } from '../../lib/compliance/source-location';
import { azureStack } from '../helpers/synth';
import { withMappedStacks } from '../helpers/mapped-stacks';

const ROOT = path.join(__dirname, '..', '..');
const PROJECT = path.join(os.tmpdir(), 'hk8s-project');
const LIBRARY = path.join(PROJECT, 'node_modules', 'cdktf-hardened-k8s', 'lib');

describe('projectRelativeFrame', () => {
  const frames = (...lines: string[]) => ['Error', ...lines.map((l) => `    at ${l}`)].join('\n');

  test('takes the first frame outside node_modules, the library and Node, relative with /', () => {
    const stack = frames(
      `new TerraformElement (${PROJECT}/node_modules/cdktf/lib/terraform-element.js:25:19)`,
      `new HardenedAksCluster (${LIBRARY}/bundle.js:120:5)`,
      'Module._compile (node:internal/modules/cjs/loader:1554:14)',
      `addPlatform (${PROJECT}/src/platform.ts:74:19)`,
      `Object.<anonymous> (${PROJECT}/src/main.ts:9:1)`,
    );
    expect(projectRelativeFrame(stack, PROJECT, LIBRARY)).toEqual({ file: 'src/platform.ts', line: 74, column: 19 });
  });

  test('reads frames without a function name and file:// URLs', () => {
    expect(projectRelativeFrame(frames(`${PROJECT}/main.ts:3:7`), PROJECT, LIBRARY)).toEqual({ file: 'main.ts', line: 3, column: 7 });
    expect(projectRelativeFrame(frames(`run (file://${PROJECT}/app.mjs:4:2)`), PROJECT, LIBRARY)).toEqual({ file: 'app.mjs', line: 4, column: 2 });
  });

  test('never gives an absolute path: frames outside the project root, eval and anonymous frames are skipped', () => {
    const stack = frames(
      'eval (eval at run (/elsewhere/x.js:1:1), <anonymous>:1:1)',
      '<anonymous>',
      `build (${path.join(os.tmpdir(), 'other-project')}/main.ts:5:5)`,
    );
    expect(projectRelativeFrame(stack, PROJECT, LIBRARY)).toBeUndefined();
  });

  test('the library is found from the running code: the lib/ folder beside package.json', () => {
    expect(libraryDir()).toBe(path.join(ROOT, 'lib'));
  });

  test('a frame in compiled JavaScript maps to its source through the inline source map', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-map-'));
    const source = ['// the app', 'export function build(): void {', '  const cluster = makeCluster();', '  use(cluster);', '}', 'declare function makeCluster(): unknown;', 'declare function use(x: unknown): void;'].join('\n');
    const js = esbuild.transformSync(source, { loader: 'ts', format: 'cjs', sourcemap: 'inline', sourcefile: 'app.ts', sourcesContent: false }).code;
    fs.writeFileSync(path.join(dir, 'app.js'), js);
    const jsLine = js.split('\n').findIndex((l) => l.includes('makeCluster()')) + 1;
    const jsColumn = js.split('\n')[jsLine - 1].indexOf('makeCluster') + 1;
    expect(projectRelativeFrame(frames(`build (${dir}/app.js:${jsLine}:${jsColumn})`), dir, LIBRARY)).toEqual({ file: 'app.ts', line: 3, column: 19 });
    // Without a map the compiled file itself is the location.
    fs.writeFileSync(path.join(dir, 'plain.js'), 'makeCluster();\n');
    expect(projectRelativeFrame(frames(`build (${dir}/plain.js:1:1)`), dir, LIBRARY)).toEqual({ file: 'plain.js', line: 1, column: 1 });
  });
});

describe('creationSites', () => {
  const line = (marker: string) => fs.readFileSync(__filename, 'utf-8').split('\n').findIndex((l) => l.includes(marker)) + 1;

  test('names the line of this file that created each resource', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-sites-')) });
    const stack = new TerraformStack(app, 'infra');
    // The creation site is captured when the resource is made and formatted when it is read.
    const sites = withMappedStacks(() => {
      new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope' }); // site: rg
      return creationSites(app, ['infra/rg', 'infra/missing'], ROOT);
    });
    expect(sites).toEqual({ 'infra/rg': { file: 'test/compliance/source-location.test.ts', line: line('// site: rg'), column: expect.any(Number) } });
  });

  test('records nothing when the app turns stack traces off', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-sites-')), stackTraces: false });
    const stack = new TerraformStack(app, 'infra');
    new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope' });
    expect(creationSites(app, ['infra/rg'], ROOT)).toEqual({});
  });

  test('keeps traces out of the synthesized output', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-sites-')) });
    new ResourceGroup(azureStack(app, 'infra'), 'rg', { name: 'rg-a', location: 'westeurope' });
    app.synth();
    const json = fs.readFileSync(path.join(app.outdir, 'stacks', 'infra', 'cdk.tf.json'), 'utf-8');
    expect(json).not.toContain('source-location.test');
    expect(JSON.parse(json).resource.azurerm_resource_group.rg['//'].metadata).toEqual({ path: 'infra/rg', uniqueId: 'rg' });
  });
});
