// Internal: one synth of an app under the compliance engine. Every stack is checked as it is
// synthesized; after the last one the app is judged as a whole, so all findings of all stacks are
// reported at once, and the output directory is left either green and complete or marked BLOCKED.
import * as fs from 'fs';
import * as path from 'path';
import { AnnotationMetadataEntryType, App, Manifest, TerraformStack } from 'cdktf';
import { CisBenchmark } from '../cis/types';
import { compareStrings } from '../ordering';
import { complianceBlocked, sharedStackName, stackNotChecked } from '../errors';
import { blockedMessage, BlockedStack, failLine, fixLines } from './blocked-message';
import { elementPaths } from './element-paths';
import { judgeApp } from './judge-app';
import { composeReport, listedBenchmarks } from './compose-report';
import { creationSites } from './creation-sites';
import { claimOutdir, clearEarlierOutput, removeStackFolders, REPORT_JSON, REPORT_MD, REPORT_SARIF, writeOutput } from './outdir';
import { APP_SCOPE, ComplianceReport, isBlocking, ReportFinding, ReportProblem } from './report';
import { renderMarkdown, renderSummaryLine } from './report-markdown';
import { renderSarif } from './report-sarif';
import { SourceLocation } from './source-location';
import { StackResources } from './rule-context';
import { IComplianceRule, IRulePack } from './types';
import { WaiverIndex } from './waivers';
import { ServedCluster, servedClusters } from '../kubernetes/served-cluster';

export interface SynthRunConfig {
  readonly app: App;
  readonly outdir: string;
  readonly manifest: Manifest;
  /** Every stack of the app, in the order cdktf synthesizes them. */
  readonly stacks: TerraformStack[];
  /** The applied rules, sorted by id. */
  readonly rules: IComplianceRule[];
  readonly rulesByType: Map<string, IComplianceRule[]>;
  readonly packs: IRulePack[];
  readonly failOnUnknown: boolean;
  readonly printSummary: boolean;
  readonly benchmarks?: CisBenchmark[];
  /**
   * Report a blocked synth as error annotations in the manifest instead of throwing: the cdktf CLI sets
   * CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS and then prints each annotation once and fails itself.
   * Set, it also means the CLI removes retired stack folders after the app has run.
   */
  readonly annotate: boolean;
}

interface StackResult {
  readonly stack: TerraformStack;
  readonly resources: StackResources;
  /** Construct paths of the stack's items whose JSON has none (providers, backend, data sources). */
  readonly itemPaths: Map<string, string>;
  findings: ReportFinding[];
}

export class SynthRun {
  private readonly results = new Map<string, StackResult>();
  private readonly waivers: WaiverIndex;
  private readonly stackNames: string[];
  private sourceSites?: Record<string, SourceLocation>;

  /** Which baseline serves which cluster, read from the construct tree once. */
  private readonly served: ServedCluster[];

  constructor(private readonly config: SynthRunConfig) {
    this.waivers = new WaiverIndex(config.app);
    this.served = servedClusters(config.app);
    this.stackNames = config.stacks.map((s) => s.node.id);
  }

  /** Before anything is written: refuse another app's directory, then clear what an earlier synth left. */
  public begin(): void {
    claimOutdir(this.config.outdir, this.stackNames);
    clearEarlierOutput(this.config.outdir, this.stackNames, this.config.annotate);
  }

  public isLast(stack: TerraformStack): boolean {
    return this.config.stacks[this.config.stacks.length - 1] === stack;
  }

  /** Reads a stack's synthesized JSON (overrides included); its rules run once every stack is read. */
  public check(stack: TerraformStack): void {
    const stackJson = this.config.app.hclOutput
      ? stack.toTerraform()
      : JSON.parse(fs.readFileSync(path.join(this.config.outdir, this.config.manifest.forStack(stack).synthesizedStackPath), 'utf-8'));
    const itemPaths = elementPaths(stack);
    const resources = new StackResources(stack.node.id, stackJson, itemPaths);
    this.results.set(stack.node.path, { stack, resources, itemPaths, findings: [] });
  }

  /** Judges the app once every stack is checked: writes the green reports, or reports every blocking finding at once. */
  public finish(): void {
    const results = this.config.stacks.map((s) => this.results.get(s.node.path)).filter((r): r is StackResult => r !== undefined);
    // Rules see the whole app (a stack reading another's state), so every stack is evaluated at the end.
    const judged = judgeApp({ stacks: results.map((r) => r.resources), rules: this.config.rules, rulesByType: this.config.rulesByType, waivers: this.waivers, served: this.served });
    for (const r of results) {
      r.findings = judged.get(r.stack.node.id) ?? [];
    }
    const problems = this.problems();
    const findings = results.flatMap((r) => r.findings);
    const blocking = findings.filter((f) => isBlocking(f, this.config.failOnUnknown));
    const blocked = blocking.length > 0 || problems.length > 0;
    const appReport = this.report(APP_SCOPE, this.stackNames, findings, problems, blocked);
    if (!blocked) {
      for (const r of results) {
        this.write(path.join('stacks', r.stack.node.id), this.report(r.stack.node.id, [r.stack.node.id], r.findings, [], false));
      }
      this.write('', appReport);
      return;
    }
    this.write('', appReport);
    const blockedStacks: BlockedStack[] = results.map((r) => ({
      name: r.stack.node.id,
      path: r.stack.node.path,
      blocking: r.findings.filter((f) => isBlocking(f, this.config.failOnUnknown)),
    }));
    const stackCount = blockedStacks.filter((s) => s.blocking.length > 0).length;
    const counts = `${blocking.length} unwaived error-level finding(s) in ${stackCount} stack(s)${problems.length ? `, ${problems.length} set-up problem(s)` : ''}`;
    if (this.config.annotate) {
      // The manifest is output: name the report relative to it, never by an absolute path.
      this.annotate(`Compliance: synth blocked by ${counts}. Report (BLOCKED): ${REPORT_MD} beside this manifest.`, blockedStacks, problems);
      return;
    }
    const reportPath = path.join(this.config.outdir, REPORT_MD);
    removeStackFolders(this.config.outdir, this.stackNames);
    throw complianceBlocked(
      blockedMessage(
        `Compliance: synth blocked by ${counts}. The output holds only the BLOCKED report: ${reportPath}`,
        blockedStacks,
        problems,
        new Map(this.config.rules.map((r) => [r.metadata.id, r])),
        this.listedCisKey(),
      ),
    );
  }

