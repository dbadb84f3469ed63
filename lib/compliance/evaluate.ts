import { UnresolvedValueError } from './resolved-resource';
import { scopeOf } from './rule-evidence';
import { StackResources } from './rule-context';
import { ComplianceStatus, Finding, IComplianceRule, IResolvedResource, IRuleContext, RuleEvaluation } from './types';
import { IWaiverMatcher } from './waiver-match';
import { compareStrings } from '../ordering';

const WAIVABLE = new Set([ComplianceStatus.NON_COMPLIANT, ComplianceStatus.UNKNOWN]);

/** Indexes rules by the resource types they inspect, so evaluation is O(resources × matching rules). */
export function indexRulesByType(rules: IComplianceRule[]): Map<string, IComplianceRule[]> {
  const byType = new Map<string, IComplianceRule[]>();
  for (const rule of rules) {
    for (const type of rule.metadata.resourceTypes) {
      byType.set(type, [...(byType.get(type) ?? []), rule]);
    }
  }
  return byType;
}

/** Runs every matching rule over every resource of a stack; pure apart from marking waivers used. */
export function evaluateStack(
  resources: StackResources,
  rulesByType: Map<string, IComplianceRule[]>,
  waivers: IWaiverMatcher,
): Finding[] {
  const findings: Finding[] = [];
  for (const resource of resources.all()) {
    for (const rule of rulesByType.get(resource.terraformType) ?? []) {
      let result = runRule(rule, resource, resources);
      let scope = scopeOf(rule, result);
      if (typeof scope === 'string') {
        result = { status: ComplianceStatus.UNKNOWN, message: `rule failed: ${scope}` };
        scope = scopeOf(rule, result) as Exclude<typeof scope, string>;
      }
      const waiver = WAIVABLE.has(result.status) && rule.metadata.waivable !== false ? waivers.match(rule.metadata.id, resource.constructPath) : undefined;
      findings.push({
        ruleId: rule.metadata.id,
        title: rule.metadata.title,
        severity: rule.metadata.severity,
        status: result.status,
        cisControls: scope.cisControls,
        constructPath: resource.constructPath,
        address: resource.address,
        message: result.message,
        waiverReason: waiver?.reason,
        ...(waiver?.builtIn ? { builtInWaiver: true } : {}),
        ...(scope.evidence ? { evidence: scope.evidence } : {}),
      });
    }
  }
  return sortFindings(findings);
}

/** Findings in report order: by construct path, address, then rule id. */
export function sortFindings<T extends Finding>(findings: T[]): T[] {
  return findings.sort(
    (a, b) => compareStrings(a.constructPath, b.constructPath) || compareStrings(a.address, b.address) || compareStrings(a.ruleId, b.ruleId),
  );
}

/** Runs one rule; an unresolvable value or a failing rule is reported as unknown, never as a pass. */
export function runRule(rule: IComplianceRule, resource: IResolvedResource, context: IRuleContext): RuleEvaluation {
  try {
    const result = rule.evaluate(resource, context);
    if (!result || !Object.values(ComplianceStatus).includes(result.status)) {
      return { status: ComplianceStatus.UNKNOWN, message: `rule returned no valid status (${JSON.stringify(result)})` };
    }
    return result;
  } catch (e) {
    if (e instanceof UnresolvedValueError) {
      return { status: ComplianceStatus.UNKNOWN, message: e.message };
    }
    return { status: ComplianceStatus.UNKNOWN, message: `rule failed: ${(e as Error).message}` };
  }
}
