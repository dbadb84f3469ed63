// Internal: control evidence. Once every stack is checked, each rule that declares what it protects must
// have a finding for every protected thing of the app and every part of its evidence; where one is
// missing, the engine adds a non-compliant "no evidence" finding, so removing the resource that enforces
// a control (a constraint, the mesh, an add-on) fails the control instead of dropping it from the report.
import { PolicyEngine } from '../kubernetes/cluster';
import { ServedCluster } from '../kubernetes/served-cluster';
import { compareStrings } from '../ordering';
import { ReportFinding } from './report';
import { existenceDecidedAtPlan } from './resource-existence';
import { controlKey, requirementsOf } from './rule-evidence';
import { StackResources } from './rule-context';
import { ComplianceStatus, EvidenceRequirement, EvidenceSubject, IComplianceRule, IResolvedResource } from './types';
import { IWaiverMatcher } from './waiver-match';

/** Terraform types of the clusters an app can create. */
export const CLUSTER_RESOURCE_TYPES = ['azurerm_kubernetes_cluster', 'rancher2_cluster_v2'];

/** One checked stack: its name, resources and findings. */
export interface CheckedStack {
  readonly name: string;
  readonly resources: StackResources;
  readonly findings: ReportFinding[];
}

/** A protected thing of the app, where its "no evidence" finding goes and which findings speak for it. */
interface Subject {
  readonly stack: string;
  readonly constructPath: string;
  readonly address: string;
  /** The thing, for the message, e.g. `cluster "aks-prod" (azurerm_kubernetes_cluster.aks in stack infra)`. */
  readonly label: string;
  /** Where its evidence was looked for, for the message. */
  readonly scope: string;
  readonly gatekeeper: boolean;
  speaksFor(finding: ReportFinding): boolean;
}

export interface EvidenceInput {
  readonly rules: IComplianceRule[];
  readonly stacks: CheckedStack[];
  readonly served: ServedCluster[];
  readonly waivers: IWaiverMatcher;
}

/** The "no evidence" findings of the app, each in the stack of the thing it protects. */
export function missingEvidence(input: EvidenceInput): ReportFinding[] {
  const rules = input.rules.filter((r) => r.metadata.evidence);
  if (rules.length === 0) {
    return [];
  }
  const clusters = clusterSubjects(input.stacks, input.served);
  const notEvidence = findingsThatCannotProve(input.stacks, input.served);
  const out: ReportFinding[] = [];
  for (const rule of rules) {
    const m = rule.metadata;
    const requirements = requirementsOf(rule);
    const findings = input.stacks.flatMap((s) => s.findings).filter((f) => f.ruleId === m.id && f.status !== ComplianceStatus.NOT_APPLICABLE);
    for (const subject of subjectsOf(m.evidence!.protects, clusters, input.stacks)) {
      const spoken = findings.filter((f) => subject.speaksFor(f));
      const mine = spoken.filter((f) => !notEvidence(f));
      const missing = requirements.filter((r) => !mine.some((f) => (f.evidence ?? []).includes(r.id)));
      if (missing.length === 0) {
        continue;
      }
      const discounted = [...new Set(spoken.map(notEvidence).filter((why): why is string => why !== undefined))];
      const controls = new Set(missing.flatMap((r) => r.cisControls.map(controlKey)));
      const waiver = m.waivable === false ? undefined : input.waivers.match(m.id, subject.constructPath);
      out.push({
        stack: subject.stack,
        ruleId: m.id,
        title: m.title,
        severity: m.severity,
        status: ComplianceStatus.NON_COMPLIANT,
        cisControls: m.cisControls.map(controlKey).filter((k) => controls.has(k)),
        constructPath: subject.constructPath,
        address: subject.address,
        message: `no evidence for ${subject.label} ${subject.scope}: ${needs(missing, requirements.length)}` +
          (discounted.length ? ` (not counted: ${discounted.join('; ')})` : ''),
        waiverReason: waiver?.reason,
        ...(waiver?.builtIn ? { builtInWaiver: true } : {}),
        evidence: missing.map((r) => r.id),
        noEvidence: true,
      });
    }
  }
  return out;
}

/**
 * Why a finding cannot count as evidence, if it cannot: its resource exists only if a `count` or
 * `for_each` decided at plan says so, or (in a baseline's stacks, whose default providers are the
 * connection to the baseline's cluster) it goes through an aliased provider, so to another cluster.
 */
function findingsThatCannotProve(stacks: CheckedStack[], served: ServedCluster[]): (f: ReportFinding) => string | undefined {
  const baselineStacks = new Set(served.flatMap((s) => s.stackNames));
  const reasons = new Map<string, string>();
  for (const stack of stacks) {
    for (const r of stack.resources.all()) {
      const conditional = existenceDecidedAtPlan(r.config);
      const provider = r.config.provider;
      if (conditional) {
        reasons.set(`${stack.name}\u0000${r.address}`, `${r.address} exists only if ${conditional} says so at plan`);
      } else if (baselineStacks.has(stack.name) && typeof provider === 'string' && provider.includes('.')) {
        reasons.set(`${stack.name}\u0000${r.address}`, `${r.address} goes through provider ${provider}, not the baseline's connection to its cluster`);
      }
    }
  }
  return (f) => reasons.get(`${f.stack}\u0000${f.address}`);
}

