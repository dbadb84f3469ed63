import * as fs from 'fs';
import * as path from 'path';
import { App, ISynthesisSession, IStackSynthesizer, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CisBenchmark } from '../cis/types';
import { complianceFailed, stacksNotChecked, unusedWaivers } from '../errors';
import { evaluateStack, indexRulesByType } from './evaluate';
import { controlRows, isBlocking, StackReport, summarize } from './report';
import { renderMarkdown, renderSummaryLine } from './report-markdown';
import { StackResources } from './rule-context';
import { validateRule } from './rule-pack';
import { Finding, IComplianceRule, IRulePack } from './types';
import { addWaiver, WaiverIndex } from './waivers';
import { compareStrings } from '../ordering';

/** Options of the compliance check. */
export interface ComplianceOptions {
  /**
   * Treat an error-level rule whose input is unknown at synth time as blocking (unknown is never a pass).
   * @default true
   */
  readonly failOnUnknown?: boolean;
  /**
   * Print a one-line summary per stack to the console during synth.
   * @default true
   */
  readonly printSummary?: boolean;
  /**
   * Benchmarks whose controls the reports list.
   * @default - every benchmark the applied rules cite
   */
  readonly benchmarks?: CisBenchmark[];
}

const ENGINES = new WeakMap<App, Compliance>();
const CHECKED = Symbol.for('cdktf-hardened-k8s.compliance-synthesizer');

/**
 * The compliance engine of an app. `Compliance.of(app).apply(new CisAksPack())` checks every resource
 * of every stack at synth time, writes `compliance.json` and `compliance.md` beside each stack's
 * `cdk.tf.json`, and fails synth on unwaived error-level findings.
 */
export class Compliance {
  /** The engine of the app that holds the scope, created on first use. */
  public static of(scope: IConstruct, options?: ComplianceOptions): Compliance {
    const app = App.of(scope);
    let engine = ENGINES.get(app);
    if (!engine) {
      engine = new Compliance(app, options ?? {});
      ENGINES.set(app, engine);
    }
    return engine;
  }

  /**
   * Accepts a rule's findings on a construct and everything below it. The reason is required
   * (at least 10 characters) and stays in the report; a waiver that matches no finding fails synth.
   */
  public static waive(scope: IConstruct, ruleId: string, reason: string): void {
    addWaiver(scope, { ruleId, reason });
  }

  private readonly app: App;
  private readonly failOnUnknown: boolean;
  private readonly printSummary: boolean;
  private readonly benchmarks?: CisBenchmark[];
  private readonly appFindings: Finding[] = [];
  private readonly packs: IRulePack[] = [];
  private readonly rules = new Map<string, IComplianceRule>();
  private readonly checkedStacks = new Set<string>();
  private readonly writtenDirs: string[] = [];
  private waivers?: WaiverIndex;
  /** Fixed once synth starts: the applied rules sorted by id, and indexed by resource type. */
  private synthRules?: { sorted: IComplianceRule[]; byType: Map<string, IComplianceRule[]> };

  private constructor(app: App, options: ComplianceOptions) {
    this.app = app;
    this.failOnUnknown = options.failOnUnknown ?? true;
    this.printSummary = options.printSummary ?? true;
    this.benchmarks = options.benchmarks;
    app.node.addValidation({ validate: () => this.validateApp() });
  }

  /** Adds a pack's rules (a rule in several packs runs once) and hooks every stack. */
  public apply(pack: IRulePack): Compliance {
    for (const rule of pack.rules) {
      validateRule(rule);
      this.rules.set(rule.metadata.id, rule);
    }
    this.packs.push(pack);
    this.hookStacks();
    return this;
  }

  /** Every rule applied, sorted by id. */
  public get appliedRules(): IComplianceRule[] {
    return [...this.rules.values()].sort((a, b) => compareStrings(a.metadata.id, b.metadata.id));
  }

