// Internal: a Terraform plan in JSON (`terraform show -json plan.out`), read and checked before anything
// is judged on it. Terraform's documented format: format_version 1.x, planned_values, resource_changes
// (change.actions, after, after_unknown, after_sensitive) and configuration.
import * as fs from 'fs';
import { CheckInputError, inputError } from './input-error';

/** One planned change of a resource instance. */
export interface PlannedChange {
  readonly address: string;
  /** The resource's address without the instance key: `type.name`. */
  readonly resourceAddress: string;
  readonly type: string;
  readonly name: string;
  readonly actions: string[];
  readonly after: unknown;
  readonly afterUnknown: unknown;
  readonly afterSensitive: unknown;
}

export interface TerraformPlan {
  /** The file as the user named it. */
  readonly file: string;
  readonly terraformVersion: string;
  /** Managed resources of the root module that the plan's configuration declares (`type.name`). */
  readonly configuredResources: string[];
  /** Root-module managed resource instances that exist after apply (every action but a pure delete or forget). */
  readonly changes: PlannedChange[];
}

const SHOW_JSON = 'run `terraform show -json plan.out > plan.json` on the plan of that stack (cdktf.out/stacks/<stack>) and pass that file';

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads and checks a plan file; every problem is a CheckInputError naming the file. */
export function readTerraformPlan(file: string): TerraformPlan {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch (e) {
    throw inputError('cannot read the plan file', file, 'a readable JSON file written by terraform show -json', `${SHOW_JSON} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CheckInputError(
      `the plan file ${JSON.stringify(file)} is not JSON (${(e as Error).message}; ${text.length} characters read, so it may be truncated or a binary plan). ` +
        `Allowed: the JSON form of a plan. Fix: ${SHOW_JSON}.`,
    );
  }
  if (!isObject(json) || typeof json.format_version !== 'string') {
    throw inputError(`the plan file ${JSON.stringify(file)} is JSON but not a Terraform plan (no format_version)`, file, 'the output of terraform show -json on a plan file', SHOW_JSON);
  }
  if (!/^1\.\d+$/.test(json.format_version)) {
    throw inputError(`the plan file ${JSON.stringify(file)} has an unsupported format_version`, json.format_version, 'format_version 1.x (Terraform 1.x)', 'write the plan with Terraform 1.x');
  }
  if (!isObject(json.planned_values) || !Array.isArray(json.resource_changes)) {
    const state = isObject(json.values) ? ' It holds values but no planned changes: it is a state, not a plan.' : '';
    throw inputError(`the plan file ${JSON.stringify(file)} has no planned_values and resource_changes.${state}`, file, 'the output of terraform show -json on a saved plan (terraform plan -out=plan.out)', SHOW_JSON);
  }
  if (json.errored === true) {
    throw inputError(`the plan in ${JSON.stringify(file)} is marked errored: Terraform failed while planning, so its values are incomplete`, file, 'a plan that Terraform completed', 'fix the errors terraform plan printed, then plan again');
  }
  const changes: PlannedChange[] = [];
  for (const [i, rc] of json.resource_changes.entries()) {
    if (!isObject(rc) || typeof rc.address !== 'string' || typeof rc.type !== 'string' || typeof rc.name !== 'string' || !isObject(rc.change) || !Array.isArray(rc.change.actions)) {
      throw inputError(`resource_changes[${i}] of ${JSON.stringify(file)} is not a resource change`, JSON.stringify(rc)?.slice(0, 120), 'objects with address, type, name and change.actions', SHOW_JSON);
    }
    const actions: string[] = rc.change.actions;
    // Data sources, child modules (not part of the stack's own resources) and instances that leave (deleted, or forgotten by a removed block).
    if (rc.mode !== 'managed' || rc.module_address !== undefined || (actions.length === 1 && (actions[0] === 'delete' || actions[0] === 'forget'))) {
      continue;
    }
    changes.push({
      address: rc.address,
      resourceAddress: `${rc.type}.${rc.name}`,
      type: rc.type,
      name: rc.name,
      actions,
      after: rc.change.after,
      afterUnknown: rc.change.after_unknown,
      afterSensitive: rc.change.after_sensitive,
    });
  }
  const configured = json.configuration?.root_module?.resources;
  const configuredResources = Array.isArray(configured)
    ? configured.filter((r: any) => isObject(r) && r.mode === 'managed' && typeof r.address === 'string').map((r: any) => r.address as string)
    : [...new Set(changes.map((c) => c.resourceAddress))];
  return { file, terraformVersion: String(json.terraform_version ?? 'unknown'), configuredResources, changes };
}
