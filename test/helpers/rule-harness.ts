import { runRule } from '../../lib/compliance/evaluate';
import { StackResources } from '../../lib/compliance/rule-context';
import { IComplianceRule, RuleEvaluation } from '../../lib';

/**
 * Evaluates a rule, as the engine does, on a resource given as synthesized Terraform JSON. Other
 * resources of the same stack go in `others`: `{ azurerm_monitor_diagnostic_setting: { diag: {...} } }`.
 * The resource under test is addressed as `<type>.subject`.
 */
export function evaluateRule(
  rule: IComplianceRule,
  terraformType: string,
  config: any,
  others: Record<string, Record<string, any>> = {},
): RuleEvaluation {
  const stackJson = { resource: { ...others, [terraformType]: { ...(others[terraformType] ?? {}), subject: config } } };
  const context = new StackResources('test', stackJson);
  const resource = context.resourcesOfType(terraformType).find((r) => r.name === 'subject');
  if (!resource) {
    throw new Error('subject resource not built');
  }
  return runRule(rule, resource, context);
}
