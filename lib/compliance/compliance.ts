import { App, ISynthesisSession, IStackSynthesizer, Manifest, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { CisBenchmark } from '../cis/types';
import { conflictingComplianceOption, duplicateRuleId, invalidProp, noStacksToCheck } from '../errors';
import { compareStrings } from '../ordering';
import { appOf } from './app-of';
import { indexRulesByType } from './evaluate';
import { validateRule } from './rule-pack';
import { SynthRun } from './synth-run';
import { IComplianceRule, IRulePack } from './types';
import { addWaiver } from './waivers';

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
   * Benchmarks whose controls `compliance.md` lists (and whose CIS ids findings show); `compliance.json`
   * keeps every control of these and of the benchmarks the applied rules cite.
   * @default - every benchmark the applied rules cite
   */
  readonly benchmarks?: CisBenchmark[];
}

type OptionName = keyof ComplianceOptions;

const ENGINES = new WeakMap<App, Compliance>();
const CHECKED = Symbol.for('cdktf-hardened-k8s.compliance-synthesizer');

/**
 * The compliance engine of an app. `Compliance.of(app).apply(new CisAksPack())` checks every resource of
 * every stack at synth time and writes `compliance.json` and `compliance.md` beside each stack's
 * `cdk.tf.json` and for the whole app. Unwaived error-level findings of all stacks block synth together:
 * run with `node`, synth throws one error listing them; run by the cdktf CLI, each is an error annotation
 * the CLI prints once. A blocked synth leaves no stack output and an app report marked BLOCKED.
 */
export class Compliance {
  /** The engine of the app that holds the scope, created on first use; options are set once per app. */
  public static of(scope: IConstruct, options?: ComplianceOptions): Compliance {
    const app = appOf('Compliance.of', scope);
    let engine = ENGINES.get(app);
    if (!engine) {
      engine = new Compliance(app);
      ENGINES.set(app, engine);
    }
    engine.configure(options);
    return engine;
  }

  /**
   * Accepts a rule's findings on a construct and everything below it. The reason is required
   * (at least 10 characters) and stays in the report; at synth, a waiver whose rule no applied pack has,
   * or that matches no finding, blocks synth.
   */
  public static waive(scope: IConstruct, ruleId: string, reason: string): void {
    addWaiver(scope, { ruleId, reason });
  }

  private readonly app: App;
  private readonly options: { -readonly [K in OptionName]?: ComplianceOptions[K] } = {};
  private readonly packs: IRulePack[] = [];
  private readonly rules = new Map<string, IComplianceRule>();
  /** The pack each applied rule came from first, for the error when another pack reuses its id. */
  private readonly packOfRule = new Map<string, string>();
  /** The synth in progress, and the session cdktf gave it (each app.synth() has its own). */
  private run?: { readonly session: ISynthesisSession; readonly checks: SynthRun };
  /** Set when a synth's last stack was judged; the app validation checks that one was. */
  private judged = false;

  private constructor(app: App) {
    this.app = app;
    app.node.addValidation({ validate: () => this.validateApp() });
  }

  /**
   * Adds a pack's rules (the same rule object in several packs runs once) and hooks every stack. A rule
   * whose id an applied rule of another pack already has is an error naming both packs: it would replace
   * that rule. Call it once the app has its stacks: stacks added later are checked too, but an app with
   * no stack yet is an error.
   */
  public apply(pack: IRulePack): Compliance {
    if (!pack || typeof pack.name !== 'string' || !Array.isArray(pack.rules)) {
      throw invalidProp('Compliance.apply', 'pack', pack, 'an IRulePack (a name and a rules array)', 'pass a pack, e.g. new CisAksPack() or new RulePack(name, rules)');
    }
    if (this.stacks().length === 0) {
      throw noStacksToCheck(pack.name);
    }
    const seen = new Map<string, IComplianceRule>();
    for (const rule of pack.rules) {
      validateRule(rule);
      const id = rule.metadata.id;
      const applied = this.rules.get(id) ?? seen.get(id);
      if (applied !== undefined && applied !== rule) {
        throw duplicateRuleId(id, this.packOfRule.get(id) ?? pack.name, pack.name);
      }
      seen.set(id, rule);
    }
    for (const [id, rule] of seen) {
      if (!this.rules.has(id)) {
        this.rules.set(id, rule);
        this.packOfRule.set(id, pack.name);
      }
    }
    this.packs.push(pack);
    this.hookStacks();
    return this;
  }