  private hookStacks(): void {
    for (const stack of this.app.node.findAll().filter(TerraformStack.isStack)) {
      const synthesizer = stack.synthesizer as any;
      if (synthesizer[CHECKED]) {
        continue;
      }
      const wrapped: IStackSynthesizer & { [CHECKED]: boolean } = {
        [CHECKED]: true,
        synthesize: (session: ISynthesisSession) => {
          synthesizer.synthesize(session);
          this.checkStack(stack, session);
        },
      };
      stack.synthesizer = wrapped;
    }
  }

  private checkStack(stack: TerraformStack, session: ISynthesisSession): void {
    // The tree is final once synth starts: hook stacks created after apply() (before their turn to
    // synthesize) and index the waivers, once per synth.
    if (!this.waivers || !this.synthRules) {
      this.hookStacks();
      this.waivers = new WaiverIndex(this.app);
      const sorted = this.appliedRules;
      this.synthRules = { sorted, byType: indexRulesByType(sorted) };
    }
    const manifest = session.manifest.forStack(stack);
    const stackJson = this.app.hclOutput
      ? stack.toTerraform()
      : JSON.parse(fs.readFileSync(path.join(session.outdir, manifest.synthesizedStackPath), 'utf-8'));
    const rules = this.synthRules.sorted;
    const findings = evaluateStack(new StackResources(stack.node.id, stackJson), this.synthRules.byType, this.waivers);
    const report: StackReport = {
      stack: stack.node.id,
      packs: this.packs.map((p) => p.name),
      summary: summarize(findings, this.failOnUnknown),
      findings,
      controls: controlRows(rules, findings, this.benchmarks),
    };
    this.appFindings.push(...findings);
    const dir = path.join(session.outdir, manifest.workingDirectory);
    this.writtenDirs.push(dir);
    this.checkedStacks.add(stack.node.path);
    const blocking = findings.filter((f) => isBlocking(f, this.failOnUnknown));
    if (blocking.length > 0) {
      this.discardOutput();
      throw complianceFailed(
        stack.node.id,
        blocking.map((f) => `${f.ruleId} [${f.cisControls.join(', ') || 'no CIS id'}] ${f.constructPath} (${f.address}): ${f.status}${f.message ? ` - ${f.message}` : ''}`),
      );
    }
    fs.writeFileSync(path.join(dir, 'compliance.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(dir, 'compliance.md'), renderMarkdown(report));
    if (this.printSummary) {
      process.stdout.write(renderSummaryLine(report, path.join(manifest.workingDirectory, 'compliance.md')) + '\n');
    }
  }

  /** The whole app in one report: a control proven in any stack (e.g. 5.1.4 by the baseline) shows as such. */
  private writeAppReport(): void {
    const rules = this.appliedRules;
    const report: StackReport = {
      stack: '(app)',
      packs: this.packs.map((p) => p.name),
      summary: summarize(this.appFindings, this.failOnUnknown),
      findings: this.appFindings,
      controls: controlRows(rules, this.appFindings, this.benchmarks),
    };
    fs.writeFileSync(path.join(this.app.outdir, 'compliance.json'), JSON.stringify(report, null, 2) + '\n');
    fs.writeFileSync(path.join(this.app.outdir, 'compliance.md'), renderMarkdown(report));
  }

  /** A failed check leaves no partial output: remove what this synth wrote. */
  private discardOutput(): void {
    for (const dir of this.writtenDirs) {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  private validateApp(): string[] {
    const errors: string[] = [];
    const unchecked = this.app.node
      .findAll()
      .filter(TerraformStack.isStack)
      .filter((s) => !this.checkedStacks.has(s.node.path))
      .map((s) => s.node.id);
    if (this.rules.size > 0 && unchecked.length > 0) {
      errors.push(stacksNotChecked(unchecked).message);
    }
    const unused = (this.waivers ?? new WaiverIndex(this.app)).unused();
    if (unused.length > 0) {
      errors.push(unusedWaivers(unused).message);
    }
    if (errors.length > 0) {
      this.discardOutput();
    } else if (this.checkedStacks.size > 0) {
      this.writeAppReport();
    }
    return errors;
  }
}