/** What is missing: each part's description, or for many parts their ids. */
function needs(missing: EvidenceRequirement[], total: number): string {
  if (missing.length <= 3) {
    return `needs ${missing.map((r) => r.description).join('; ')}`;
  }
  return `needs ${missing.length} of its ${total} parts, e.g. ${missing[0].description}; missing: ${missing.map((r) => r.id).join(', ')}`;
}

function subjectsOf(protects: string[], clusters: Subject[], stacks: CheckedStack[]): Subject[] {
  const subjects: Subject[] = [];
  for (const kind of protects) {
    if (kind === EvidenceSubject.KUBERNETES_CLUSTER) {
      subjects.push(...clusters);
    } else if (kind === EvidenceSubject.GATEKEEPER_CLUSTER) {
      subjects.push(...clusters.filter((c) => c.gatekeeper));
    } else {
      subjects.push(...stacks.flatMap((s) => s.resources.resourcesOfType(kind).map((r) => resourceSubject(s, r))));
    }
  }
  // A thing named twice (a cluster that is also a protected resource type) needs evidence once.
  return [...new Map(subjects.map((s) => [`${s.stack}\u0000${s.constructPath}\u0000${s.address}`, s])).values()];
}

/** A resource: the findings on it, on what it references and on what references it, in its stack. */
function resourceSubject(stack: CheckedStack, resource: IResolvedResource): Subject {
  const text = JSON.stringify(resource.config);
  return {
    stack: stack.name,
    constructPath: resource.constructPath,
    address: resource.address,
    label: resource.address,
    scope: `in stack ${stack.name}`,
    gatekeeper: false,
    speaksFor: (f) => {
      if (f.stack !== stack.name) {
        return false;
      }
      if (f.address === resource.address || text.includes(`\${${f.address}.`) || text.includes(`\${${f.address}}`)) {
        return true;
      }
      const other = stack.resources.byAddress(f.address);
      return other !== undefined && JSON.stringify(other.config).includes(`\${${resource.address}.`);
    },
  };
}

/**
 * The clusters of the app. A cluster some ClusterBaseline serves is judged on the findings of the stacks
 * of every baseline serving it, and its finding goes on the first of them; a cluster resource no baseline
 * serves is judged on the findings of the stacks no baseline owns.
 */
function clusterSubjects(stacks: CheckedStack[], served: ServedCluster[]): Subject[] {
  const baselineStacks = new Set(served.flatMap((s) => s.stackNames));
  const unowned = (f: ReportFinding) => !baselineStacks.has(f.stack);
  const groups = new Map<string, ServedCluster[]>();
  for (const s of served) {
    const key = s.clusterPath ?? `baseline:${s.baselinePath}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const subjects: Subject[] = [];
  const linked = new Set<string>();
  for (const stack of stacks) {
    for (const type of CLUSTER_RESOURCE_TYPES) {
      for (const r of stack.resources.resourcesOfType(type)) {
        const group = [...groups.entries()].find(([key]) => !key.startsWith('baseline:') && covers(key, r.constructPath));
        if (group) {
          linked.add(group[0]);
          subjects.push(baselineSubject(group[1], `cluster ${JSON.stringify(group[1][0].clusterName)} (${r.address} in stack ${stack.name})`));
          continue;
        }
        subjects.push({
          stack: stack.name,
          constructPath: r.constructPath,
          address: r.address,
          label: `cluster ${r.address}`,
          scope: 'in the stacks no ClusterBaseline owns (no baseline serves this cluster)',
          gatekeeper: !(type === 'azurerm_kubernetes_cluster' && r.config.azure_policy_enabled === true),
          speaksFor: unowned,
        });
      }
    }
  }
  for (const [key, group] of groups) {
    if (!linked.has(key)) {
      subjects.push(baselineSubject(group, `cluster ${JSON.stringify(group[0].clusterName)} (given by attributes)`));
    }
  }
  return subjects.sort((a, b) => compareStrings(a.stack, b.stack) || compareStrings(a.constructPath, b.constructPath));
}

function baselineSubject(group: ServedCluster[], label: string): Subject {
  const stackNames = new Set(group.flatMap((s) => s.stackNames));
  const first = group[0];
  return {
    stack: first.reportStackName,
    constructPath: first.baselinePath,
    address: 'provider.kubernetes',
    label,
    scope: `in the stacks of ClusterBaseline ${group.map((s) => s.baselinePath).join(', ')}`,
    gatekeeper: group.every((s) => s.policyEngine === PolicyEngine.GATEKEEPER),
    speaksFor: (f) => stackNames.has(f.stack),
  };
}

function covers(scopePath: string, constructPath: string): boolean {
  return constructPath === scopePath || constructPath.startsWith(`${scopePath}/`);
}
