// The real cdktf CLI deploys every example and destroys the default one with a stand-in terraform,
// offline: stacks are applied in dependency order and destroyed in reverse, the manifest names dependencies
// by stack name, `cdktf deploy` synthesizes (through cdktf.json) byte-identical files to the main
// command, and no process tries to reach a network.
import { execFile, execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { expectSameFiles, ROOT } from '../helpers/examples';

const run = promisify(execFile);
const CLI = path.join(ROOT, 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf.js');
const STAND_IN = path.join(__dirname, 'stand-in-terraform.sh');
const NO_NETWORK = path.join(__dirname, 'no-network.cjs');
const TERRAFORM_COMMANDS = ['version', '-v', 'init', 'providers', 'plan', 'apply', 'destroy', 'output'];

/** Each example's dependency chain, in the only order its dependencies allow. */
const EXAMPLES: Record<string, string[]> = {
  aks: ['platformprod-infra', 'platformprod-baseline-charts', 'platformprod-baseline-objects', 'platformprod-baseline-policies'],
  'existing-cluster': ['baseline-charts', 'baseline-objects', 'baseline-policies'],
  rke2: ['rke2-infra', 'rke2-baseline-charts', 'rke2-baseline-objects', 'rke2-baseline-policies'],
};

interface Call {
  readonly cwd: string;
  readonly stack: string;
  readonly args: string[];
}

interface Run {
  readonly outdir: string;
  readonly deploy: Call[];
  readonly destroy?: Call[];
  readonly networkAttempts: string;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-cli-'));
// `terraform` on the PATH is the stand-in too, so a call that ignored TERRAFORM_BINARY_NAME is recorded, not run.
const bin = path.join(work, 'bin');
fs.mkdirSync(bin);
fs.symlinkSync(STAND_IN, path.join(bin, 'terraform'));

function env(name: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = { ...process.env };
  delete inherited.CDKTF_OUTDIR;
  return {
    ...inherited,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    TERRAFORM_BINARY_NAME: STAND_IN,
    // What the CLI reads to skip its telemetry (checkpoint) call and its npm version check.
    CHECKPOINT_DISABLE: '1',
    DISABLE_VERSION_CHECK: '1',
    // Its home (config, telemetry id) and Terraform's plugin cache stay out of the user's home.
    CDKTF_HOME: path.join(work, name, 'home'),
    CDKTF_DISABLE_PLUGIN_CACHE_ENV: '1',
    FORCE_COLOR: '0',
    NODE_OPTIONS: `--require ${NO_NETWORK}`,
    NO_NETWORK_LOG: path.join(work, name, 'network.log'),
    ...extra,
  };
}

function readCalls(log: string): Call[] {
  return fs
    .readFileSync(log, 'utf-8')
    .trim()
    .split('\n')
    .map((line) => {
      const [cwd, args] = line.split('\t');
      return { cwd, stack: path.basename(cwd), args: args.split(' ') };
    });
}

async function cdktf(name: string, args: string[], log: string): Promise<Call[]> {
  try {
    await run(process.execPath, [CLI, ...args, '--output', path.join(work, name, 'out')], {
      cwd: ROOT,
      env: env(name, { STAND_IN_TERRAFORM_LOG: log }),
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (e: any) {
    throw new Error(`cdktf ${args.join(' ')} for example ${name} failed (exit ${e.code}):\n${e.stdout}\n${e.stderr}`);
  }
  return readCalls(log);
}

/**
 * The default example (the app of cdktf.json) is synthesized by `cdktf deploy` itself; the others
 * by the main command, then deployed from that output with --skip-synth. Only the default example is
 * destroyed: the CLI destroys in the reverse of the manifest's dependencies, which the manifest test
 * checks for every example, and each CLI run costs seconds of the suite's time.
 */
async function deployAndDestroy(name: string): Promise<Run> {
  const dir = path.join(work, name);
  fs.mkdirSync(dir, { recursive: true });
  const outdir = path.join(dir, 'out');
  const viaCdktfJson = name === 'aks';
  if (viaCdktfJson) {
    // An earlier synth of the app that had one more stack: the CLI lists the stack folders before it
    // runs the app and removes the retired one afterwards, which must neither crash it nor survive.
    for (const stack of ['tfstate', RETIRED_STACK]) {
      fs.mkdirSync(path.join(outdir, 'stacks', stack, '.terraform'), { recursive: true });
      fs.writeFileSync(path.join(outdir, 'stacks', stack, 'cdk.tf.json'), '{}\n');
    }
  } else {
    await run(process.execPath, [path.join(ROOT, 'scripts', 'synth.cjs'), name], { cwd: ROOT, env: env(name, { CDKTF_OUTDIR: outdir }) });
  }
  const deploy = await cdktf(name, ['deploy', '*', '--auto-approve', ...(viaCdktfJson ? [] : ['--skip-synth'])], path.join(dir, 'deploy.log'));
  const destroy = DESTROYED[name] ? await cdktf(name, ['destroy', DESTROYED[name], '--auto-approve', '--skip-synth'], path.join(dir, 'destroy.log')) : undefined;
  const network = path.join(dir, 'network.log');
  return { outdir, deploy, destroy, networkAttempts: fs.existsSync(network) ? fs.readFileSync(network, 'utf-8') : '' };
}

/** What the README destroys: the default example's platform, not the state account that holds every stack's state. */
const DESTROYED: Record<string, string> = { aks: 'platformprod-*' };

/** A stack the default example's earlier output had and the app no longer has. */
const RETIRED_STACK = 'platformprod-retired';

const runs: Record<string, Run> = {};
beforeAll(async () => {
  const names = Object.keys(EXAMPLES);
  const results = await Promise.all(names.map(deployAndDestroy));
  names.forEach((name, i) => (runs[name] = results[i]));
}, 120_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const stacksOf = (calls: Call[], command: string) => calls.filter((c) => c.args[0] === command).map((c) => c.stack);

/** Stacks that depend on nothing and nothing depends on (the state bootstrap stack), besides the chain. */
const STANDALONE: Record<string, string[]> = { aks: ['tfstate'] };

/** The chain's order within a sequence of stack names (the standalone stacks may come anywhere). */
const chainOf = (name: string, stacks: string[]) => stacks.filter((s) => !(STANDALONE[name] ?? []).includes(s));

describe.each(Object.keys(EXAMPLES))('example %s with the cdktf CLI', (name) => {
  const order = EXAMPLES[name];

  test('the manifest names every dependency by stack name, and every stack is a direct child of the app', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(runs[name].outdir, 'manifest.json'), 'utf-8'));
    const stacks = Object.values<any>(manifest.stacks);
    const all = [...order, ...(STANDALONE[name] ?? [])];
    expect(stacks.map((s) => s.name).sort()).toEqual([...all].sort());
    for (const stack of stacks) {
      expect([stack.name, stack.constructPath]).toEqual([stack.name, stack.name]);
      const chainIndex = order.indexOf(stack.name);
      // A chain stack depends on its predecessor and on nothing after it; a standalone stack on nothing.
      const allowed = chainIndex > 0 ? order.slice(0, chainIndex) : [];
      expect([stack.name, stack.dependencies.filter((d: string) => !allowed.includes(d))]).toEqual([stack.name, []]);
      if (chainIndex > 0) {
        expect([stack.name, stack.dependencies]).toEqual([stack.name, expect.arrayContaining([order[chainIndex - 1]])]);
      }
    }
  });

  test('cdktf deploy applies every stack once, in dependency order, each in its own working directory', () => {
    const all = [...order, ...(STANDALONE[name] ?? [])];
    expect(stacksOf(runs[name].deploy, 'apply').sort()).toEqual([...all].sort());
    expect(chainOf(name, stacksOf(runs[name].deploy, 'apply'))).toEqual(order);
    expect(stacksOf(runs[name].deploy, 'init').sort()).toEqual([...all].sort());
    for (const call of runs[name].deploy.filter((c) => ['init', 'apply'].includes(c.args[0]))) {
      expect([call.args[0], call.cwd]).toEqual([call.args[0], path.join(runs[name].outdir, 'stacks', call.stack)]);
    }
    expect(runs[name].deploy.filter((c) => c.args[0] === 'apply' && !c.args.includes('-auto-approve'))).toEqual([]);
  });

  test('the CLI runs only the terraform commands the stand-in answers, and nothing tries to reach a network', () => {
    const commands = [...runs[name].deploy, ...(runs[name].destroy ?? [])].map((c) => c.args[0]);
    expect(commands.filter((c) => !TERRAFORM_COMMANDS.includes(c))).toEqual([]);
    expect(runs[name].networkAttempts).toBe('');
  });
});

test("cdktf destroy with the README's pattern destroys each of the default example's platform stacks once, in reverse dependency order, and leaves the state account", () => {
  const destroyed = stacksOf(runs.aks.destroy!, 'destroy');
  expect([...destroyed].sort()).toEqual([...EXAMPLES.aks].sort());
  expect(destroyed).toEqual([...EXAMPLES.aks].reverse());
  expect(stacksOf(runs.aks.destroy!, 'apply')).toEqual([]);
});

test("the README tears the default example down with the pattern destroyed here", () => {
  expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8')).toContain(`npx cdktf destroy '${DESTROYED.aks}'`);
});

test('cdktf deploy over an earlier output removes the folder of a stack the app no longer has', () => {
  expect(fs.readdirSync(path.join(runs.aks.outdir, 'stacks'))).not.toContain(RETIRED_STACK);
});

test('cdktf deploy synthesizes (through cdktf.json) the same files as the main command', () => {
  const mainOut = path.join(work, 'main-command');
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'synth.cjs')], { cwd: ROOT, env: env('main-command', { CDKTF_OUTDIR: mainOut }), stdio: 'pipe' });
  expectSameFiles(runs.aks.outdir, mainOut);
});

test('the network guard records and fails a connection attempt (so its silence above means something)', () => {
  const log = path.join(work, 'guard.log');
  const probe = "require('https').get('https://registry.npmjs.org/cdktf').on('error', (e) => process.stdout.write(e.code))";
  const out = execFileSync(process.execPath, ['-e', probe], { env: { ...process.env, NODE_OPTIONS: `--require ${NO_NETWORK}`, NO_NETWORK_LOG: log }, encoding: 'utf-8' });
  expect(out).toBe('ENETUNREACH');
  expect(fs.readFileSync(log, 'utf-8')).toContain('registry.npmjs.org');
});
