// Internal: the report model written to compliance.json (machine readable, complete) and rendered to
// compliance.md. A control's status is judged from its evidence in one place (judgeControl), so other
// kinds of evidence can join the resource findings later.
import { CisCatalog } from '../cis/catalog';
import { CisBenchmark, ControlImplementation } from '../cis/types';
import { compareStrings } from '../ordering';
import { benchmarkLabel } from './benchmark-label';
import { notCoveredReason } from './not-covered';
import { requirementsOf } from './rule-evidence';
import { SourceLocation } from './source-location';
import { ComplianceStatus, Finding, IComplianceRule, RuleSeverity } from './types';
import { RecordedWaiver } from './waiver-match';
import { ServedCluster } from '../kubernetes/served-cluster';

/** Marks a compliance.json this engine wrote; readers check it before trusting the rest. */
export const REPORT_FORMAT = 'cdktf-hardened-k8s/compliance-report';
export const REPORT_FORMAT_VERSION = 3;

/** Status of one CIS control. */
export type ControlStatus = 'pass' | 'fail' | 'waived' | 'not covered';

/** A finding with the stack it was found in. */
export interface ReportFinding extends Finding {
  readonly stack: string;
}

/** A finding the library waived for its own resources, listed on the control it would otherwise fail. */
export interface ControlException {
  readonly ruleId: string;
  readonly stack: string;
  readonly constructPath: string;
  readonly address: string;
  readonly reason: string;
}

/** How many findings speak for or against a control. */
export interface ControlEvidence {
  readonly compliant: number;
  readonly nonCompliant: number;
  readonly unknown: number;
  /** Waived by the app (`Compliance.waive`). */
  readonly waived: number;
  /** Waived by the library for its own resources. */
  readonly exceptions: number;
}

export interface ControlRow {
  readonly benchmark: CisBenchmark;
  readonly id: string;
  readonly title: string;
  readonly implementation: ControlImplementation;
  readonly status: ControlStatus;
  /** Applied rules that prove the control. */
  readonly rules: string[];
  readonly evidence: ControlEvidence;
  readonly exceptions: ControlException[];
  /** Why the control is not covered: a key of the report's `notCoveredReasons`. */
  readonly notCovered?: string;
}

export interface ComplianceSummary {
  readonly compliant: number;
  readonly nonCompliant: number;
  /** Findings waived by the app. */
  readonly waived: number;
  /** Findings waived by the library for its own resources. */
  readonly exceptions: number;
  readonly unknown: number;
  readonly notApplicable: number;
  readonly blocking: number;
}

/** Something wrong with the app's compliance set-up that blocks synth like a finding (e.g. a mistyped waiver). */
export interface ReportProblem {
  readonly kind: 'waiver' | 'unchecked-stack' | 'stack-name';
  /** Construct path the problem is attached to ('' for the app). */
  readonly constructPath: string;
  readonly message: string;
}

export interface AppliedPack {
  readonly name: string;
  readonly rules: string[];
}

export interface ReportOptions {
  readonly failOnUnknown: boolean;
  /** The benchmarks the app selected, or null for every benchmark the applied rules cite. */
  readonly benchmarks: CisBenchmark[] | null;
}

/** compliance.json: of the whole app (`stack` is `(app)`) or of one stack. */
export interface ComplianceReport {
  readonly format: typeof REPORT_FORMAT;
  readonly formatVersion: number;
  readonly stack: string;
  /** True when synth was stopped: unwaived error-level findings or problems anywhere in the app. */
  readonly blocked: boolean;
  readonly options: ReportOptions;
  /** The benchmarks compliance.md lists (the selected ones, else every one the applied rules cite). */
  readonly benchmarks: Array<{ readonly id: CisBenchmark; readonly label: string }>;
  readonly packs: AppliedPack[];
  /** Metadata of every applied rule (app report only). */
  readonly rules?: Array<Record<string, unknown>>;
  /** The stacks the report covers (the app report lists every stack of the app). */
  readonly stacks: string[];
  readonly summary: ComplianceSummary;
  readonly findings: ReportFinding[];
  readonly problems: ReportProblem[];
  /** The app report: every control of the listed and the cited benchmarks; a stack report: the controls its findings touch. */
  readonly controls: ControlRow[];
  readonly notCoveredReasons: Record<string, string>;
  /** Where the app created each resource the findings name (construct path to file, line, column), when known. */
  readonly sources?: Record<string, SourceLocation>;
  /** The app's waivers (app report only), so `check` judges a plan with them without running the app. */
  readonly waivers?: RecordedWaiver[];
  /** Which baseline serves which cluster (app report only), so `check` counts evidence per cluster. */
  readonly servedClusters?: ServedCluster[];
  /**
   * The construct paths of each stack's providers, backend, data sources, variables and locals, by stack
   * and address (app report only): their JSON has none, and `check` names them as synth does.
   */
  readonly itemPaths?: Record<string, Record<string, string>>;
}

export const APP_SCOPE = '(app)';

/** True for a finding that fails synth: error severity, violated or unknown, not waived. */
export function isBlocking(f: Finding, failOnUnknown: boolean): boolean {
  if (f.severity !== RuleSeverity.ERROR || f.waiverReason !== undefined) {
    return false;
  }
  return f.status === ComplianceStatus.NON_COMPLIANT || (failOnUnknown && f.status === ComplianceStatus.UNKNOWN);
}

