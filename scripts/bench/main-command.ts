// The cost of the README's main command (`npm run synth`) against a direct `node` run of the
// compiled default example, and of `cdktf synth` (the same app through the cdktf CLI), measured in
// interleaved rounds so drift in machine load hits all of them alike. Each command runs under
// bash's `time`, which counts the CPU time of the whole process tree (npm, node, the CLI's children).
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ensureCompiledExample } from '../fresh-build.cjs';

export interface CommandCost {
  /** Median wall time, ms. */
  readonly wallMs: number;
  /** Median CPU time (user + system) of the process tree, ms. */
  readonly cpuMs: number;
}

export interface MainCommandResult {
  readonly mainCommand: CommandCost;
  readonly direct: CommandCost;
  readonly cdktfSynth: CommandCost;
  /** Median over rounds of main command CPU / direct CPU. */
  readonly ratio: number;
  /** Median over rounds of main command wall / direct wall. */
  readonly wallRatio: number;
  readonly ratios: number[];
}

interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
}

function timed(root: string, outdir: string, command: string): Sample {
  fs.rmSync(outdir, { recursive: true, force: true });
  const script = `TIMEFORMAT='%3R %3U %3S'; { time ${command} >/dev/null 2>&1 ; } 2>&1`;
  const out = execFileSync('bash', ['-c', script], {
    cwd: root,
    env: { ...process.env, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1', DISABLE_VERSION_CHECK: '1' },
    encoding: 'utf-8',
  });
  const [real, user, sys] = out.trim().split('\n').pop()!.split(' ').map(Number);
  if (!fs.existsSync(path.join(outdir, 'manifest.json'))) {
    throw new Error(`${command} wrote no manifest.json to ${outdir}`);
  }
  return { wallMs: real * 1000, cpuMs: (user + sys) * 1000 };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)] + sorted[Math.ceil(mid)]) / 2;
}

const cost = (samples: Sample[]): CommandCost => ({ wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)) });

/** `rounds` rounds of main command and direct run; `cdktf synth` in every third round (it costs seconds). */
export async function measureMainCommand(root: string, work: string, rounds: number): Promise<MainCommandResult> {
  const compiled = path.relative(root, await ensureCompiledExample('aks'));
  const main: Sample[] = [];
  const direct: Sample[] = [];
  const cli: Sample[] = [];
  for (let round = 0; round < rounds; round++) {
    main.push(timed(root, path.join(work, 'main-command-out'), 'npm run synth --silent'));
    direct.push(timed(root, path.join(work, 'direct-out'), `node ${compiled}`));
    if (round % 3 === 0) {
      cli.push(timed(root, path.join(work, 'cdktf-synth-out'), `npx cdktf synth --output ${path.join(work, 'cdktf-synth-out')}`));
    }
  }
  const ratios = main.map((m, i) => m.cpuMs / direct[i].cpuMs);
  return {
    mainCommand: cost(main),
    direct: cost(direct),
    cdktfSynth: cost(cli),
    ratio: median(ratios),
    wallRatio: median(main.map((m, i) => m.wallMs / direct[i].wallMs)),
    ratios,
  };
}
