import { CisCatalog } from '../cis/catalog';
import { invalidRuleMetadata, missingProp } from '../errors';
import { validateEvidence } from './rule-evidence';
import { IComplianceRule, IRulePack, RuleSeverity } from './types';

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Checks a rule's metadata; a rule citing an unknown CIS control is a bug. */
export function validateRule(rule: IComplianceRule): void {
  const m = rule.metadata;
  if (!RULE_ID.test(m.id ?? '')) {
    throw invalidRuleMetadata(m.id, 'id must be lower-case words joined by hyphens, e.g. "aks-private-cluster"');
  }
  if (!m.title?.trim() || !m.remediation?.trim()) {
    throw invalidRuleMetadata(m.id, 'title and remediation are required');
  }
  if (m.severity !== RuleSeverity.ERROR && m.severity !== RuleSeverity.WARNING) {
    throw invalidRuleMetadata(m.id, `severity ${JSON.stringify(m.severity)} is not error or warning`);
  }
  if (m.waivable !== undefined && typeof m.waivable !== 'boolean') {
    throw invalidRuleMetadata(m.id, `waivable ${JSON.stringify(m.waivable)} is not true or false`);
  }
  if (!m.resourceTypes?.length) {
    throw invalidRuleMetadata(m.id, 'resourceTypes must name at least one Terraform resource type');
  }
  for (const ref of m.cisControls ?? []) {
    CisCatalog.resolve(ref);
  }
  validateEvidence(rule);
}

/**
 * A named set of rules. Subclass it for a pack of your own, or build one from rules directly:
 * `new RulePack('org-policy', [myRule])`.
 */
export class RulePack implements IRulePack {
  public readonly name: string;
  public readonly rules: IComplianceRule[];

  constructor(name: string, rules: IComplianceRule[]) {
    if (typeof name !== 'string' || name.trim() === '') {
      throw missingProp('RulePack', 'name', 'name the pack, e.g. "org-policy" (reports show it)');
    }
    if (!Array.isArray(rules)) {
      throw missingProp('RulePack', 'rules', 'pass the list of rules of the pack');
    }
    const seen = new Set<string>();
    for (const rule of rules) {
      validateRule(rule);
      if (seen.has(rule.metadata.id)) {
        throw invalidRuleMetadata(rule.metadata.id, `appears twice in pack ${JSON.stringify(name)}`);
      }
      seen.add(rule.metadata.id);
    }
    this.name = name;
    this.rules = [...rules];
  }

  /** This pack plus more rules, e.g. an organisation's own. */
  public withRules(name: string, rules: IComplianceRule[]): RulePack {
    return new RulePack(name, [...this.rules, ...rules]);
  }
}
