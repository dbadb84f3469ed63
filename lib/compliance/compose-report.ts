// Internal: one compliance report from the findings of a check, shared by synth (SynthRun) and the
// `check` command, so both write the same report for the same findings.
import { CisCatalog } from '../cis/catalog';
import { CisBenchmark } from '../cis/types';
import { compareStrings } from '../ordering';
import {
  APP_SCOPE,
  benchmarkEntries,
  citedBenchmarks,
  ComplianceReport,
  controlRows,
  REPORT_FORMAT,
  REPORT_FORMAT_VERSION,
  ReportFinding,
  ReportProblem,
  ruleEntry,
  summarize,
} from './report';
import { SourceLocation } from './source-location';
import { IComplianceRule, IRulePack } from './types';
import { RecordedWaiver } from './waiver-match';
import { ServedCluster } from '../kubernetes/served-cluster';

export interface ReportInput {
  /** The stack name, or APP_SCOPE. */
  readonly scope: string;
  readonly stacks: string[];
  readonly findings: ReportFinding[];
  readonly problems: ReportProblem[];
  readonly blocked: boolean;
  /** The applied rules, sorted by id. */
  readonly rules: IComplianceRule[];
  readonly packs: IRulePack[];
  readonly failOnUnknown: boolean;
  readonly benchmarks?: CisBenchmark[];
  /** Where the app created the resources of the findings (construct path to source location). */
  readonly sources: Record<string, SourceLocation>;
  /** The app's waivers (recorded in the app report for `check`). */
  readonly waivers: RecordedWaiver[];
  /** Which baseline serves which cluster (recorded in the app report, so `check` counts evidence per cluster too). */
  readonly served?: ServedCluster[];
  /** Construct paths of each stack's items that are not resources (recorded in the app report for `check`). */
  readonly itemPaths?: Record<string, Record<string, string>>;
}

/** The rules of packs as the engine holds them: one per id (a later pack's wins), sorted by id. */
export function rulesOfPacks(packs: IRulePack[]): IComplianceRule[] {
  const byId = new Map<string, IComplianceRule>();
  packs.forEach((p) => p.rules.forEach((r) => byId.set(r.metadata.id, r)));
  return [...byId.values()].sort((a, b) => compareStrings(a.metadata.id, b.metadata.id));
}

/** The benchmarks the reports list: the selected ones, or every one the applied rules cite. */
export function listedBenchmarks(rules: IComplianceRule[], benchmarks: CisBenchmark[] | undefined): CisBenchmark[] {
  return benchmarks ?? citedBenchmarks(rules);
}

export function composeReport(input: ReportInput): ComplianceReport {
  const listed = listedBenchmarks(input.rules, input.benchmarks);
  const cited = citedBenchmarks(input.rules);
  const all = CisCatalog.benchmarks().filter((b) => listed.includes(b) || cited.includes(b));
  const isApp = input.scope === APP_SCOPE;
  const controls = controlRows({ rules: input.rules, findings: input.findings, benchmarks: all, touchedOnly: !isApp });
  const paths = new Set(input.findings.map((f) => f.constructPath));
  const sources: Record<string, SourceLocation> = {};
  Object.keys(input.sources)
    .filter((p) => paths.has(p))
    .forEach((p) => (sources[p] = input.sources[p]));
  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    stack: input.scope,
    blocked: input.blocked,
    options: { failOnUnknown: input.failOnUnknown, benchmarks: input.benchmarks ?? null },
    benchmarks: benchmarkEntries(listed),
    packs: input.packs.map((p) => ({ name: p.name, rules: p.rules.map((r) => r.metadata.id) })),
    ...(isApp ? { rules: input.rules.map(ruleEntry) } : {}),
    stacks: input.stacks,
    summary: summarize(input.findings, input.failOnUnknown),
    findings: input.findings,
    problems: input.problems,
    controls: controls.rows,
    notCoveredReasons: controls.notCoveredReasons,
    sources,
    ...(isApp ? { waivers: input.waivers, servedClusters: input.served ?? [], itemPaths: input.itemPaths ?? {} } : {}),
  };
}
