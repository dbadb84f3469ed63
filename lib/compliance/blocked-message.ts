// Internal: what the console shows when synth is blocked. Each finding is one block: the FAIL line, the
// rule's remediation, the props and methods behind it, and a ready waiver line.
import { IComplianceRule } from './types';
import { ReportFinding, ReportProblem } from './report';

/** The placeholder the printed waiver line asks the user to replace. */
export const REASON_PLACEHOLDER = '<why this is accepted, 10+ characters>';

export interface BlockedStack {
  /** Stack name. */
  readonly name: string;
  /** Construct path of the stack. */
  readonly path: string;
  readonly blocking: ReportFinding[];
}

/** A TypeScript expression for the construct at a path, from the app (`app.node.findChild('a').node.findChild('b')`). */
export function constructExpression(constructPath: string): string {
  const segments = constructPath.split('/').filter((s) => s !== '');
  return 'app' + segments.map((s) => `.node.findChild(${quote(s)})`).join('');
}

/**
 * The construct a waiver for a finding goes on: the one directly below the stack that holds the resource,
 * i.e. the construct the app (or the library, in its own stacks) created there.
 */
export function waiverTarget(stackPath: string, resourcePath: string): string {
  // A finding on a construct outside the stack (a ClusterBaseline's missing evidence) is waived there.
  if (!resourcePath.startsWith(`${stackPath}/`)) {
    return resourcePath;
  }
  const below = resourcePath.slice(stackPath.length + 1).split('/')[0];
  return below ? `${stackPath}/${below}` : resourcePath;
}

/** The FAIL line of a finding: rule, CIS ids (of the listed benchmarks), construct path, address, status and message. */
export function failLine(f: ReportFinding, listed: (cisKey: string) => boolean): string {
  const cis = f.cisControls.filter(listed);
  return `FAIL ${f.ruleId} [${cis.join(', ') || 'no CIS id'}] ${f.constructPath} (${f.address}): ${f.status}${f.message ? ` - ${f.message}` : ''}`;
}

/** The lines under a FAIL line: fix, via, waive. */
export function fixLines(f: ReportFinding, stackPath: string, rule: IComplianceRule | undefined): string[] {
  const lines = [`fix:   ${rule?.metadata.remediation ?? 'see the rule'}`];
  const targets = rule?.metadata.remediationTargets ?? [];
  if (targets.length > 0) {
    lines.push(`via:   ${targets.join(', ')}`);
  }
  lines.push(`waive: Compliance.waive(${constructExpression(waiverTarget(stackPath, f.constructPath))}, ${quote(f.ruleId)}, ${quote(REASON_PLACEHOLDER)})`);
  return lines;
}

/** The whole message: a headline, every blocking finding grouped by stack, then the problems. */
export function blockedMessage(
  headline: string,
  stacks: BlockedStack[],
  problems: ReportProblem[],
  rulesById: Map<string, IComplianceRule>,
  listed: (cisKey: string) => boolean,
): string {
  const lines = [headline];
  for (const stack of stacks.filter((s) => s.blocking.length > 0)) {
    lines.push(`stack ${JSON.stringify(stack.name)}: ${stack.blocking.length} blocking finding(s)`);
    for (const f of stack.blocking) {
      lines.push(`  ${failLine(f, listed)}`, ...fixLines(f, stack.path, rulesById.get(f.ruleId)).map((l) => `    ${l}`));
    }
  }
  if (problems.length > 0) {
    lines.push(`set-up: ${problems.length} problem(s)`, ...problems.map((p) => `  PROBLEM ${p.message}`));
  }
  return lines.join('\n');
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