  /** Every rule applied, sorted by id. */
  public get appliedRules(): IComplianceRule[] {
    return [...this.rules.values()].sort((a, b) => compareStrings(a.metadata.id, b.metadata.id));
  }

  private configure(options: ComplianceOptions | undefined): void {
    if (options === undefined || options === null) {
      return;
    }
    if (typeof options !== 'object') {
      throw invalidProp('Compliance.of', 'options', options, 'a ComplianceOptions object', 'pass { failOnUnknown, printSummary, benchmarks } or nothing');
    }
    for (const name of ['failOnUnknown', 'printSummary'] as const) {
      const value = options[name];
      if (value !== undefined && typeof value !== 'boolean') {
        throw invalidProp('Compliance.of', `options.${name}`, value, 'true or false', `pass a boolean or leave ${name} out`);
      }
    }
    const benchmarks = options.benchmarks;
    if (benchmarks !== undefined) {
      const known = Object.values(CisBenchmark) as string[];
      if (!Array.isArray(benchmarks) || benchmarks.length === 0 || benchmarks.some((b) => !known.includes(b))) {
        throw invalidProp('Compliance.of', 'options.benchmarks', benchmarks, `a non-empty list of ${known.join(', ')}`, 'list CisBenchmark values, or leave benchmarks out for every benchmark the rules cite');
      }
    }
    for (const name of ['failOnUnknown', 'printSummary', 'benchmarks'] as const) {
      const value = options[name];
      if (value === undefined) {
        continue;
      }
      const current = this.options[name];
      if (current !== undefined && JSON.stringify(current) !== JSON.stringify(value)) {
        throw conflictingComplianceOption(name, current, value);
      }
      (this.options as any)[name] = Array.isArray(value) ? [...value] : value;
    }
  }

  private stacks(): TerraformStack[] {
    return this.app.node.findAll().filter(TerraformStack.isStack);
  }

  private hookStacks(): void {
    for (const stack of this.stacks()) {
      const inner = stack.synthesizer as IStackSynthesizer & { [CHECKED]?: boolean };
      if (inner[CHECKED]) {
        continue;
      }
      const wrapped: IStackSynthesizer & { [CHECKED]: boolean } = {
        [CHECKED]: true,
        synthesize: (session: ISynthesisSession) => this.synthesizeChecked(stack, inner, session),
      };
      stack.synthesizer = wrapped;
    }
  }

  private synthesizeChecked(stack: TerraformStack, inner: IStackSynthesizer, session: ISynthesisSession): void {
    // A synth starts with its first checked stack; stacks created after apply() are hooked now.
    if (this.run?.session !== session) {
      this.hookStacks();
      this.judged = false;
      this.run = { session, checks: this.newRun(session.outdir, session.manifest) };
      this.run.checks.begin();
    }
    inner.synthesize(session);
    const run = this.run.checks;
    run.check(stack);
    if (run.isLast(stack)) {
      this.run = undefined;
      this.judged = true;
      run.finish();
    }
  }

  private newRun(outdir: string, manifest: Manifest): SynthRun {
    const rules = this.appliedRules;
    return new SynthRun({
      app: this.app,
      outdir,
      manifest,
      stacks: this.stacks(),
      rules,
      rulesByType: indexRulesByType(rules),
      packs: [...this.packs],
      failOnUnknown: this.options.failOnUnknown ?? true,
      printSummary: this.options.printSummary ?? true,
      benchmarks: this.options.benchmarks,
      // cdktf's contract: with this variable set the caller (the cdktf CLI) prints error annotations itself.
      annotate: process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS !== undefined,
    });
  }

  /**
   * A backstop at the end of app.synth(): stacks were synthesized (the manifest has them), rules are
   * applied, but no checked stack reached the end (every synthesizer was replaced after apply()).
   */
  private validateApp(): string[] {
    const judged = this.judged;
    this.judged = false;
    if (judged || this.rules.size === 0 || Object.keys(this.app.manifest.stacks).length === 0) {
      return [];
    }
    const run = this.newRun(this.app.outdir, this.app.manifest);
    this.run = undefined;
    run.begin();
    run.finish();
    return [];
  }
}
