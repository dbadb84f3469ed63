// The main command (`npm run synth`, scripts/synth.cjs) and the build steps behind it: a current
// build costs a few stat calls, a stale example is compiled against the bundle, bad input is clear.
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import * as esbuild from 'esbuild';
import { libraryFromBundle, NODE_BUNDLE_OPTIONS } from '../../scripts/fresh-build.cjs';
import { ROOT } from '../helpers/examples';

const SYNTH = path.join(ROOT, 'scripts', 'synth.cjs');

test('an unknown example is an error naming the examples there are, with exit code 1', () => {
  const result = spawnSync(process.execPath, [SYNTH, 'akss'], { cwd: ROOT, encoding: 'utf-8' });
  expect([result.status, result.stdout, result.stderr]).toEqual([
    1,
    '',
    'unknown example "akss". Allowed: aks, existing-cluster, rke2. Fix: name a folder of examples/ that has a main.ts.\n',
  ]);
});

test('with a current build the main command compiles nothing and never loads esbuild', () => {
  const probe = `
    const { ensureCompiledExample } = require(${JSON.stringify(path.join(ROOT, 'scripts', 'fresh-build.cjs'))});
    const lines = [];
    ensureCompiledExample('aks', (l) => lines.push(l)).then((file) => {
      const esbuildLoaded = Object.keys(require.cache).some((m) => m.includes('/node_modules/esbuild/'));
      process.stdout.write(JSON.stringify({ file, lines, esbuildLoaded }));
    });`;
  const result = JSON.parse(execFileSync(process.execPath, ['-e', probe], { cwd: ROOT, encoding: 'utf-8' }));
  expect(result).toEqual({ file: path.join(ROOT, 'examples', 'aks', 'main.js'), lines: [], esbuildLoaded: false });
});

describe('compiling an example', () => {
  const dir = path.join(ROOT, 'examples', 'aks');
  const compile = (contents: string) =>
    esbuild.build({ stdin: { contents, resolveDir: dir, loader: 'ts' }, write: false, ...NODE_BUNDLE_OPTIONS, logLevel: 'silent', plugins: [libraryFromBundle(dir)] });

  test('turns the library entry into a require of the bundle and inlines none of the library', async () => {
    const result = await compile("import { AksNetwork } from '../../lib';\nexport const network = AksNetwork;\n");
    const code = result.outputFiles?.[0]?.text;
    expect(code).toContain('require("../../lib/bundle.js")');
    expect(code).not.toContain('class AksNetwork');
  });

  test('rejects a deep import of the library, which would bundle a second copy of its classes', async () => {
    await expect(compile("import { AksNetwork } from '../../lib/azure/network/aks-network';\nexport const network = AksNetwork;\n")).rejects.toThrow(
      /\.\.\/\.\.\/lib\/azure\/network\/aks-network: an example imports the library from its entry \(lib\) only/,
    );
  });
});
