// What the user sees when synth is blocked, run as a user runs it: once with node, once with the cdktf
// CLI. Every finding prints once, with no source frame of the library's bundle and no stack trace.
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers/examples';

// Two stacks, each with a key vault that fails four Key Vault rules of the AKS pack. Node's domain module
// is loaded first, as some dependencies do: it adds an uncaughtException listener of its own.
const APP = `
require('domain');
const { App, TerraformStack } = require('cdktf');
const { AzurermProvider } = require('@cdktf/provider-azurerm/lib/provider');
const { KeyVault } = require('@cdktf/provider-azurerm/lib/key-vault');
const { CisAksPack, Compliance } = require(${JSON.stringify(path.join(ROOT, 'lib', 'bundle.js'))});
const app = new App();
for (const id of ['one', 'two']) {
  const stack = new TerraformStack(app, id);
  new AzurermProvider(stack, 'azurerm', { features: [{}] });
  new KeyVault(stack, 'kv', { name: 'kv' + id, location: 'westeurope', resourceGroupName: 'rg', tenantId: 't', skuName: 'premium' });
}
Compliance.of(app).apply(new CisAksPack());
app.synth();
`;
const FAILED_RULES = ['keyvault-network-acl-deny', 'keyvault-public-network-access-disabled', 'keyvault-purge-protection', 'keyvault-rbac-authorization'];

interface Run {
  readonly code: number;
  readonly output: string;
}

function run(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      // eslint-disable-next-line no-control-regex
      const output = `${stdout}${stderr}`.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
      resolve({ code: error ? ((error as any).code ?? 1) : 0, output });
    });
  });
}

const failLines = (output: string) => output.split('\n').filter((l) => /FAIL keyvault-/.test(l)).map((l) => l.slice(l.indexOf('FAIL ')));

describe('a blocked synth on the console', () => {
  let direct: Run;
  let cli: Run;
  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-console-'));
    fs.writeFileSync(path.join(dir, 'app.js'), APP);
    fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node app.js', projectId: 'console-test', sendCrashReports: 'false' }));
    const env = { NODE_PATH: path.join(ROOT, 'node_modules'), CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1', FORCE_COLOR: '0', CI: '1' };
    [direct, cli] = await Promise.all([
      run(['app.js'], dir, { ...env, CDKTF_OUTDIR: path.join(dir, 'node.out') }),
      run([path.join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf'), 'synth', '--output', 'cli.out'], dir, env),
    ]);
  }, 90_000);

  test.each([
    ['node app.js', () => direct],
    ['cdktf synth', () => cli],
  ])('%s: exit 1, every finding of both stacks exactly once, no source frame or stack trace', (_how, result) => {
    const { code, output } = result();
    expect(code).toBe(1);
    const lines = failLines(output);
    expect(lines).toHaveLength(8);
    expect(new Set(lines).size).toBe(8);
    for (const stack of ['one', 'two']) {
      for (const rule of FAILED_RULES) {
        expect(lines.filter((l) => l.startsWith(`FAIL ${rule} `) && l.includes(` ${stack}/kv `))).toHaveLength(1);
      }
    }
    expect(output.match(/^ *waive: Compliance\.waive\(/gm)).toHaveLength(8);
    expect(output).not.toMatch(/bundle\.js:\d+/);
    expect(output).not.toMatch(/^\s+at .*\(.*:\d+:\d+\)$/m);
  });

  test('node app.js prints the library error alone, headline first', () => {
    expect(direct.output).toMatch(/^HardenedK8sError: Compliance: synth blocked by 8 unwaived error-level finding\(s\) in 2 stack\(s\)\./);
  });

  test('cdktf synth prints the findings as its error annotations and fails on them', () => {
    expect(cli.output).toMatch(/ERROR \[one\]: Compliance: synth blocked by 8 unwaived error-level finding\(s\) in 2 stack\(s\)\. Report \(BLOCKED\): compliance\.md beside this manifest\./);
    expect(cli.output).toContain('While synthesizing one or more error annotations have been encountered');
    expect(cli.output).not.toContain('Command output on stderr');
  });
});
