// The package as npm packs it: its bin runs from the extracted tarball in a directory without any
// node_modules (so the command loads no package), and the testing entry resolves beside the main one.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App } from 'cdktf';
import { CisAksPack, Compliance } from '../../lib';
import { checkBin, readJson, ROOT, tempDir } from '../helpers/check-command';
import { azureStack } from '../helpers/synth';

let unpacked: string;
let pkg: any;
let project: string;

beforeAll(() => {
  const dir = tempDir('pack');
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf-8', stdio: ['ignore', 'pipe', 'ignore'] }));
  execFileSync('tar', ['-xzf', path.join(dir, packed.filename), '-C', dir]);
  unpacked = path.join(dir, 'package');
  pkg = readJson(path.join(unpacked, 'package.json'));
  // A project of a consumer: its synth output, and no node_modules anywhere up to the temp root.
  project = tempDir('consumer');
  const app = new App({ outdir: path.join(project, 'cdktf.out') });
  new ResourceGroup(azureStack(app, 'infra'), 'rg', { name: 'rg-a', location: 'westeurope' });
  Compliance.of(app, { printSummary: false }).apply(new CisAksPack());
  app.synth();
}, 60000);

test('the bin names a file of the package with a node shebang', () => {
  expect(pkg.bin).toEqual({ 'cdktf-hardened-k8s': 'lib/cli.js' });
  expect(fs.readFileSync(path.join(unpacked, pkg.bin['cdktf-hardened-k8s']), 'utf-8').split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('the bin of the packed package checks a synth output without any package installed', () => {
  const cli = path.join(unpacked, pkg.bin['cdktf-hardened-k8s']);
  const run = checkBin(['check', 'cdktf.out', '--sarif', 'out/compliance.sarif'], project, cli);
  expect([run.code, run.err]).toEqual([0, '']);
  expect(run.out).toMatch(/check: PASSED/);
  expect(readJson(path.join(project, 'out', 'compliance.sarif')).runs[0].tool.driver).toMatchObject({ name: 'cdktf-hardened-k8s', version: pkg.version });
  expect(checkBin(['--version'], project, cli).out.trim()).toBe(pkg.version);
  expect(checkBin(['check', 'nothing-here'], project, cli).code).toBe(2);
});

test('the testing entry is packed beside the main one and loads the helpers from the bundle', () => {
  expect(fs.existsSync(path.join(unpacked, 'testing.d.ts'))).toBe(true);
  expect(fs.existsSync(path.join(unpacked, 'lib', 'testing', 'index.d.ts'))).toBe(true);
  const names = execFileSync(process.execPath, ['-e', `process.stdout.write(Object.keys(require(${JSON.stringify(path.join(unpacked, 'testing.js'))})).sort().join(','))`], {
    encoding: 'utf-8',
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  expect(names.split(',')).toEqual(expect.arrayContaining(['complianceMatchers', 'setupComplianceMatchers', 'stableJson', 'synthSnapshot', 'toHaveFinding', 'toPassCompliance']));
});

test('the bundles carry the package version: a copy without package.json beside it still names it', () => {
  const dir = path.join(tempDir('bundled-app'), 'dist');
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(ROOT, 'lib', 'cli.js'), path.join(dir, 'cli.js'));
  expect(checkBin(['--version'], dir, path.join(dir, 'cli.js')).out.trim()).toBe(readJson(path.join(ROOT, 'package.json')).version);
});
