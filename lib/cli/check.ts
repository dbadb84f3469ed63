// Internal: `cdktf-hardened-k8s check`. Re-judges a synth output with the packs, options and waivers the
// synth recorded, without running the app: each stack on its synthesized JSON, or on its Terraform plan
// when one is given. It writes the same reports the synth writes, and says whether anything blocks.
import * as fs from 'fs';
import * as path from 'path';
import { blockedMessage, BlockedStack } from '../compliance/blocked-message';
import { composeReport, rulesOfPacks } from '../compliance/compose-report';
import { indexRulesByType } from '../compliance/evaluate';
import { judgeApp } from '../compliance/judge-app';
import { APP_SCOPE, ComplianceReport, isBlocking, ReportFinding, summarize } from '../compliance/report';
import { renderJunit } from '../compliance/report-junit';
import { renderMarkdown } from '../compliance/report-markdown';
import { renderSarif } from '../compliance/report-sarif';
import { StackResources } from '../compliance/rule-context';
import { closestWaiver, IWaiverMatcher, RecordedWaiver } from '../compliance/waiver-match';
import { inputError } from './input-error';
import { checkPlanMatchesStack, plannedStackJson } from './planned-stack';
import { loadRuleModule, resolvePacks } from './rule-packs';
import { readSynthOutput, stackNamed } from './synth-output';
import { readTerraformPlan, TerraformPlan } from './terraform-plan';

export interface PlanArgument {
  readonly stack: string;
  readonly file: string;
}

export interface CheckOptions {
  /** The cdktf output directory. */
  readonly outdir: string;
  readonly plans: PlanArgument[];
  readonly rules: string[];
  readonly sarif?: string;
  readonly junit?: string;
  readonly markdown?: string;
  readonly json?: string;
  /** Where relative paths start (the project root). */
  readonly cwd: string;
}

export interface CheckOutcome {
  /** 0 when nothing blocks, 1 when something does. */
  readonly exitCode: 0 | 1;
  readonly report: ComplianceReport;
}

class RecordedWaivers implements IWaiverMatcher {
  constructor(private readonly entries: RecordedWaiver[]) {}

  public match(ruleId: string, constructPath: string): RecordedWaiver | undefined {
    return closestWaiver(this.entries, ruleId, constructPath);
  }
}

function write(cwd: string, file: string | undefined, content: () => string): void {
  if (file === undefined) {
    return;
  }
  const target = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content());
  } catch (e) {
    throw inputError('cannot write the report file', file, 'a path in a writable directory', (e as Error).message);
  }
}

/** A stack's construct path, read from its findings' paths (a stack may sit below another construct). */
function stackPath(name: string, findings: ReportFinding[]): string {
  const segments = findings[0]?.constructPath.split('/') ?? [];
  const at = segments.indexOf(name);
  return at >= 0 ? segments.slice(0, at + 1).join('/') : name;
}

/** Runs the check; prints to `out`; throws CheckInputError for usage and input errors. */
export function runCheck(options: CheckOptions, out: (line: string) => void): CheckOutcome {
  const output = readSynthOutput(path.resolve(options.cwd, options.outdir), options.outdir);
  const record = output.record;
  const userPacks = options.rules.flatMap((m) => loadRuleModule(m, options.cwd));
  const packs = resolvePacks(record.packs, userPacks);
  const rules = rulesOfPacks(packs);
  const rulesByType = indexRulesByType(rules);
  const waivers = new RecordedWaivers(record.waivers ?? []);

  const plans = new Map<string, TerraformPlan>();
  for (const p of options.plans) {
    const stack = stackNamed(output, p.stack, `--plan ${p.stack}=${p.file}`);
    if (plans.has(stack.name)) {
      throw inputError('--plan names a stack twice', stack.name, 'one plan per stack', 'pass one --plan <stack>=<plan.json> for each stack');
    }
    const plan = readTerraformPlan(path.resolve(options.cwd, p.file));
    const others = new Map(output.stacks.filter((s) => s.name !== stack.name).map((s) => [s.name, s.json]));
    checkPlanMatchesStack({ ...plan, file: p.file }, stack.name, stack.json, others);
    plans.set(stack.name, plan);
  }

  const resources = output.stacks.map((stack) => {
    const plan = plans.get(stack.name);
    const paths = new Map(Object.entries(record.itemPaths?.[stack.name] ?? {}));
    return new StackResources(stack.name, plan ? plannedStackJson(stack.json, plan) : stack.json, paths);
  });
  // The same judgement as synth's: every rule on every stack, then each protected thing's evidence.
  const judged = judgeApp({ stacks: resources, rules, rulesByType, waivers, served: record.servedClusters ?? [] });
  const findings: ReportFinding[] = output.stacks.flatMap((s) => judged.get(s.name) ?? []);
  const failOnUnknown = record.options.failOnUnknown;
  const problems = record.problems;
  const blocking = findings.filter((f) => isBlocking(f, failOnUnknown));
  const blocked = blocking.length > 0 || problems.length > 0;
  const report = composeReport({
    scope: APP_SCOPE,
    stacks: output.stacks.map((s) => s.name),
    findings,
    problems,
    blocked,
    rules,
    packs,
    failOnUnknown,
    benchmarks: record.options.benchmarks ?? undefined,
    sources: record.sources ?? {},
    waivers: record.waivers ?? [],
    served: record.servedClusters ?? [],
    itemPaths: record.itemPaths ?? {},
  });

  write(options.cwd, options.json, () => JSON.stringify(report, null, 2) + '\n');
  write(options.cwd, options.markdown, () => renderMarkdown(report));
  write(options.cwd, options.sarif, () => renderSarif(report, rules));
  write(options.cwd, options.junit, () => renderJunit(report));

  for (const stack of output.stacks) {
    const plan = plans.get(stack.name);
    const s = summarize(findings.filter((f) => f.stack === stack.name), failOnUnknown);
    const on = plan ? `plan ${path.basename(plan.file)} (Terraform ${plan.terraformVersion})` : 'synth';
    out(`check [${stack.name}] on ${on}: ${s.compliant} compliant, ${s.nonCompliant} non-compliant, ${s.waived} waived, ${s.exceptions} exceptions, ${s.unknown} unknown, ${s.blocking} blocking`);
  }
  if (!blocked) {
    out(`check: PASSED, no blocking finding in ${output.stacks.length} stack(s)`);
    return { exitCode: 0, report };
  }
  const blockedStacks: BlockedStack[] = output.stacks.map((s) => {
    const ofStack = blocking.filter((f) => f.stack === s.name);
    return { name: s.name, path: stackPath(s.name, ofStack), blocking: ofStack };
  });
  const listed = new Set(report.benchmarks.map((b) => b.id));
  out(
    blockedMessage(
      `check: BLOCKED by ${blocking.length} unwaived error-level finding(s)${problems.length ? ` and ${problems.length} set-up problem(s) recorded at synth` : ''}`,
      blockedStacks,
      problems,
      new Map(rules.map((r) => [r.metadata.id, r])),
      (key) => [...listed].some((b) => key.startsWith(`${b}/`)),
    ),
  );
  return { exitCode: 1, report };
}
