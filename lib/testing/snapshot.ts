// Stable snapshots of synthesized stacks: cdktf's metadata ("//" blocks, which carry construct paths
// and versions) removed, keys in code-unit order, and the project's absolute path (cdktf writes the
// local backend's state path with it) replaced by `<project>`, so a snapshot is the same on every machine.
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import { invalidProp } from '../errors';
import { compareStrings } from '../ordering';

/** The placeholder for the project root in snapshots. */
export const PROJECT_ROOT_PLACEHOLDER = '<project>';

/** A synthesized stack's JSON (a parsed cdk.tf.json), made stable for `toMatchSnapshot()`. */
export function stableJson(json: unknown, projectRoot: string = process.cwd()): unknown {
  const root = path.resolve(projectRoot);
  const visit = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(visit);
    }
    if (typeof value === 'string') {
      return value === root || value.startsWith(root + path.sep) ? PROJECT_ROOT_PLACEHOLDER + value.slice(root.length).split(path.sep).join('/') : value;
    }
    if (value === null || typeof value !== 'object') {
      return value;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareStrings)) {
      if (key !== '//') {
        out[key] = visit((value as Record<string, unknown>)[key]);
      }
    }
    return out;
  };
  return visit(json);
}

/** Synthesizes one stack (aspects included) to stable, metadata-free JSON: `expect(synthSnapshot(stack)).toMatchSnapshot()`. */
export function synthSnapshot(stack: TerraformStack, projectRoot?: string): unknown {
  if (!TerraformStack.isStack(stack)) {
    throw invalidProp('synthSnapshot', 'stack', stack === undefined || stack === null ? stack : (stack as object).constructor?.name, 'a TerraformStack', 'pass the stack to snapshot, e.g. synthSnapshot(new TerraformStack(app, "infra"))');
  }
  return stableJson(JSON.parse(Testing.synth(stack)), projectRoot);
}
