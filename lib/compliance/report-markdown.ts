// Internal: compliance.md, the report for people, short enough for a pull-request comment. It lists
// what needs a decision first, keeps rows short (CIS ids only of the listed benchmarks, each
// not-covered reason once in a legend) and leaves the complete data to compliance.json.
import { compareStrings } from '../ordering';
import { benchmarkLabel } from './benchmark-label';
import { APP_SCOPE, ComplianceReport, ControlRow, isBlocking, ReportFinding } from './report';
import { ComplianceStatus } from './types';

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---|').join('')}`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`), ''];
}

function controlStatusText(row: ControlRow): string {
  switch (row.status) {
    case 'not covered':
      return `not covered: ${row.notCovered}`;
    case 'fail':
      return '**fail**';
    case 'waived':
      return `waived (${row.evidence.waived})`;
    default:
      return row.exceptions.length > 0 ? `pass, ${row.exceptions.length} exception${row.exceptions.length === 1 ? '' : 's'}` : 'pass';
  }
}

/** The human-readable report: verdict, what blocks, what was waived and by whom, one short row per CIS control. */
export function renderMarkdown(report: ComplianceReport): string {
  const s = report.summary;
  const verdict = report.blocked ? 'BLOCKED' : 'PASSED';
  const scope = report.stack === APP_SCOPE ? 'whole app' : `stack ${code(report.stack)}`;
  const listed = new Set<string>(report.benchmarks.map((b) => b.id));
  const packs = report.packs.map((p) => `${code(p.name)} (${p.rules.length} rules)`).join(', ') || 'none';
  const lines = [
    `# Compliance report: ${scope}: ${verdict}`,
    '',
    `Benchmarks: ${report.benchmarks.map((b) => b.label).join(', ') || 'none'}. Packs: ${packs}. failOnUnknown: ${report.options.failOnUnknown}.`,
    '',
    ...table(
      ['compliant', 'non-compliant', 'waived', 'exceptions', 'unknown', 'not applicable', 'blocking'],
      [[s.compliant, s.nonCompliant, s.waived, s.exceptions, s.unknown, s.notApplicable, s.blocking].map(String)],
    ),
  ];
  const failOnUnknown = report.options.failOnUnknown;
  const blocking = report.findings.filter((f) => isBlocking(f, failOnUnknown));
  if (blocking.length > 0 || report.problems.length > 0) {
    lines.push(`## Blocking (${blocking.length + report.problems.length})`, '');
    if (blocking.length > 0) {
      lines.push(...table(['rule', 'resource', 'finding', 'fix'], blocking.map((f) => [code(f.ruleId), code(f.constructPath), f.message ?? f.status, remediationOf(report, f)])));
    }
    lines.push(...report.problems.map((p) => `- ${cell(p.message)}`), ...(report.problems.length ? [''] : []));
  }
  const open = report.findings.filter(
    (f) => !isBlocking(f, failOnUnknown) && f.waiverReason === undefined && (f.status === ComplianceStatus.NON_COMPLIANT || f.status === ComplianceStatus.UNKNOWN),
  );
  if (open.length > 0) {
    lines.push(`## Open, not blocking (${open.length})`, '', ...table(['rule', 'severity', 'status', 'resource', 'finding'], open.map((f) => [code(f.ruleId), f.severity, f.status, code(f.constructPath), f.message ?? ''])));
  }
  const waived = report.findings.filter((f) => f.waiverReason !== undefined && !f.builtInWaiver);
  if (waived.length > 0) {
    lines.push(`## Waived by the app (${waived.length})`, '', ...table(['rule', 'resource', 'reason'], waived.map((f) => [code(f.ruleId), code(f.constructPath), f.waiverReason ?? ''])));
  }
  const exceptions = report.findings.filter((f) => f.builtInWaiver);
  if (exceptions.length > 0) {
    lines.push(
      `## Built-in exceptions (${exceptions.length})`,
      '',
      "The library's own waivers for resources that need them (e.g. node agents' namespaces); the controls they touch still pass.",
      '',
      ...table(['rule', 'resource', 'reason'], exceptions.map((f) => [code(f.ruleId), code(f.constructPath), f.waiverReason ?? ''])),
    );
  }
  const rows = report.controls.filter((c) => listed.has(c.benchmark));
  for (const benchmark of report.benchmarks) {
    const ofBenchmark = rows.filter((c) => c.benchmark === benchmark.id);
    const count = (status: string) => ofBenchmark.filter((c) => c.status === status).length;
    const controls = `${ofBenchmark.length} control${ofBenchmark.length === 1 ? '' : 's'}`;
    const counts = `${count('pass')} pass, ${count('fail')} fail, ${count('waived')} waived, ${count('not covered')} not covered`;
    if (report.stack === APP_SCOPE) {
      lines.push(`## ${benchmarkLabel(benchmark.id)}: ${controls}: ${counts}`, '');
    } else {
      lines.push(`## ${benchmarkLabel(benchmark.id)}: ${ofBenchmark.length ? `${controls} this stack's resources touch: ${counts}` : "no control this stack's resources touch"}`, '');
    }
    if (ofBenchmark.length > 0) {
      lines.push(...table(['control', 'title', 'status', 'rules'], ofBenchmark.map((c) => [c.id, c.title, controlStatusText(c), c.rules.join(', ')])));
    }
  }
  const reasons = [...new Set(rows.filter((c) => c.notCovered).map((c) => c.notCovered as string))];
  if (reasons.length > 0) {
    lines.push('Not covered, why:', '', ...reasons.sort(compareStrings).map((k) => `- **${k}**: ${cell(report.notCoveredReasons[k])}`), '');
  }
  return lines.join('\n');
}

function remediationOf(report: ComplianceReport, f: ReportFinding): string {
  const rule = (report.rules ?? []).find((r) => r.id === f.ruleId);
  return typeof rule?.remediation === 'string' ? rule.remediation : '';
}

/** One line for the console. */
export function renderSummaryLine(report: ComplianceReport, reportPath: string): string {
  const s = report.summary;
  const scope = report.stack === APP_SCOPE ? 'app' : report.stack;
  return (
    `compliance [${scope}]: ${s.compliant} compliant, ${s.nonCompliant} non-compliant, ${s.waived} waived, ${s.exceptions} exceptions, ` +
    `${s.unknown} unknown, ${s.blocking} blocking -> ${reportPath}`
  );
}
