// Internal helpers to write rules as small pure functions. Not part of the public API.
import { isTerraformExpression, UnresolvedValueError } from './resolved-resource';
import {
  ComplianceStatus,
  IComplianceRule,
  IResolvedResource,
  IRuleContext,
  RuleEvaluation,
  RuleMetadata,
} from './types';

export type RuleCheck = (resource: IResolvedResource, context: IRuleContext) => RuleEvaluation;

/** Builds a rule from its metadata and a pure check function. */
export function defineRule(metadata: RuleMetadata, check: RuleCheck): IComplianceRule {
  return {
    metadata,
    evaluate: (resource, context) => check(resource, context),
  };
}

export function compliant(message?: string): RuleEvaluation {
  return { status: ComplianceStatus.COMPLIANT, message };
}

export function nonCompliant(message: string): RuleEvaluation {
  return { status: ComplianceStatus.NON_COMPLIANT, message };
}

export function notApplicable(message?: string): RuleEvaluation {
  return { status: ComplianceStatus.NOT_APPLICABLE, message };
}

export function unknown(message: string): RuleEvaluation {
  return { status: ComplianceStatus.UNKNOWN, message };
}

/** Compliant when the condition holds, otherwise non-compliant with the message. */
export function check(condition: boolean, failMessage: string, passMessage?: string): RuleEvaluation {
  return condition ? compliant(passMessage) : nonCompliant(failMessage);
}

/** A list attribute whose every element is a literal; throws UnresolvedValueError otherwise. */
export function literalList(resource: IResolvedResource, path: string): any[] {
  const value = resource.get(path);
  if (value === undefined || value === null) {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  const expression = list.find(isTerraformExpression);
  if (expression !== undefined) {
    throw new UnresolvedValueError(path, expression);
  }
  return list;
}

/** The attribute value with an explicit default when unset (the provider's documented default). */
export function valueOr(resource: IResolvedResource, path: string, providerDefault: unknown): any {
  const value = resource.get(path);
  return value === undefined || value === null ? providerDefault : value;
}

/** True when a string attribute references the given resource (`${type.name.…}`). */
export function references(value: unknown, target: IResolvedResource): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  return value.includes(`\${${target.address}.`) || value.includes(`\${${target.address}}`);
}