  private problems(): ReportProblem[] {
    const unchecked: ReportProblem[] = this.config.stacks
      .filter((s) => !this.results.has(s.node.path))
      .map((s) => ({ kind: 'unchecked-stack', constructPath: s.node.path, message: stackNotChecked(s.node.path) }));
    const waivers: ReportProblem[] = this.waivers
      .problems(
        new Set(this.config.rules.map((r) => r.metadata.id)),
        this.config.packs.map((p) => p.name),
        new Set(this.config.rules.filter((r) => r.metadata.waivable === false).map((r) => r.metadata.id)),
      )
      .map((p) => ({ kind: 'waiver', constructPath: p.scopePath, message: p.message }));
    return [...unchecked, ...this.sharedStackNames(), ...waivers];
  }

  /** Stacks of one name (nested in different constructs): cdktf writes both to one folder, their state keys clash. */
  private sharedStackNames(): ReportProblem[] {
    const byName = new Map<string, TerraformStack[]>();
    for (const s of this.config.stacks) {
      byName.set(s.node.id, [...(byName.get(s.node.id) ?? []), s]);
    }
    return [...byName.entries()]
      .filter(([, same]) => same.length > 1)
      .map(([name, same]) => ({ kind: 'stack-name' as const, constructPath: same[1].node.path, message: sharedStackName(name, same.map((s) => s.node.path)) }));
  }

  private report(scope: string, stacks: string[], findings: ReportFinding[], problems: ReportProblem[], blocked: boolean): ComplianceReport {
    const { rules, packs, failOnUnknown, benchmarks } = this.config;
    return composeReport({ scope, stacks, findings, problems, blocked, rules, packs, failOnUnknown, benchmarks, sources: this.sources(), waivers: this.waivers.recorded(), served: this.served, itemPaths: this.itemPaths() });
  }

  /** Where the app created the resources of all findings, relative to the project root (the app's working directory). */
  private sources(): Record<string, SourceLocation> {
    if (!this.sourceSites) {
      const paths = [...this.results.values()].flatMap((r) => r.findings.map((f) => f.constructPath));
      this.sourceSites = creationSites(this.config.app, paths, process.cwd());
    }
    return this.sourceSites;
  }

  /** The construct paths of every stack's items that are not resources, by stack name, for `check`. */
  private itemPaths(): Record<string, Record<string, string>> {
    const out: Record<string, Record<string, string>> = {};
    for (const r of this.results.values()) {
      out[r.stack.node.id] = Object.fromEntries([...r.itemPaths.entries()].sort(([a], [b]) => compareStrings(a, b)));
    }
    return out;
  }

  /** The benchmarks the reports list: the selected ones, or every one the applied rules cite. */
  private listedBenchmarks(): CisBenchmark[] {
    return listedBenchmarks(this.config.rules, this.config.benchmarks);
  }

  private listedCisKey(): (key: string) => boolean {
    const listed = this.listedBenchmarks();
    return (key) => listed.some((b) => key.startsWith(`${b}/`));
  }

  private write(folder: string, report: ComplianceReport): void {
    writeOutput(this.config.outdir, path.join(folder, REPORT_JSON), JSON.stringify(report, null, 2) + '\n');
    writeOutput(this.config.outdir, path.join(folder, REPORT_MD), renderMarkdown(report));
    writeOutput(this.config.outdir, path.join(folder, REPORT_SARIF), renderSarif(report, this.config.rules));
    if (this.config.printSummary && !report.blocked) {
      process.stdout.write(renderSummaryLine(report, path.join(folder, REPORT_MD)) + '\n');
    }
  }

  /** One error annotation per blocking finding and problem, on the stack that holds it; the CLI prints each once. */
  private annotate(headline: string, stacks: BlockedStack[], problems: ReportProblem[]): void {
    const rulesById = new Map(this.config.rules.map((r) => [r.metadata.id, r]));
    const listed = this.listedCisKey();
    const push = (stack: TerraformStack, constructPath: string, message: string) =>
      (this.config.manifest.forStack(stack).annotations as any[]).push({ constructPath, level: AnnotationMetadataEntryType.ERROR, message });
    push(this.config.stacks[0], this.config.stacks[0].node.path, headline);
    for (const s of stacks) {
      const stack = this.config.stacks.find((x) => x.node.path === s.path)!;
      for (const f of s.blocking) {
        push(stack, f.constructPath, [failLine(f, listed), ...fixLines(f, s.path, rulesById.get(f.ruleId)).map((l) => `  ${l}`)].join('\n'));
      }
    }
    for (const p of problems) {
      const holder = this.config.stacks.find((s) => p.constructPath === s.node.path || p.constructPath.startsWith(`${s.node.path}/`)) ?? this.config.stacks[0];
      push(holder, p.constructPath || holder.node.path, `PROBLEM ${p.message}`);
    }
  }
}
