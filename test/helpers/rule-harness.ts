import { App, TerraformStack } from 'cdktf';
import { elementPaths } from '../../lib/compliance/element-paths';
import { evaluateStack, indexRulesByType, runRule } from '../../lib/compliance/evaluate';
import { StackResources } from '../../lib/compliance/rule-context';
import { WaiverIndex } from '../../lib/compliance/waivers';
import { Finding, IComplianceRule, RuleEvaluation } from '../../lib';

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

/**
 * The findings of rules on every stack of an app as synth prepares them, without writing anything
 * (cdktf's cloud backend runs `terraform version` during a real synth): each with its stack.
 */
export function evaluateApp(app: App, rules: IComplianceRule[]): Array<Finding & { stack: string }> {
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  stacks.forEach((s) => s.prepareStack());
  const resources = stacks.map((s) => new StackResources(s.node.id, s.toTerraform(), elementPaths(s)));
  StackResources.linkApp(resources);
  const waivers = new WaiverIndex(app);
  return resources.flatMap((r) => evaluateStack(r, indexRulesByType(rules), waivers).map((f) => ({ ...f, stack: r.stackName })));
}
