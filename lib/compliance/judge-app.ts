// Internal: the findings of an app, judged once every stack is read, shared by synth (SynthRun) and the
// `check` command: every rule on every stack (rules see the whole app), then the evidence each protected
// thing needs. No cdktf here: the check command runs without it.
import { ServedCluster } from '../kubernetes/served-cluster';
import { evaluateStack, sortFindings } from './evaluate';
import { missingEvidence } from './evidence';
import { ReportFinding } from './report';
import { StackResources } from './rule-context';
import { IComplianceRule } from './types';
import { IWaiverMatcher } from './waiver-match';

export interface AppInput {
  /** Every checked stack, in synth order. */
  readonly stacks: StackResources[];
  readonly rules: IComplianceRule[];
  readonly rulesByType: Map<string, IComplianceRule[]>;
  readonly waivers: IWaiverMatcher;
  /** Which baseline serves which cluster (from the construct tree, or as compliance.json records it). */
  readonly served: ServedCluster[];
}

/** The findings of each stack, by stack name, the "no evidence" findings included. */
export function judgeApp(input: AppInput): Map<string, ReportFinding[]> {
  StackResources.linkApp(input.stacks);
  const byStack = new Map<string, ReportFinding[]>();
  for (const s of input.stacks) {
    byStack.set(
      s.stackName,
      evaluateStack(s, input.rulesByType, input.waivers).map((f) => ({ stack: s.stackName, ...f })),
    );
  }
  const missing = missingEvidence({
    rules: input.rules,
    stacks: input.stacks.map((s) => ({ name: s.stackName, resources: s, findings: byStack.get(s.stackName)! })),
    served: input.served,
    waivers: input.waivers,
  });
  for (const [name, findings] of byStack) {
    const added = missing.filter((f) => f.stack === name);
    if (added.length > 0) {
      byStack.set(name, sortFindings([...findings, ...added]));
    }
  }
  return byStack;
}
