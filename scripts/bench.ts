// `npm run bench`: synth cost of the default example against a plain cdktf app with the same
// resources, the compliance engine's own cost, scaling to 1/10/50 clusters, the README's main
// command against a direct node run of the compiled example, and the test suite time.
// `npm run bench -- main-command` measures the main command only.
// Each measurement runs in a fresh node process, as `cdktf synth` does, on JavaScript compiled ahead
// (so neither side pays for the TypeScript compiler), with the library bundled as `npm run build`
// ships it. Prints a table; writes .bench/results.json.
// BENCH_RUNS sets the rounds (default 21): single runs vary by 10-20 % on a shared machine.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureMainCommand, MainCommandResult } from './bench/main-command';
import { differences, plainAppSource } from './bench/plain-app';
import { bundleLibrary } from './bundle-library';

const ROOT = path.join(__dirname, '..');
const WORK = path.join(ROOT, '.bench');
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const JS = path.join(WORK, 'js');
const DEFAULT_EXAMPLE = path.join(JS, 'examples', 'aks', 'main.js');
const SCALE_APP = path.join(JS, 'scripts', 'bench', 'scale-app.js');
const MEASURE = path.join(JS, 'scripts', 'bench', 'measure-app.js');

interface Sample {
  readonly ms: number;
  readonly rssMb: number;
}

function measure(module: string, outdir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  const out = execFileSync(process.execPath, [MEASURE, module, ...extraArgs], {
    cwd: ROOT,
    env: { ...process.env, ...env, CDKTF_OUTDIR: outdir },
    encoding: 'utf-8',
  });
  const lines = out.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]);
}

/** The value below which a fraction `q` of the values lie (linear interpolation). */
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.ceil(at)] - sorted[low]) * (at - low);
}

function median(values: number[]): number {
  return quantile(values, 0.5);
}

function runs(n: number, fn: () => Sample): Sample {
  const samples = Array.from({ length: n }, fn);
  return { ms: median(samples.map((s) => s.ms)), rssMb: Math.max(...samples.map((s) => s.rssMb)) };
}

/** Compiles TypeScript to .bench/js with the project's settings. */
function compile(args: string[]): void {
  execFileSync('npx', ['tsc', '--noEmit', 'false', '--outDir', JS, '--sourceMap', 'false', '--inlineSourceMap', 'false', '--inlineSources', 'false', ...args], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Builds the plain baseline app and checks it synthesizes the same resources and attributes. */
function preparePlainApp(reference: string): { module: string; mismatches: number } {
  const source = path.join(WORK, 'plain-aks.ts');
  const module = path.join(JS, 'plain-aks.js');
  const plainOut = path.join(WORK, 'plain-check');
  const build = (overrides = {}) => {
    fs.writeFileSync(source, plainAppSource(reference, overrides));
    compile(['--module', 'commonjs', '--target', 'es2020', '--skipLibCheck', '--rootDir', WORK, source]);
    measure(module, plainOut);
  };
  build();
  build(differences(reference, plainOut));
  return { module, mismatches: Object.keys(differences(reference, plainOut)).length };
}

function machine(): string {
  return `${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}`;
}

function printTable(rows: Array<[string, string]>): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`\nmachine: ${machine()}; runs: ${RUNS}\n\n`);
  process.stdout.write(`| ${'measure'.padEnd(width)} | result |\n|${'-'.repeat(width + 2)}|---|\n`);
  rows.forEach(([k, v]) => process.stdout.write(`| ${k.padEnd(width)} | ${v} |\n`));
}

function mainCommandRows(result: MainCommandResult): Array<[string, string]> {
  const show = (c: { wallMs: number; cpuMs: number }) => `${c.cpuMs.toFixed(0)} ms CPU, ${c.wallMs.toFixed(0)} ms wall`;
  return [
    ['README main command `npm run synth` (median)', show(result.mainCommand)],
    ['direct `node examples/aks/main.js` (median)', show(result.direct)],
    [
      'ratio main command / direct, CPU, median of rounds (target <= 2.0)',
      `${result.ratio.toFixed(2)} (wall ${result.wallRatio.toFixed(2)}; rounds ${Math.min(...result.ratios).toFixed(2)} - ${Math.max(...result.ratios).toFixed(2)})`,
    ],
    ['`cdktf synth` of the same app (median)', show(result.cdktfSynth)],
  ];
}

