// Internal: what an RBAC role rule gives, judged the way the Kubernetes RBAC authorizer matches rules
// (k8s.io/kubernetes pkg/apis/rbac/v1 VerbMatches, APIGroupMatches, ResourceMatches): `*` matches every
// verb, group or resource, and `*/sub` every resource's subresource `sub`. The same test is rendered to
// CEL for the admission templates and evaluated in TypeScript for the synth-time rules, so the two never
// judge a rule differently.
import { celString, celStringList } from '../policy-definition';

/**
 * Verbs on resources of one API group ('' is the core group). Resource `*` stands for every resource of
 * the group (not their subresources) and `x/*` for every subresource of `x`; verb `*` for every verb.
 */
export interface RbacGrant {
  readonly apiGroup: string;
  readonly resources: string[];
  readonly verbs: string[];
}

/** What a role rule must not give; a rule fails when it matches any part. */
export interface RuleTest {
  /** Rules giving one of these grants. */
  readonly grants?: RbacGrant[];
  /** Rules naming one of these verbs, on whatever resources (they mean nothing else). */
  readonly verbs?: string[];
  /** Rules with `*` in their verbs, API groups, resources (alone or before a subresource) or non-resource URLs. */
  readonly anyWildcard?: boolean;
  /** Rules giving every verb on every resource of every group (what cluster-admin gives). */
  readonly everything?: boolean;
}

/** A role rule as the RBAC API and the kubernetes provider spell it (camelCase or snake_case). */
export interface RoleRule {
  readonly apiGroups: string[];
  readonly resources: string[];
  readonly verbs: string[];
  readonly nonResourceURLs: string[];
}

function resourceMatches(ruleResource: string, wanted: string): boolean {
  if (ruleResource === '*') {
    return true;
  }
  if (wanted === '*') {
    return !ruleResource.includes('/');
  }
  if (wanted.endsWith('/*')) {
    return ruleResource.startsWith(wanted.slice(0, -1)) || ruleResource.startsWith('*/');
  }
  const slash = wanted.indexOf('/');
  return ruleResource === wanted || (slash > 0 && ruleResource === `*/${wanted.slice(slash + 1)}`);
}

function gives(rule: RoleRule, grant: RbacGrant): boolean {
  const group = rule.apiGroups.some((g) => g === '*' || g === grant.apiGroup);
  const resource = rule.resources.some((r) => grant.resources.some((w) => resourceMatches(r, w)));
  const verb = rule.verbs.some((v) => v === '*' || grant.verbs.includes('*') || grant.verbs.includes(v));
  return group && resource && verb;
}

/** True when the rule gives what the test forbids. */
export function ruleFails(rule: RoleRule, test: RuleTest): boolean {
  if (test.everything && rule.apiGroups.includes('*') && rule.resources.includes('*') && rule.verbs.includes('*')) {
    return true;
  }
  if (test.anyWildcard && (rule.verbs.includes('*') || rule.apiGroups.includes('*') || rule.resources.some((r) => r.includes('*')) || rule.nonResourceURLs.includes('*'))) {
    return true;
  }
  if ((test.verbs ?? []).some((v) => rule.verbs.includes(v))) {
    return true;
  }
  return (test.grants ?? []).some((g) => gives(rule, g));
}

// CEL of the same test over a rule bound to `r` (a PolicyRule of the admitted object).
const GROUPS = '(has(r.apiGroups) ? r.apiGroups : [])';
const RESOURCES = '(has(r.resources) ? r.resources : [])';
const VERBS = '(has(r.verbs) ? r.verbs : [])';
const URLS = '(has(r.nonResourceURLs) ? r.nonResourceURLs : [])';

function resourceCel(wanted: string): string {
  if (wanted === '*') {
    return "!x.contains('/')";
  }
  if (wanted.endsWith('/*')) {
    return `(x == '*' || x.startsWith(${celString(wanted.slice(0, -1))}) || x.startsWith('*/'))`;
  }
  const slash = wanted.indexOf('/');
  const sub = slash > 0 ? ` || x == ${celString(`*/${wanted.slice(slash + 1)}`)}` : '';
  return `(x == '*' || x == ${celString(wanted)}${sub})`;
}

function grantCel(grant: RbacGrant): string {
  const group = `${GROUPS}.exists(g, g == '*' || g == ${celString(grant.apiGroup)})`;
  const resource = `${RESOURCES}.exists(x, ${grant.resources.map(resourceCel).join(' || ')})`;
  const verb = grant.verbs.includes('*') ? `size(${VERBS}) > 0` : `${VERBS}.exists(v, v == '*' || v in ${celStringList(grant.verbs)})`;
  return `(${group} && ${resource} && ${verb})`;
}

/** The CEL condition that a rule `r` gives what the test forbids. */
export function ruleFailsCel(test: RuleTest): string {
  const parts: string[] = [];
  if (test.everything) {
    parts.push(`('*' in ${GROUPS} && '*' in ${RESOURCES} && '*' in ${VERBS})`);
  }
  if (test.anyWildcard) {
    parts.push(`('*' in ${VERBS} || '*' in ${GROUPS} || ${RESOURCES}.exists(x, x.contains('*')) || '*' in ${URLS})`);
  }
  if (test.verbs?.length) {
    parts.push(`${VERBS}.exists(v, v in ${celStringList(test.verbs)})`);
  }
  parts.push(...(test.grants ?? []).map(grantCel));
  return parts.join(' || ');
}

/** CEL describing a rule `r` for messages: `[get, list] on [secrets] in [core]`, or its non-resource URLs. */
export const DESCRIBE_RULE_CEL =
  `'[' + ${VERBS}.join(', ') + '] on ' + (has(r.nonResourceURLs) ? '[' + r.nonResourceURLs.join(', ') + ']' : ` +
  `'[' + ${RESOURCES}.join(', ') + '] in [' + ${GROUPS}.map(g, g == '' ? 'core' : g).join(', ') + ']')`;
