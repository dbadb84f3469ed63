// Internal: a rule's evidence requirements, and what one evaluation of the rule speaks for.
import { CisControlRef } from '../cis/types';
import { invalidRuleMetadata } from '../errors';
import { EvidenceRequirement, EvidenceSubject, IComplianceRule, RuleEvaluation } from './types';

const REQUIREMENT_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const TERRAFORM_TYPE = /^[a-z][a-z0-9]*(_[a-z0-9]+)+$/;
const SUBJECTS: string[] = [EvidenceSubject.KUBERNETES_CLUSTER, EvidenceSubject.GATEKEEPER_CLUSTER];

/** `cis-aks-1.8/5.4.2`: how findings and reports name a control. */
export function controlKey(ref: CisControlRef): string {
  return `${ref.benchmark}/${ref.id}`;
}

/** The rule's evidence requirements: the declared ones, or one that any finding of the rule meets. */
export function requirementsOf(rule: IComplianceRule): EvidenceRequirement[] {
  const m = rule.metadata;
  if (!m.evidence) {
    return [];
  }
  return m.evidence.requirements ?? [{ id: m.id, description: `a finding that ${lowerFirst(m.title)}`, cisControls: m.cisControls ?? [] }];
}

/** Checks the evidence metadata of a rule: known subjects, unique requirement ids, controls the rule claims, all covered. */
export function validateEvidence(rule: IComplianceRule): void {
  const m = rule.metadata;
  const evidence = m.evidence;
  if (evidence === undefined || evidence === null) {
    return;
  }
  const protects = evidence.protects;
  if (!Array.isArray(protects) || protects.length === 0 || protects.some((p) => typeof p !== 'string' || !(SUBJECTS.includes(p) || TERRAFORM_TYPE.test(p)))) {
    throw invalidRuleMetadata(m.id, `evidence.protects ${JSON.stringify(protects)} must list Terraform resource types or EvidenceSubject values (${SUBJECTS.join(', ')})`);
  }
  const claimed = new Set((m.cisControls ?? []).map(controlKey));
  const covered = new Set<string>();
  const ids = new Set<string>();
  for (const r of requirementsOf(rule)) {
    if (typeof r?.id !== 'string' || !REQUIREMENT_ID.test(r.id) || ids.has(r.id)) {
      throw invalidRuleMetadata(m.id, `evidence requirement id ${JSON.stringify(r?.id)} must be unique lower-case words joined by hyphens`);
    }
    ids.add(r.id);
    if (typeof r.description !== 'string' || !r.description.trim()) {
      throw invalidRuleMetadata(m.id, `evidence requirement ${r.id} needs a description`);
    }
    for (const c of r.cisControls ?? []) {
      if (!claimed.has(controlKey(c))) {
        throw invalidRuleMetadata(m.id, `evidence requirement ${r.id} proves ${controlKey(c)}, which the rule does not claim in cisControls`);
      }
      covered.add(controlKey(c));
    }
  }
  const uncovered = [...claimed].filter((k) => !covered.has(k));
  if (uncovered.length > 0) {
    throw invalidRuleMetadata(m.id, `no evidence requirement proves ${uncovered.join(', ')}: a claimed control without one could vanish from the report`);
  }
}

/** What one evaluation speaks for: its evidence requirement ids (rules with evidence) and CIS control keys. */
export interface EvaluationScope {
  readonly evidence?: string[];
  readonly cisControls: string[];
}

/**
 * The requirement ids and CIS controls of an evaluation, checked against the rule's metadata; a message
 * when the rule named a requirement or control it does not have (a bug in the rule).
 */
export function scopeOf(rule: IComplianceRule, result: RuleEvaluation): EvaluationScope | string {
  const m = rule.metadata;
  const requirements = requirementsOf(rule);
  let evidence: string[] | undefined;
  let controls = (m.cisControls ?? []).map(controlKey);
  if (result.evidence !== undefined && result.evidence !== null) {
    if (!m.evidence) {
      return `rule returned evidence ${JSON.stringify(result.evidence)} but declares no evidence requirements`;
    }
    const unknownIds = result.evidence.filter((id) => !requirements.some((r) => r.id === id));
    if (unknownIds.length > 0) {
      return `rule returned unknown evidence requirement(s) ${unknownIds.join(', ')}`;
    }
    evidence = requirements.filter((r) => result.evidence!.includes(r.id)).map((r) => r.id);
    const named = new Set(requirements.filter((r) => evidence!.includes(r.id)).flatMap((r) => r.cisControls.map(controlKey)));
    controls = controls.filter((k) => named.has(k));
  } else if (m.evidence) {
    evidence = requirements.map((r) => r.id);
  }
  if (result.cisControls !== undefined && result.cisControls !== null) {
    const asked = result.cisControls.map(controlKey);
    const foreign = asked.filter((k) => !(m.cisControls ?? []).some((c) => controlKey(c) === k));
    if (foreign.length > 0) {
      return `rule returned CIS control(s) ${foreign.join(', ')} it does not claim`;
    }
    controls = (m.cisControls ?? []).map(controlKey).filter((k) => asked.includes(k));
  }
  return { evidence, cisControls: controls };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
