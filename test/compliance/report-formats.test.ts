// SARIF and JUnit from one report that holds every kind of finding.
import * as fs from 'fs';
import * as path from 'path';
import { composeReport } from '../../lib/compliance/compose-report';
import { APP_SCOPE, ReportFinding } from '../../lib/compliance/report';
import { renderJunit } from '../../lib/compliance/report-junit';
import { renderSarif } from '../../lib/compliance/report-sarif';
import { ComplianceStatus, IComplianceRule, RulePack, RuleSeverity } from '../../lib';
import { parseXml, sarifValidatorFindings, tempDir } from '../helpers/check-command';

function rule(id: string, severity: RuleSeverity): IComplianceRule {
  return {
    metadata: { id, title: `Title of ${id}`, severity, remediation: `Fix ${id}.`, remediationTargets: ['HardenedAksClusterProps.apiServerAccess'], cisControls: [{ benchmark: 'cis-aks-1.8' as any, id: '5.4.2' }], resourceTypes: ['azurerm_kubernetes_cluster'] },
    evaluate: () => ({ status: ComplianceStatus.COMPLIANT }),
  };
}

const RULES = [rule('org-error-rule', RuleSeverity.ERROR), rule('org-warning-rule', RuleSeverity.WARNING)];

function finding(ruleId: string, status: ComplianceStatus, constructPath: string, extra: Partial<ReportFinding> = {}): ReportFinding {
  const severity = ruleId === 'org-error-rule' ? RuleSeverity.ERROR : RuleSeverity.WARNING;
  return { stack: constructPath.split('/')[0], ruleId, title: `Title of ${ruleId}`, severity, status, cisControls: ['cis-aks-1.8/5.4.2'], constructPath, address: `azurerm_kubernetes_cluster.${constructPath.split('/').pop()}`, ...extra };
}

const FINDINGS: ReportFinding[] = [
  finding('org-error-rule', ComplianceStatus.COMPLIANT, 'a/ok'),
  finding('org-error-rule', ComplianceStatus.NOT_APPLICABLE, 'a/na'),
  finding('org-error-rule', ComplianceStatus.NON_COMPLIANT, 'a/bad', { message: 'x is <false> & "off"' }),
  finding('org-warning-rule', ComplianceStatus.NON_COMPLIANT, 'a/warned', { message: 'warned' }),
  finding('org-error-rule', ComplianceStatus.UNKNOWN, 'b/unknown', { message: 'x is not known at synth time (${var.x})' }),
  finding('org-warning-rule', ComplianceStatus.UNKNOWN, 'b/unknown-warning', { message: 'y unknown' }),
  finding('org-error-rule', ComplianceStatus.NON_COMPLIANT, 'b/waived', { message: 'public', waiverReason: "public API until the VPN lands (SEC-1) \u0007'" }),
  finding('org-error-rule', ComplianceStatus.NON_COMPLIANT, 'b/exception', { waiverReason: 'node agent', builtInWaiver: true }),
];

function report(failOnUnknown: boolean) {
  return composeReport({
    scope: APP_SCOPE,
    stacks: ['a', 'b', 'c'],
    findings: FINDINGS,
    problems: [],
    blocked: true,
    rules: RULES,
    packs: [new RulePack('org-policy', RULES)],
    failOnUnknown,
    sources: { 'a/bad': { file: 'src/my app/main.ts', line: 12, column: 3 } },
    waivers: [],
  });
}

