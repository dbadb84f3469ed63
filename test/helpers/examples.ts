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

/**
 * Synthesizes an example as a user would (its own process), into a fresh directory; returns it.
 * With `bundle`, the library is the published bundle (lib/bundle.js) instead of its sources.
 */
export function synthExample(name: string, options: { bundle?: boolean } = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `hk8s-example-${name}-`));
  const preload = options.bundle ? ['-r', path.join(__dirname, 'use-bundle.ts')] : [];
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', ...preload, path.join('examples', name, 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, CDKTF_OUTDIR: outdir, TS_NODE_PROJECT: 'tsconfig.dev.json', TS_NODE_PREFER_TS_EXTS: 'true' },
    stdio: 'pipe',
  });
  return outdir;
}

/** Asserts two output directories hold the same files with byte-identical contents. */
export function expectSameFiles(actualDir: string, expectedDir: string): void {
  const files = filesBelow(expectedDir);
  expect(filesBelow(actualDir)).toEqual(files);
  for (const file of files) {
    expect([file, fs.readFileSync(path.join(actualDir, file), 'utf-8')]).toEqual([file, fs.readFileSync(path.join(expectedDir, file), 'utf-8')]);
  }
}

/** Every file below a directory, relative paths, sorted. */
export function filesBelow(dir: string): string[] {
  const walk = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
  return walk(dir)
    .map((f) => path.relative(dir, f))
    .sort();
}
