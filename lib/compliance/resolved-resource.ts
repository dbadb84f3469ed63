import { IResolvedResource } from './types';

/**
 * What a Terraform plan gives a rule for a value it does not show: one Terraform knows only after
 * apply, or a sensitive one (never read, so it never reaches a report). Both read as unresolved.
 */
export const PLAN_UNKNOWN = { afterApply: '${known after apply}', sensitive: '${sensitive in the plan}' } as const;

function unresolvedMessage(path: string, expression: string): string {
  if (expression === PLAN_UNKNOWN.afterApply) {
    return `${path} is known only after apply (the plan leaves it unknown)`;
  }
  if (expression === PLAN_UNKNOWN.sensitive) {
    return `${path} is sensitive in the plan and not read`;
  }
  return `${path} is not known at synth time (${expression})`;
}

/** Thrown when a rule needs a value that Terraform only knows at apply time. */
export class UnresolvedValueError extends Error {
  /** The dotted path that holds the expression. */
  public readonly path: string;
  /** The expression found. */
  public readonly expression: string;

  constructor(path: string, expression: string) {
    super(unresolvedMessage(path, expression));
    this.name = 'UnresolvedValueError';
    this.path = path;
    this.expression = expression;
  }
}

/** True for a synthesized string holding a Terraform expression such as `${var.x}`. */
export function isTerraformExpression(value: unknown): value is string {
  return typeof value === 'string' && value.includes('${');
}

/**
 * A resource from the synthesized Terraform JSON. Paths are dotted attribute names; a single-block
 * list (`[{...}]`) is stepped through transparently, and a numeric segment indexes a list.
 */
export class ResolvedResource implements IResolvedResource {
  public readonly terraformType: string;
  public readonly name: string;
  public readonly address: string;
  public readonly constructPath: string;
  public readonly config: any;

  /**
   * `address` and `constructPath` are given for the items that are not resources (a provider, the
   * backend); a resource's come from its type and name and from its `//` metadata.
   */
  constructor(terraformType: string, name: string, config: any, where: { address?: string; constructPath?: string } = {}) {
    this.terraformType = terraformType;
    this.name = name;
    this.address = where.address ?? `${terraformType}.${name}`;
    this.config = config ?? {};
    this.constructPath = this.config['//']?.metadata?.path ?? where.constructPath ?? this.address;
  }

  public get(path: string): any {
    let current: any = this.config;
    const walked: string[] = [];
    for (const segment of path.split('.')) {
      if (isTerraformExpression(current)) {
        throw new UnresolvedValueError(walked.join('.') || path, current);
      }
      if (current === undefined || current === null) {
        return undefined;
      }
      if (Array.isArray(current) && !/^\d+$/.test(segment)) {
        if (current.length === 0) {
          return undefined;
        }
        current = current[0];
      }
      current = current[segment];
      walked.push(segment);
    }
    if (isTerraformExpression(current)) {
      throw new UnresolvedValueError(path, current);
    }
    return current;
  }

  public isUnresolved(path: string): boolean {
    try {
      this.get(path);
      return false;
    } catch (e) {
      if (e instanceof UnresolvedValueError) {
        return true;
      }
      throw e;
    }
  }

  public has(path: string): boolean {
    if (this.isUnresolved(path)) {
      return true;
    }
    const value = this.get(path);
    return value !== undefined && value !== null;
  }
}
