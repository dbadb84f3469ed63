// Runs the check command in-process (fast) or as the built bin (as CI runs it), collecting its output.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Document, DOMParser } from '@xmldom/xmldom';
import { main } from '../../lib/cli/main';

export const ROOT = path.join(__dirname, '..', '..');
export const CLI = path.join(ROOT, 'lib', 'cli.js');

export interface CommandRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** The command's main() with the arguments, from the repository root. */
export function check(...args: string[]): CommandRun {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(args, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The built bin in its own node process. */
export function checkBin(args: string[], cwd = ROOT, cli = CLI): CommandRun {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf-8' });
  return { code: run.status ?? -1, out: run.stdout, err: run.stderr };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `hk8s-${prefix}-`));
}

export function writeJson(file: string, value: unknown): string {
  fs.writeFileSync(file, JSON.stringify(value, null, 2));
  return file;
}

export function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

/**
 * Validates SARIF files with the SARIF SDK's own validator (the multitool's `validate`); returns its
 * results (errors and warnings) as `file: ruleId message` lines. The multitool runs offline.
 */
export function sarifValidatorFindings(files: string[]): string[] {
  const bin = require.resolve('@microsoft/sarif-multitool/bin.js');
  const output = path.join(tempDir('sarif-validation'), 'validation.sarif');
  const run = spawnSync(process.execPath, [bin, 'validate', ...files, '--output', output, '--log', 'ForceOverwrite'], {
    encoding: 'utf-8',
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  if (!fs.existsSync(output)) {
    throw new Error(`the SARIF multitool did not run (exit ${run.status}): ${run.stdout}${run.stderr}`);
  }
  const log = readJson(output);
  return (log.runs ?? []).flatMap((r: any) =>
    (r.results ?? []).map((x: any) => `${x.locations?.[0]?.physicalLocation?.artifactLocation?.uri}: ${x.level ?? 'warning'} ${x.ruleId} ${x.message?.text ?? JSON.stringify(x.message?.arguments)}`),
  );
}

/** Parses XML, failing on any well-formedness error or warning of the parser. */
export function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level: string, message: string) => problems.push(`${level}: ${message}`) }).parseFromString(text, 'text/xml');
  if (problems.length > 0) {
    throw new Error(`not well-formed XML: ${problems.join('; ')}`);
  }
  return doc;
}