async function main(): Promise<void> {
  fs.mkdirSync(WORK, { recursive: true });
  if (process.argv.includes('main-command')) {
    const result = await measureMainCommand(ROOT, WORK, RUNS);
    printTable(mainCommandRows(result));
    fs.writeFileSync(path.join(WORK, 'main-command.json'), JSON.stringify({ machine: machine(), runs: RUNS, ...result }, null, 2));
    return;
  }
  fs.rmSync(JS, { recursive: true, force: true });
  fs.writeFileSync(
    path.join(WORK, 'tsconfig.json'),
    JSON.stringify({ extends: '../tsconfig.dev.json', compilerOptions: { rootDir: '..' }, include: ['../lib/**/*.ts', '../examples/**/*.ts', '../scripts/bench/**/*.ts'] }),
  );
  compile(['-p', path.join(WORK, 'tsconfig.json')]);
  // As published: `require('../../lib')` of the examples loads the bundle, the package's main.
  bundleLibrary(path.join(JS, 'lib'), path.join(JS, 'lib', 'bundle.js'));
  fs.writeFileSync(path.join(JS, 'lib', 'package.json'), JSON.stringify({ main: 'bundle.js' }));
  const reference = path.join(WORK, 'reference');
  measure(DEFAULT_EXAMPLE, reference);
  const plain = preparePlainApp(reference);

  // Interleaved: each round runs the library, the plain app and the library without the engine
  // back to back, so drift in machine load hits all three alike; ratios are taken per round.
  const rounds = Array.from({ length: RUNS }, () => ({
    library: measure(DEFAULT_EXAMPLE, path.join(WORK, 'lib-out')),
    baseline: measure(plain.module, path.join(WORK, 'plain-out')),
    noEngine: measure(DEFAULT_EXAMPLE, path.join(WORK, 'noengine-out'), ['--no-compliance']),
  }));
  const summary = (pick: (r: (typeof rounds)[number]) => Sample) => ({
    ms: median(rounds.map((r) => pick(r).ms)),
    rssMb: Math.max(...rounds.map((r) => pick(r).rssMb)),
  });
  const library = summary((r) => r.library);
  const baseline = summary((r) => r.baseline);
  const noEngine = summary((r) => r.noEngine);
  const ratios = rounds.map((r) => r.library.ms / r.baseline.ms);
  const ratio = median(ratios);
  const engineMs = median(rounds.map((r) => r.library.ms - r.noEngine.ms));

  const rows: Array<[string, string]> = [];
  rows.push(['default example synth (median CPU time)', `${library.ms.toFixed(0)} ms, peak RSS ${library.rssMb.toFixed(0)} MB`]);
  rows.push(['plain cdktf, same resources (median CPU time)', `${baseline.ms.toFixed(0)} ms, peak RSS ${baseline.rssMb.toFixed(0)} MB`]);
  rows.push([
    'ratio library / plain, median of rounds (target <= 1.15)',
    `${ratio.toFixed(3)} (middle half of rounds ${quantile(ratios, 0.25).toFixed(3)} - ${quantile(ratios, 0.75).toFixed(3)})`,
  ]);
  rows.push(['plain app fidelity', plain.mismatches === 0 ? 'identical resources and attributes' : `${plain.mismatches} resources differ`]);
  rows.push(['default example without the compliance engine', `${noEngine.ms.toFixed(0)} ms`]);
  rows.push(['compliance engine cost, median of rounds', `${engineMs.toFixed(0)} ms (${((engineMs / noEngine.ms) * 100).toFixed(1)} %)`]);

  const scale: Record<number, { ms: number; rssMb: number }> = {};
  for (const clusters of [1, 10, 50]) {
    const n = clusters === 50 ? Math.min(RUNS, 2) : Math.min(RUNS, 3);
    scale[clusters] = runs(n, () => measure(SCALE_APP, path.join(WORK, `scale-${clusters}`), [], { BENCH_CLUSTERS: String(clusters) }));
    rows.push([`${clusters} cluster(s) with baseline`, `${scale[clusters].ms.toFixed(0)} ms, peak RSS ${scale[clusters].rssMb.toFixed(0)} MB`]);
  }
  const growth = scale[50].ms / (50 * scale[1].ms);
  rows.push(['50 clusters / (50 x 1 cluster) (target <= 1.20)', growth.toFixed(3)]);

  const mainCommand = await measureMainCommand(ROOT, WORK, RUNS);
  rows.push(...mainCommandRows(mainCommand));

  const testStart = Date.now();
  execFileSync('npx', ['jest', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  const testSeconds = (Date.now() - testStart) / 1000;
  rows.push(['npm test wall time (target <= 60 s)', `${testSeconds.toFixed(1)} s`]);

  printTable(rows);
  fs.writeFileSync(
    path.join(WORK, 'results.json'),
    JSON.stringify({ machine: machine(), runs: RUNS, rows, ratio, engineMs, library, baseline, noEngine, scale, mainCommand, testSeconds, rounds }, null, 2),
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 1;
});
