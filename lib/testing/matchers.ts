// Jest matchers that judge one stack with the compliance engine's rules, as synth would, without
// writing anything: `expect(stack).toPassCompliance(new CisAksPack())` and
// `expect(stack).toHaveFinding('aks-private-cluster', ComplianceStatus.COMPLIANT)`.
import { TerraformStack, Testing } from 'cdktf';
import { failLine, fixLines } from '../compliance/blocked-message';
import { closestId } from '../compliance/closest-id';
import { rulesOfPacks } from '../compliance/compose-report';
import { Compliance } from '../compliance/compliance';
import { elementPaths } from '../compliance/element-paths';
import { indexRulesByType } from '../compliance/evaluate';
import { judgeApp } from '../compliance/judge-app';
import { CisAksPack } from '../compliance/packs/cis-aks-pack';
import { CisRke2Pack } from '../compliance/packs/cis-rke2-pack';
import { KubernetesBaselinePack } from '../compliance/packs/kubernetes-baseline-pack';
import { TerraformStatePack } from '../compliance/packs/terraform-state-pack';
import { isBlocking, ReportFinding } from '../compliance/report';
import { StackResources } from '../compliance/rule-context';
import { ComplianceStatus, IComplianceRule, IRulePack } from '../compliance/types';
import { closestWaiver } from '../compliance/waiver-match';
import { WaiverIndex } from '../compliance/waivers';
import { servedClusters } from '../kubernetes/served-cluster';

/** A finding status, or `waived` for a finding a waiver accepts. */
export type ExpectedFinding = ComplianceStatus | 'waived';

export interface MatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** The stack has no blocking finding (error level, non-compliant or unknown, unwaived) under the packs (default: the packs the app applied). */
      toPassCompliance(...packs: IRulePack[]): R;
      /** The stack has a finding of the rule with the status (`waived`: accepted by a waiver), optionally on the construct at a path. */
      toHaveFinding(ruleId: string, status: ExpectedFinding, constructPath?: string): R;
    }
  }
}

function asStack(received: unknown, matcher: string): TerraformStack {
  if (!TerraformStack.isStack(received)) {
    throw new TypeError(`${matcher}: expect() needs a TerraformStack, but got ${received === null || received === undefined ? String(received) : (received as object).constructor?.name ?? typeof received}`);
  }
  return received;
}

/**
 * Judges a stack with rules as synth does: every stack of its app is read (aspects run, overrides
 * included), because rules read other stacks and a cluster's evidence may be missing from all of them
 * ("no evidence" findings land on this stack), with the app's waivers, which it leaves unmarked.
 */
export function judgeStack(stack: TerraformStack, rules: IComplianceRule[]): ReportFinding[] {
  const app = stack.node.root;
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  const resources = stacks.map((s) => {
    Testing.synth(s); // runs the aspects, as synth does
    return new StackResources(s.node.id, JSON.parse(JSON.stringify(s.toTerraform())), elementPaths(s));
  });
  const waivers = new WaiverIndex(app).recorded();
  const matcher = { match: (ruleId: string, constructPath: string) => closestWaiver(waivers, ruleId, constructPath) };
  const judged = judgeApp({ stacks: resources, rules, rulesByType: indexRulesByType(rules), waivers: matcher, served: servedClusters(app) });
  return judged.get(stack.node.id) ?? [];
}

function appliedRules(stack: TerraformStack): IComplianceRule[] {
  return Compliance.of(stack).appliedRules;
}

function describe(f: ReportFinding): string {
  return `${f.ruleId} ${f.constructPath} (${f.address}): ${f.waiverReason !== undefined ? `waived (${f.status})` : f.status}${f.message ? ` - ${f.message}` : ''}`;
}

/** `toPassCompliance(...packs)`: no blocking finding, failOnUnknown as the engine's default (true). */
export function toPassCompliance(received: unknown, ...packs: IRulePack[]): MatcherResult {
  const stack = asStack(received, 'toPassCompliance');
  const rules = packs.length > 0 ? rulesOfPacks(packs) : appliedRules(stack);
  if (rules.length === 0) {
    return { pass: false, message: () => 'toPassCompliance: no rules to judge with: pass packs (toPassCompliance(new CisAksPack())) or apply them to the app first' };
  }
  const findings = judgeStack(stack, rules);
  const blocking = findings.filter((f) => isBlocking(f, true));
  const byId = new Map(rules.map((r) => [r.metadata.id, r]));
  const lines = blocking.flatMap((f) => [failLine(f, () => true), ...fixLines(f, stack.node.path, byId.get(f.ruleId)).map((l) => `  ${l}`)]);
  return {
    pass: blocking.length === 0,
    message: () =>
      blocking.length === 0
        ? `expected stack ${stack.node.id} to have blocking findings, but its ${findings.length} findings under ${rules.length} rules block nothing`
        : `expected stack ${stack.node.id} to pass compliance, but ${blocking.length} finding(s) block:\n${lines.join('\n')}`,
  };
}

/** `toHaveFinding(ruleId, status, constructPath?)`: the rule is one the app applied, or one of the library's packs. */
export function toHaveFinding(received: unknown, ruleId: string, status: ExpectedFinding, constructPath?: string): MatcherResult {
  const stack = asStack(received, 'toHaveFinding');
  const known = [...appliedRules(stack), ...new CisAksPack().rules, ...new CisRke2Pack().rules, ...new KubernetesBaselinePack().rules, ...new TerraformStatePack().rules];
  const rule = known.find((r) => r.metadata.id === ruleId);
  if (!rule) {
    const closest = closestId(String(ruleId), new Set(known.map((r) => r.metadata.id)));
    return { pass: false, message: () => `toHaveFinding: no rule ${JSON.stringify(ruleId)} among the app's and the library's packs${closest ? `; did you mean ${JSON.stringify(closest)}?` : ''}` };
  }
  const findings = judgeStack(stack, [rule]).filter((f) => constructPath === undefined || f.constructPath === constructPath);
  const matching = findings.filter((f) => (status === 'waived' ? f.waiverReason !== undefined : f.status === status));
  const where = constructPath === undefined ? '' : ` on ${constructPath}`;
  return {
    pass: matching.length > 0,
    message: () =>
      matching.length > 0
        ? `expected no ${status} finding of ${ruleId}${where}, but found:\n${matching.map(describe).join('\n')}`
        : `expected a ${status} finding of ${ruleId}${where}, but ${findings.length === 0 ? 'the rule found no resource to judge' : `found:\n${findings.map(describe).join('\n')}`}`,
  };
}

/** The matchers, for `expect.extend(complianceMatchers)`. */
export const complianceMatchers = { toPassCompliance, toHaveFinding };

/** Adds the matchers to the global `expect` of jest (call it in a setup file, as cdktf's Testing.setupJest). */
export function setupComplianceMatchers(): void {
  const expectGlobal = (globalThis as { expect?: { extend(matchers: object): void } }).expect;
  if (!expectGlobal || typeof expectGlobal.extend !== 'function') {
    throw new TypeError('setupComplianceMatchers: no global expect; call it inside jest (e.g. in a setupFilesAfterEnv file)');
  }
  expectGlobal.extend(complianceMatchers);
}