describe('SARIF', () => {
  const sarif = JSON.parse(renderSarif(report(true), RULES));
  const run = sarif.runs[0];
  const result = (p: string) => run.results.find((r: any) => r.logicalLocations?.[0]?.fullyQualifiedName === p || r.locations[0].logicalLocations[0].fullyQualifiedName === p);

  test('one reporting descriptor per rule: title, remediation as help, CIS ids as tags, severity as level', () => {
    expect(run.tool.driver.rules.map((r: any) => [r.id, r.shortDescription.text, r.help.text, r.defaultConfiguration.level, r.properties.tags])).toEqual([
      ['org-error-rule', 'Title of org-error-rule', 'Fix org-error-rule. Via: HardenedAksClusterProps.apiServerAccess.', 'error', ['security', 'compliance', 'cis-aks-1.8/5.4.2']],
      ['org-warning-rule', 'Title of org-warning-rule', 'Fix org-warning-rule. Via: HardenedAksClusterProps.apiServerAccess.', 'warning', ['security', 'compliance', 'cis-aks-1.8/5.4.2']],
    ]);
  });

  test('one result per non-compliant, unknown or waived finding; none for compliant and not applicable', () => {
    expect(run.results.map((r: any) => r.locations[0].logicalLocations[0].fullyQualifiedName)).toEqual(['a/bad', 'a/warned', 'b/unknown', 'b/unknown-warning', 'b/waived', 'b/exception']);
  });

  test.each([
    ['a/bad', 'fail', 'error'],
    ['a/warned', 'fail', 'warning'],
    ['b/unknown', 'fail', 'error'],
    ['b/unknown-warning', 'open', 'none'],
  ])('%s is kind %s, level %s', (p, kind, level) => {
    expect([result(p).kind, result(p).level]).toEqual([kind, level]);
  });

  test('an unknown that does not block (failOnUnknown false) stays open', () => {
    const quiet = JSON.parse(renderSarif(report(false), RULES)).runs[0].results;
    expect(quiet.filter((r: any) => r.kind === 'open').map((r: any) => r.locations[0].logicalLocations[0].fullyQualifiedName)).toEqual(['b/unknown', 'b/unknown-warning']);
  });

  test('a waived finding is an accepted in-source suppression with its reason', () => {
    expect(result('b/waived').suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: "public API until the VPN lands (SEC-1) \u0007'" }]);
    expect(result('b/exception').properties.builtInWaiver).toBe(true);
    expect(result('a/bad').suppressions).toBeUndefined();
  });

  test('the physical location is relative to %SRCROOT% and URI-encoded; without a source there is none', () => {
    expect(result('a/bad').locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'src/my%20app/main.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 3 } });
    expect(result('a/warned').locations[0].physicalLocation).toBeUndefined();
  });

  test('validates with the SARIF multitool: no error, no warning', () => {
    const file = path.join(tempDir('sarif-kinds'), 'kinds.sarif');
    fs.writeFileSync(file, renderSarif(report(true), RULES));
    expect(sarifValidatorFindings([file])).toEqual([]);
  });
});

describe('JUnit', () => {
  const xml = renderJunit(report(true));
  const doc = parseXml(xml);

  test('a suite per stack, empty ones included, with counts', () => {
    const suites = Array.from(doc.getElementsByTagName('testsuite')).map((s) => [s.getAttribute('name'), s.getAttribute('tests'), s.getAttribute('failures'), s.getAttribute('skipped')]);
    expect(suites).toEqual([
      ['a', '4', '2', '1'],
      ['b', '4', '2', '2'],
      ['c', '0', '0', '0'],
    ]);
  });

  test('failures carry the status as type and the rule message, escaped; waivers are skipped with the reason', () => {
    const cases = Array.from(doc.getElementsByTagName('testcase'));
    const bad = cases.find((c) => c.getAttribute('name') === 'org-error-rule a/bad')!;
    const failure = bad.getElementsByTagName('failure')[0];
    expect([failure.getAttribute('type'), failure.getAttribute('message'), bad.getAttribute('file'), bad.getAttribute('line')]).toEqual(['non-compliant', 'x is <false> & "off"', 'src/my app/main.ts', '12']);
    const waived = cases.find((c) => c.getAttribute('name') === 'org-error-rule b/waived')!.getElementsByTagName('skipped')[0];
    expect(waived.getAttribute('message')).toBe("waived (non-compliant): public API until the VPN lands (SEC-1) '");
    expect(xml).not.toContain('\u0007');
  });
});
