import { ComplianceStatus, Finding } from './types';
import { StackReport } from './report';

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function findingStatus(f: Finding): string {
  return f.waiverReason !== undefined ? 'waived' : f.status;
}

/** The human-readable report: summary, open and waived findings, one row per CIS control. */
export function renderMarkdown(report: StackReport): string {
  const s = report.summary;
  const lines = [
    report.stack === '(app)' ? '# Compliance report: whole app' : `# Compliance report: stack \`${report.stack}\``,
    '',
    `Packs: ${report.packs.join(', ') || 'none'}`,
    '',
    '| compliant | non-compliant | waived | unknown | not applicable | blocking |',
    '|---|---|---|---|---|---|',
    `| ${s.compliant} | ${s.nonCompliant} | ${s.waived} | ${s.unknown} | ${s.notApplicable} | ${s.blocking} |`,
    '',
  ];
  const notable = report.findings.filter(
    (f) => f.waiverReason !== undefined || f.status === ComplianceStatus.NON_COMPLIANT || f.status === ComplianceStatus.UNKNOWN,
  );
  lines.push('## Findings that need attention or were waived', '');
  if (notable.length === 0) {
    lines.push('None.', '');
  } else {
    lines.push('| status | severity | rule | CIS | resource | detail |', '|---|---|---|---|---|---|');
    for (const f of notable) {
      const detail = f.waiverReason !== undefined ? `waived: ${f.waiverReason}` : f.message;
      lines.push(
        `| ${findingStatus(f)} | ${f.severity} | ${f.ruleId} | ${f.cisControls.join(', ')} | \`${f.address}\` (${cell(f.constructPath)}) | ${cell(detail)} |`,
      );
    }
    lines.push('');
  }
  lines.push('## CIS controls', '', '| benchmark | control | title | class | status | rules | note |', '|---|---|---|---|---|---|---|');
  for (const row of report.controls) {
    lines.push(
      `| ${row.benchmark} | ${row.id} | ${cell(row.title)} | ${row.implementation} | ${row.status} | ${row.rules.join(', ')} | ${cell(row.note)} |`,
    );
  }
  lines.push('');
  return lines.join('\n');
}

/** A few lines for the console. */
export function renderSummaryLine(report: StackReport, reportPath: string): string {
  const s = report.summary;
  return (
    `compliance [${report.stack}]: ${s.compliant} compliant, ${s.nonCompliant} non-compliant, ${s.waived} waived, ` +
    `${s.unknown} unknown, ${s.blocking} blocking -> ${reportPath}`
  );
}
