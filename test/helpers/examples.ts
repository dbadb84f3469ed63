import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exampleNames } from '../../scripts/fresh-build.cjs';

export const ROOT = path.join(__dirname, '..', '..');
export { exampleNames };

/**
 * Synthesizes an example as a user would (its own process), into a fresh directory; returns it.
 * `bundle` runs examples/<name>/main.js, the example compiled against the published bundle
 * (lib/bundle.js; jest's global setup builds both), as the main command does; `modules` runs the
 * same file against the per-module build the bundle is made from (lib/index.js).
 */
export function synthExample(name: string, library: 'bundle' | 'modules'): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), `hk8s-example-${name}-`));
  const preload = library === 'modules' ? ['-r', path.join(__dirname, 'use-modules.cjs')] : [];
  execFileSync(process.execPath, [...preload, compiledExample(name)], { cwd: ROOT, env: { ...process.env, CDKTF_OUTDIR: outdir }, stdio: 'pipe' });
  return outdir;
}

/** examples/<name>/main.js, which jest's global setup compiles. */
export function compiledExample(name: string): string {
  return path.join(ROOT, 'examples', name, 'main.js');
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
