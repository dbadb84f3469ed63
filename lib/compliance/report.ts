import { CisCatalog } from '../cis/catalog';
import { CisBenchmark, ControlImplementation } from '../cis/types';
import { KUBERNETES_NOT_COVERABLE } from './rules/kubernetes/not-coverable';
import { ComplianceStatus, Finding, IComplianceRule, RuleSeverity } from './types';

/** Status of one CIS control in one stack. */
export type ControlStatus = 'pass' | 'fail' | 'waived' | 'not covered';

export interface ControlRow {
  readonly benchmark: CisBenchmark;
  readonly id: string;
  readonly title: string;
  readonly implementation: ControlImplementation;
  readonly status: ControlStatus;
  readonly rules: string[];
  readonly note: string;
}

export interface ComplianceSummary {
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly waived: number;
  readonly unknown: number;
  readonly notApplicable: number;
  readonly blocking: number;
}

export interface StackReport {
  readonly stack: string;
  readonly packs: string[];
  readonly summary: ComplianceSummary;
  readonly findings: Finding[];
  readonly controls: ControlRow[];
}

/** True for a finding that fails synth: error severity, violated or unknown, not waived. */
export function isBlocking(f: Finding, failOnUnknown: boolean): boolean {
  if (f.severity !== RuleSeverity.ERROR || f.waiverReason !== undefined) {
    return false;
  }
  return f.status === ComplianceStatus.NON_COMPLIANT || (failOnUnknown && f.status === ComplianceStatus.UNKNOWN);
}

export function summarize(findings: Finding[], failOnUnknown: boolean): ComplianceSummary {
  const count = (status: ComplianceStatus) => findings.filter((f) => f.status === status && f.waiverReason === undefined).length;
  return {
    compliant: count(ComplianceStatus.COMPLIANT),
    nonCompliant: count(ComplianceStatus.NON_COMPLIANT),
    waived: findings.filter((f) => f.waiverReason !== undefined).length,
    unknown: count(ComplianceStatus.UNKNOWN),
    notApplicable: count(ComplianceStatus.NOT_APPLICABLE),
    blocking: findings.filter((f) => isBlocking(f, failOnUnknown)).length,
  };
}

const NOT_COVERED_NOTE: Record<ControlImplementation, string> = {
  [ControlImplementation.IAC]: 'no resource here is checked for it',
  [ControlImplementation.IN_CLUSTER]: 'in-cluster control: proven in the stack that holds the cluster baseline',
  [ControlImplementation.PLATFORM]: 'platform default: the provider or distribution satisfies it; nothing to configure',
  [ControlImplementation.PROCESS]: 'process control: needs organisational review',
};

/** One row per CIS control of every benchmark the applied rules cite; linear in rules, findings and controls. */
export function controlRows(rules: IComplianceRule[], findings: Finding[], only?: CisBenchmark[]): ControlRow[] {
  const rulesByControl = new Map<string, string[]>();
  for (const rule of rules) {
    for (const c of rule.metadata.cisControls) {
      const key = `${c.benchmark}/${c.id}`;
      rulesByControl.set(key, [...(rulesByControl.get(key) ?? []), rule.metadata.id]);
    }
  }
  const findingsByControl = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.status === ComplianceStatus.NOT_APPLICABLE) {
      continue;
    }
    for (const key of f.cisControls) {
      const list = findingsByControl.get(key);
      if (list) {
        list.push(f);
      } else {
        findingsByControl.set(key, [f]);
      }
    }
  }
  const cited = [...new Set(rules.flatMap((r) => r.metadata.cisControls.map((c) => c.benchmark)))].sort();
  const benchmarks = only ? cited.filter((b) => only.includes(b)) : cited;
  const rows: ControlRow[] = [];
  for (const benchmark of benchmarks) {
    for (const control of CisCatalog.controls(benchmark)) {
      const key = `${benchmark}/${control.id}`;
      const ruleIds = rulesByControl.get(key) ?? [];
      const status = controlStatus(findingsByControl.get(key) ?? []);
      rows.push({
        benchmark,
        id: control.id,
        title: control.title,
        implementation: control.implementation,
        status,
        rules: ruleIds,
        note: status === 'not covered' ? notCoveredNote(benchmark, control.id, control.implementation, ruleIds.length > 0) : '',
      });
    }
  }
  return rows;
}

function notCoveredNote(benchmark: CisBenchmark, id: string, implementation: ControlImplementation, hasRules: boolean): string {
  const notCoverable = KUBERNETES_NOT_COVERABLE.find((n) => n.control.benchmark === benchmark && n.control.id === id);
  if (notCoverable) {
    return `not coverable at synth time: ${notCoverable.reason}`;
  }
  return hasRules ? 'no applicable resource here' : NOT_COVERED_NOTE[implementation];
}

function controlStatus(findings: Finding[]): ControlStatus {
  if (findings.length === 0) {
    return 'not covered';
  }
  const open = findings.filter((f) => f.waiverReason === undefined);
  if (open.some((f) => f.status !== ComplianceStatus.COMPLIANT)) {
    return 'fail';
  }
  return open.length < findings.length ? 'waived' : 'pass';
}