export function summarize(findings: Finding[], failOnUnknown: boolean): ComplianceSummary {
  const open = (status: ComplianceStatus) => findings.filter((f) => f.status === status && f.waiverReason === undefined).length;
  return {
    compliant: open(ComplianceStatus.COMPLIANT),
    nonCompliant: open(ComplianceStatus.NON_COMPLIANT),
    waived: findings.filter((f) => f.waiverReason !== undefined && !f.builtInWaiver).length,
    exceptions: findings.filter((f) => f.builtInWaiver).length,
    unknown: open(ComplianceStatus.UNKNOWN),
    notApplicable: open(ComplianceStatus.NOT_APPLICABLE),
    blocking: findings.filter((f) => isBlocking(f, failOnUnknown)).length,
  };
}

/** A control's status from its evidence: no evidence is not covered; an open violation fails; exceptions alone still pass. */
export function judgeControl(evidence: ControlEvidence): ControlStatus {
  if (evidence.compliant + evidence.nonCompliant + evidence.unknown + evidence.waived + evidence.exceptions === 0) {
    return 'not covered';
  }
  if (evidence.nonCompliant + evidence.unknown > 0) {
    return 'fail';
  }
  return evidence.waived > 0 ? 'waived' : 'pass';
}

export interface ControlInput {
  readonly rules: IComplianceRule[];
  readonly findings: ReportFinding[];
  readonly benchmarks: CisBenchmark[];
  /** Only the controls some finding touches (a stack report), instead of every control of the benchmarks. */
  readonly touchedOnly: boolean;
}

/** One row per CIS control of the benchmarks; linear in rules, findings and controls. */
export function controlRows(input: ControlInput): { rows: ControlRow[]; notCoveredReasons: Record<string, string> } {
  const rulesByControl = new Map<string, string[]>();
  for (const rule of input.rules) {
    for (const c of rule.metadata.cisControls) {
      const key = `${c.benchmark}/${c.id}`;
      rulesByControl.set(key, [...(rulesByControl.get(key) ?? []), rule.metadata.id]);
    }
  }
  const findingsByControl = new Map<string, ReportFinding[]>();
  for (const f of input.findings) {
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
  const rows: ControlRow[] = [];
  const reasons: Record<string, string> = {};
  for (const benchmark of input.benchmarks) {
    for (const control of CisCatalog.controls(benchmark)) {
      const key = `${benchmark}/${control.id}`;
      const findings = findingsByControl.get(key) ?? [];
      if (input.touchedOnly && findings.length === 0) {
        continue;
      }
      const ruleIds = rulesByControl.get(key) ?? [];
      const evidence = evidenceOf(findings);
      const status = judgeControl(evidence);
      const row: ControlRow = {
        benchmark,
        id: control.id,
        title: control.title,
        implementation: control.implementation,
        status,
        rules: ruleIds,
        evidence,
        exceptions: findings.filter((f) => f.builtInWaiver).map(exceptionOf),
      };
      if (status === 'not covered') {
        const why = notCoveredReason(benchmark, control.id, control.implementation, ruleIds.length > 0);
        reasons[why.key] = why.reason;
        rows.push({ ...row, notCovered: why.key });
      } else {
        rows.push(row);
      }
    }
  }
  const sortedReasons: Record<string, string> = {};
  Object.keys(reasons)
    .sort(compareStrings)
    .forEach((k) => (sortedReasons[k] = reasons[k]));
  return { rows, notCoveredReasons: sortedReasons };
}

function evidenceOf(findings: Finding[]): ControlEvidence {
  const open = (status: ComplianceStatus) => findings.filter((f) => f.waiverReason === undefined && f.status === status).length;
  return {
    compliant: open(ComplianceStatus.COMPLIANT),
    nonCompliant: open(ComplianceStatus.NON_COMPLIANT),
    unknown: open(ComplianceStatus.UNKNOWN),
    waived: findings.filter((f) => f.waiverReason !== undefined && !f.builtInWaiver).length,
    exceptions: findings.filter((f) => f.builtInWaiver).length,
  };
}

function exceptionOf(f: ReportFinding): ControlException {
  return { ruleId: f.ruleId, stack: f.stack, constructPath: f.constructPath, address: f.address, reason: f.waiverReason ?? '' };
}

/** The benchmarks every applied rule cites, in catalog order. */
export function citedBenchmarks(rules: IComplianceRule[]): CisBenchmark[] {
  const cited = new Set(rules.flatMap((r) => r.metadata.cisControls.map((c) => c.benchmark)));
  return CisCatalog.benchmarks().filter((b) => cited.has(b));
}

/** `[{ id, label }]` for the report header. */
export function benchmarkEntries(benchmarks: CisBenchmark[]): Array<{ id: CisBenchmark; label: string }> {
  return benchmarks.map((id) => ({ id, label: benchmarkLabel(id) }));
}

/** The metadata of a rule as compliance.json records it. */
export function ruleEntry(rule: IComplianceRule): Record<string, unknown> {
  const m = rule.metadata;
  return {
    id: m.id,
    title: m.title,
    severity: m.severity,
    remediation: m.remediation,
    remediationTargets: m.remediationTargets ?? [],
    cisControls: m.cisControls.map((c) => `${c.benchmark}/${c.id}`),
    resourceTypes: m.resourceTypes,
    waivable: m.waivable !== false,
    ...(m.evidence
      ? {
          evidence: {
            protects: m.evidence.protects,
            requirements: requirementsOf(rule).map((r) => ({ id: r.id, description: r.description, cisControls: r.cisControls.map((c) => `${c.benchmark}/${c.id}`) })),
          },
        }
      : {}),
  };
}
