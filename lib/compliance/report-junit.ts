// Internal: the findings as JUnit XML for CI test views: a test suite per stack, a test case per rule
// and resource. A non-compliant or unknown finding is a failure (its type the status, its message the
// rule's); a waived one and a not-applicable one are skipped with the reason; a compliant one passes.
import { ComplianceReport, isBlocking, ReportFinding } from './report';
import { ComplianceStatus } from './types';

function escape(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot hold at all.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}="${escape(String(v))}"`)
    .join(' ');
}

type Outcome = { kind: 'pass' } | { kind: 'failure'; type: string; message: string; detail: string } | { kind: 'skipped'; message: string };

function outcomeOf(f: ReportFinding, failOnUnknown: boolean): Outcome {
  if (f.waiverReason !== undefined) {
    return { kind: 'skipped', message: `${f.builtInWaiver ? 'built-in exception' : 'waived'} (${f.status}): ${f.waiverReason}` };
  }
  switch (f.status) {
    case ComplianceStatus.COMPLIANT:
      return { kind: 'pass' };
    case ComplianceStatus.NOT_APPLICABLE:
      return { kind: 'skipped', message: `not applicable${f.message ? `: ${f.message}` : ''}` };
    default: {
      const blocking = isBlocking(f, failOnUnknown) ? 'blocking' : 'not blocking';
      return {
        kind: 'failure',
        type: f.status,
        message: f.message ?? f.status,
        detail: `${f.ruleId} [${f.cisControls.join(', ') || 'no CIS id'}] ${f.constructPath} (${f.address}): ${f.status}, severity ${f.severity}, ${blocking}`,
      };
    }
  }
}

function testCase(report: ComplianceReport, f: ReportFinding): string {
  const source = report.sources?.[f.constructPath];
  const where: Record<string, string | number> = source ? { file: source.file, line: source.line } : {};
  const open = `    <testcase ${attributes({ name: `${f.ruleId} ${f.constructPath}`, classname: `${f.stack}.${f.ruleId}`, ...where, time: 0 })}`;
  const outcome = outcomeOf(f, report.options.failOnUnknown);
  if (outcome.kind === 'pass') {
    return `${open}/>`;
  }
  if (outcome.kind === 'skipped') {
    return `${open}>\n      <skipped ${attributes({ message: outcome.message })}/>\n    </testcase>`;
  }
  return `${open}>\n      <failure ${attributes({ message: outcome.message, type: outcome.type })}>${escape(outcome.detail)}</failure>\n    </testcase>`;
}

/** The JUnit XML of a report, one suite per stack it covers (stacks without findings are empty suites). */
export function renderJunit(report: ComplianceReport): string {
  const failOnUnknown = report.options.failOnUnknown;
  const counts = (findings: ReportFinding[]) => {
    const outcomes = findings.map((f) => outcomeOf(f, failOnUnknown).kind);
    return { tests: findings.length, failures: outcomes.filter((k) => k === 'failure').length, errors: 0, skipped: outcomes.filter((k) => k === 'skipped').length };
  };
  const suites = report.stacks.map((stack) => {
    const findings = report.findings.filter((f) => f.stack === stack);
    const head = `  <testsuite ${attributes({ name: stack, ...counts(findings), time: 0 })}`;
    return findings.length === 0 ? `${head}/>` : `${head}>\n${findings.map((f) => testCase(report, f)).join('\n')}\n  </testsuite>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites ${attributes({ name: 'cdktf-hardened-k8s compliance', ...counts(report.findings), time: 0 })}>`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
