// Internal: compliance.sarif, the report for code scanning (SARIF 2.1.0). One reporting descriptor per
// applied rule; one result per finding that needs a decision (non-compliant, unknown, or waived, the
// waiver as an accepted suppression). A result's logical location is the construct path; its physical
// location is the app's source line that created the construct, relative to the project root.
import { createHash } from 'crypto';
import { libraryPackage } from './library-package';
import { ComplianceReport, isBlocking, ReportFinding } from './report';
import { ComplianceStatus, IComplianceRule, RuleSeverity } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** The base of every source path: the directory the app was synthesized from. */
export const SOURCE_ROOT = '%SRCROOT%';

function reportingDescriptor(rule: IComplianceRule): Record<string, unknown> {
  const m = rule.metadata;
  const cis = m.cisControls.map((c) => `${c.benchmark}/${c.id}`);
  const targets = m.remediationTargets ?? [];
  const via = targets.length > 0 ? ` Via: ${targets.join(', ')}.` : '';
  return {
    id: m.id,
    name: m.id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(''),
    shortDescription: { text: m.title },
    fullDescription: { text: `${m.title}. Resource types: ${m.resourceTypes.join(', ')}.` },
    help: { text: `${m.remediation}${via}` },
    defaultConfiguration: { level: m.severity === RuleSeverity.ERROR ? 'error' : 'warning' },
    properties: {
      tags: ['security', 'compliance', ...cis],
      severity: m.severity,
      cisControls: cis,
      remediationTargets: targets,
    },
  };
}

/** SARIF kind and level: a violation fails; an unknown fails only where it blocks, otherwise it stays open. */
function kindAndLevel(f: ReportFinding, failOnUnknown: boolean): { kind: string; level: string } {
  const level = f.severity === RuleSeverity.ERROR ? 'error' : 'warning';
  if (f.status === ComplianceStatus.NON_COMPLIANT) {
    return { kind: 'fail', level };
  }
  const blocksWhenUnwaived = f.severity === RuleSeverity.ERROR && failOnUnknown;
  return blocksWhenUnwaived ? { kind: 'fail', level } : { kind: 'open', level: 'none' };
}

function fingerprint(f: ReportFinding): string {
  return createHash('sha256').update(`${f.stack}\n${f.constructPath}\n${f.address}\n${f.ruleId}`).digest('hex');
}

function result(report: ComplianceReport, f: ReportFinding, ruleIndex: number | undefined): Record<string, unknown> {
  const source = report.sources?.[f.constructPath];
  const location: Record<string, unknown> = {
    ...(source
      ? {
          physicalLocation: {
            artifactLocation: { uri: source.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SOURCE_ROOT },
            region: { startLine: source.line, startColumn: source.column },
          },
        }
      : {}),
    logicalLocations: [{ name: f.constructPath.split('/').pop(), fullyQualifiedName: f.constructPath, kind: 'resource' }],
  };
  const status = f.status === ComplianceStatus.UNKNOWN ? 'unknown' : 'non-compliant';
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    ...kindAndLevel(f, report.options.failOnUnknown),
    message: { text: `${f.title}: ${status}${f.message ? `: ${f.message}` : ''} (${f.constructPath}, ${f.address})` },
    locations: [location],
    partialFingerprints: { 'cdktfHardenedK8sFinding/v1': fingerprint(f) },
    ...(f.waiverReason !== undefined ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.waiverReason }] } : {}),
    properties: {
      stack: f.stack,
      address: f.address,
      status: f.status,
      cisControls: f.cisControls,
      blocking: isBlocking(f, report.options.failOnUnknown),
      ...(f.builtInWaiver ? { builtInWaiver: true } : {}),
    },
  };
}

/** The SARIF log of a report; `rules` are the applied rules, sorted by id. */
export function renderSarif(report: ComplianceReport, rules: IComplianceRule[]): string {
  const pkg = libraryPackage();
  const index = new Map(rules.map((r, i) => [r.metadata.id, i]));
  const open = report.findings.filter((f) => f.status === ComplianceStatus.NON_COMPLIANT || f.status === ComplianceStatus.UNKNOWN);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: pkg.name,
            informationUri: pkg.repository,
            version: pkg.version,
            semanticVersion: pkg.version,
            rules: rules.map(reportingDescriptor),
          },
        },
        originalUriBaseIds: {
          [SOURCE_ROOT]: { description: { text: 'The project root: the directory the cdktf app was synthesized from.' } },
        },
        automationDetails: { id: `${pkg.name}/${report.stack}/` },
        columnKind: 'utf16CodeUnits',
        results: open.map((f) => result(report, f, index.get(f.ruleId))),
        properties: { blocked: report.blocked, summary: report.summary },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
