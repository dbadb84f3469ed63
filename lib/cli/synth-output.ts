// Internal: a cdktf output directory as `check` reads it: the app's compliance.json (what the synth
// applied and decided: packs, options, waivers, set-up problems, source locations) and each stack's
// synthesized JSON. Anything missing or written by another format version is an input error.
import * as fs from 'fs';
import * as path from 'path';
import { ComplianceReport, REPORT_FORMAT, REPORT_FORMAT_VERSION } from '../compliance/report';
import { CheckInputError, inputError } from './input-error';

export interface SynthesizedStack {
  readonly name: string;
  /** The stack's cdk.tf.json, parsed. */
  readonly json: any;
}

export interface SynthOutput {
  readonly dir: string;
  /** The app report the synth wrote. */
  readonly record: ComplianceReport;
  /** Every stack, in the order the app synthesized them. */
  readonly stacks: SynthesizedStack[];
}

function readJson(file: string, what: string, fix: string): any {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch {
    throw inputError(`${what} is missing`, file, 'the output directory of a cdktf synth of an app with Compliance.of(app).apply(...)', fix);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw inputError(`${what} is not JSON (${(e as Error).message})`, file, 'the file as the synth wrote it', 'synth again');
  }
}

/** Reads and checks a cdktf output directory (`shown` is the path as the user gave it). */
export function readSynthOutput(dir: string, shown = dir): SynthOutput {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw inputError('the cdktf output directory does not exist', shown, 'a directory written by cdktf synth (default cdktf.out)', 'run cdktf synth first, or pass the directory named by "output" in cdktf.json');
  }
  const synthAgain = 'apply packs with Compliance.of(app).apply(...) and synth again with this version of cdktf-hardened-k8s';
  const record = readJson(path.join(dir, 'compliance.json'), 'compliance.json (the packs the synth applied)', synthAgain);
  if (record?.format !== REPORT_FORMAT) {
    throw inputError('compliance.json was not written by cdktf-hardened-k8s (no format marker)', path.join(dir, 'compliance.json'), `a report with format ${JSON.stringify(REPORT_FORMAT)}`, synthAgain);
  }
  if (record.formatVersion !== REPORT_FORMAT_VERSION || !Array.isArray(record.waivers) || typeof record.sources !== 'object') {
    throw inputError(
      'compliance.json has another format version than this command reads',
      record.formatVersion,
      `format version ${REPORT_FORMAT_VERSION} (it records the waivers and source locations check needs)`,
      'synth again with the version of cdktf-hardened-k8s that runs check',
    );
  }
  if (!Array.isArray(record.packs) || record.packs.length === 0) {
    throw inputError('compliance.json records no applied pack, so there is nothing to re-check with', path.join(dir, 'compliance.json'), 'a synth of an app with at least one pack applied', synthAgain);
  }
  // A blocked synth run with node leaves only the app's reports: no manifest, no stack folder.
  const blocked = (missing: string) =>
    new CheckInputError(
      `${dir} holds a BLOCKED synth: the engine removed its stacks, so there is nothing to re-check (${missing}). ` +
        'Fix: resolve the blocking findings listed in compliance.md, then synth again.',
    );
  if (record.blocked && !fs.existsSync(path.join(dir, 'manifest.json'))) {
    throw blocked('no manifest.json');
  }
  const manifest = readJson(path.join(dir, 'manifest.json'), 'manifest.json (the stacks of the synth)', 'synth again');
  const stacks: SynthesizedStack[] = (record.stacks as string[]).map((name) => {
    const entry = manifest?.stacks?.[name];
    const file = typeof entry?.synthesizedStackPath === 'string' ? path.join(dir, entry.synthesizedStackPath) : path.join(dir, 'stacks', name, 'cdk.tf.json');
    if (!fs.existsSync(file)) {
      if (record.blocked) {
        throw blocked(`stack ${JSON.stringify(name)} has no ${path.basename(file)}`);
      }
      throw inputError(`stack ${JSON.stringify(name)} has no synthesized JSON`, file, 'a complete synth output (cdk.tf.json per stack; HCL output cannot be re-checked)', 'synth again without hclOutput');
    }
    return { name, json: readJson(file, `the synthesized JSON of stack ${JSON.stringify(name)}`, 'synth again') };
  });
  return { dir, record: record as ComplianceReport, stacks };
}

/** The stack of a name, or an input error listing the stacks there are. */
export function stackNamed(output: SynthOutput, name: string, option: string): SynthesizedStack {
  const stack = output.stacks.find((s) => s.name === name);
  if (!stack) {
    throw inputError(`${option} names an unknown stack`, name, `a stack of ${output.dir}: ${output.stacks.map((s) => s.name).join(', ')}`, 'use the stack name as cdktf synth lists it');
  }
  return stack;
}
