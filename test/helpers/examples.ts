import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');

/** Every runnable example: examples/<name>/main.ts. */
export function exampleNames(): string[] {
  const dir = path.join(ROOT, 'examples');
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, 'main.ts')))
    .sort();
}

/** Synthesizes an example as a user would (its own process), into a fresh directory; returns it. */
export function synthExample(name: string): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `hk8s-example-${name}-`));
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', path.join('examples', name, 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_PREFER_TS_EXTS: 'true' },
    stdio: 'pipe',
  });
  return outdir;
}

/** Every file below a directory, relative paths, sorted. */
export function filesBelow(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir)
    .map((f) => path.relative(dir, f))
    .sort();
}
