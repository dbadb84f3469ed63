// Internal: the output directory as the engine leaves it. Before a synth writes anything, the directory
// must be empty or hold an earlier output of the same app; then everything an earlier synth left that
// could be read as current (manifest, reports, stack folders) is removed, so a failing synth can never
// leave a green report or a stale stack behind.
import * as fs from 'fs';
import * as path from 'path';
import { foreignOutdir } from '../errors';
import { compareStrings } from '../ordering';
import { REPORT_FORMAT } from './report';

const MANIFEST = 'manifest.json';
const STACKS = 'stacks';
export const REPORT_JSON = 'compliance.json';
export const REPORT_MD = 'compliance.md';
export const REPORT_SARIF = 'compliance.sarif';

/**
 * The stacks an earlier synth recorded in the directory: those its app report and manifest list, and the
 * stack folders. An app is recognised by its stacks: an earlier output of this app shares a stack name.
 */
export function recordedStacks(outdir: string): string[] {
  const names = new Set<string>();
  const report = readJson(path.join(outdir, REPORT_JSON));
  if (report?.format === REPORT_FORMAT && Array.isArray(report.stacks)) {
    report.stacks.filter((s: unknown) => typeof s === 'string').forEach((s: string) => names.add(s));
  }
  const manifest = readJson(path.join(outdir, MANIFEST));
  Object.keys(manifest?.stacks ?? {}).forEach((s) => names.add(s));
  stackFolders(outdir).forEach((s) => names.add(s));
  return [...names].sort(compareStrings);
}

/** Throws, before anything is written, when the directory holds the output of another app. */
export function claimOutdir(outdir: string, stacks: string[]): void {
  const recorded = recordedStacks(outdir);
  if (recorded.length > 0 && !recorded.some((s) => stacks.includes(s))) {
    throw foreignOutdir(outdir, recorded, [...stacks].sort(compareStrings));
  }
}

/**
 * Removes what an earlier synth of this app wrote: manifest, app report, stack reports, folders of stacks
 * the app no longer has. The cdktf CLI lists the stack folders before it runs the app and afterwards
 * removes those the manifest no longer names, without `force`, so a folder already gone crashes it
 * (ENOENT) before it prints a finding: run by the CLI (`cliRemovesRetiredFolders`), a retired stack's
 * folder is emptied and left for the CLI to remove.
 */
export function clearEarlierOutput(outdir: string, stacks: string[], cliRemovesRetiredFolders: boolean): void {
  removeFiles(outdir, [MANIFEST, REPORT_JSON, REPORT_MD, REPORT_SARIF]);
  for (const folder of stackFolders(outdir)) {
    const dir = path.join(outdir, STACKS, folder);
    if (stacks.includes(folder)) {
      removeFiles(dir, [REPORT_JSON, REPORT_MD, REPORT_SARIF]);
    } else if (cliRemovesRetiredFolders) {
      removeFiles(dir, fs.readdirSync(dir));
    } else {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}

/** Removes the stack folders this synth wrote, so a blocked synth leaves nothing to deploy. */
export function removeStackFolders(outdir: string, stacks: string[]): void {
  for (const stack of stacks) {
    fs.rmSync(path.join(outdir, STACKS, stack), { recursive: true, force: true });
  }
}

/** Writes a file below the output directory, creating its folder (a stack folder may have been removed). */
export function writeOutput(outdir: string, relativePath: string, content: string): void {
  const file = path.join(outdir, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
}

function stackFolders(outdir: string): string[] {
  const dir = path.join(outdir, STACKS);
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(compareStrings);
}

function removeFiles(dir: string, names: string[]): void {
  for (const name of names) {
    fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  }
}

function readJson(file: string): any {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf-8'));
  } catch {
    return undefined;
  }
}
