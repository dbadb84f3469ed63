// The evidence model of the engine, on a rule of the tests' own: a storage account is protected by its
// containers being private, so an account whose containers are gone has no evidence, not a pass.
import { StorageContainer } from '@cdktf/provider-azurerm/lib/storage-container';
import { Compliance, ComplianceStatus, IComplianceRule, RulePack, RuleSeverity } from '../../lib';
import { cisAks } from '../../lib/cis/refs';
import { check, compliant, defineRule, notApplicable } from '../../lib/compliance/define-rule';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';
import { storage } from './storage-fixtures';

const RULE_ID = 'test-container-private';

/** Two parts of evidence: a private container (5.1.2) and a container with a legal hold note (5.1.3). */
const containerPrivate: IComplianceRule = defineRule(
  {
    id: RULE_ID,
    title: 'storage accounts keep their data in private containers',
    severity: RuleSeverity.ERROR,
    remediation: 'add a private container',
    cisControls: [cisAks('5.1.2'), cisAks('5.1.3')],
    resourceTypes: ['azurerm_storage_container'],
    evidence: {
      protects: ['azurerm_storage_account'],
      requirements: [
        { id: 'private-container', description: 'a private container', cisControls: [cisAks('5.1.2')] },
        { id: 'held-container', description: 'a container with metadata hold=true', cisControls: [cisAks('5.1.3')] },
      ],
    },
  },
  (r) => {
    if (r.get('name') === 'ignored') {
      return notApplicable('not judged');
    }
    const held = r.get('metadata')?.hold === 'true';
    const result = check(r.get('container_access_type') === 'private', `container_access_type=${r.get('container_access_type')}`);
    return { ...result, evidence: held ? ['private-container', 'held-container'] : ['private-container'] };
  },
);
const pack = new RulePack('evidence-test', [containerPrivate]);

function container(scope: any, id: string, accountId: string, extra: Record<string, unknown> = {}): StorageContainer {
  return new StorageContainer(scope, id, { name: id, storageAccountId: accountId, containerAccessType: 'private', ...extra });
}

function findingsOf(report: any): any[] {
  return report.findings.filter((f: any) => f.ruleId === RULE_ID);
}

describe('control evidence', () => {
  test('a protected resource with every part of its evidence passes; findings name the parts they speak for', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const account = storage(stack, 'data');
    container(stack, 'held', account.id, { metadata: { hold: 'true' } });
    container(stack, 'plain', account.id);
    const report = synthWithPacks(app, [pack]).report('infra');
    expect(findingsOf(report).map((f: any) => [f.address, f.status, f.evidence, f.cisControls])).toEqual([
      ['azurerm_storage_container.held', 'compliant', ['private-container', 'held-container'], ['cis-aks-1.8/5.1.2', 'cis-aks-1.8/5.1.3']],
      ['azurerm_storage_container.plain', 'compliant', ['private-container'], ['cis-aks-1.8/5.1.2']],
    ]);
    expect(findingsOf(report).some((f: any) => f.noEvidence)).toBe(false);
  });

  test('removing the enforcing resource fails the protected one, naming the missing part and its CIS control', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const account = storage(stack, 'data');
    container(stack, 'plain', account.id);
    expect(() => synthWithPacks(app, [pack])).toThrow(
      /FAIL test-container-private \[cis-aks-1\.8\/5\.1\.3\] infra\/data \(azurerm_storage_account\.data\): non-compliant - no evidence for azurerm_storage_account\.data in stack infra: needs a container with metadata hold=true/,
    );
  });

  test('a protected resource with no enforcing resource at all fails every part; a waiver on it is honoured', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const account = storage(stack, 'data');
    Compliance.waive(account, RULE_ID, 'archive account without containers until SEC-9');
    const [finding] = findingsOf(synthWithPacks(app, [pack]).report('infra'));
    expect(finding).toMatchObject({
      status: ComplianceStatus.NON_COMPLIANT,
      noEvidence: true,
      evidence: ['private-container', 'held-container'],
      cisControls: ['cis-aks-1.8/5.1.2', 'cis-aks-1.8/5.1.3'],
      constructPath: 'infra/data',
      waiverReason: 'archive account without containers until SEC-9',
    });
  });

  test("evidence counts for the resource it belongs to: another account's containers do not speak for this one", () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const good = storage(stack, 'good');
    storage(stack, 'bare');
    container(stack, 'held', good.id, { metadata: { hold: 'true' } });
    expect(() => synthWithPacks(app, [pack])).toThrow(/no evidence for azurerm_storage_account\.bare/);
  });

  test('a non-compliant or not-applicable finding: the first is evidence (and fails by itself), the second is not', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const account = storage(stack, 'data');
    container(stack, 'open', account.id, { containerAccessType: 'blob', metadata: { hold: 'true' } });
    container(stack, 'ignored', account.id);
    Compliance.waive(stack, RULE_ID, 'public container for the static site, SEC-10');
    const findings = findingsOf(synthWithPacks(app, [pack]).report('infra'));
    expect(findings.map((f: any) => [f.address, f.status, f.noEvidence ?? false])).toEqual([
      ['azurerm_storage_container.ignored', 'not-applicable', false],
      ['azurerm_storage_container.open', 'non-compliant', false],
    ]);
  });

  test('nothing protected in the app: the rule needs no evidence', () => {
    const app = testApp();
    azureStack(app, 'infra');
    expect(findingsOf(synthWithPacks(app, [pack]).report('infra'))).toEqual([]);
  });

  test.each([
    ['an unknown subject', { protects: ['cluster'] }, /evidence.protects \["cluster"\] must list Terraform resource types or EvidenceSubject values/],
    ['no subject', { protects: [] }, /evidence.protects \[\] must list/],
    [
      'a requirement proving a control the rule does not claim',
      { protects: ['azurerm_storage_account'], requirements: [{ id: 'a', description: 'x', cisControls: [cisAks('5.4.2')] }] },
      /evidence requirement a proves cis-aks-1.8\/5.4.2, which the rule does not claim/,
    ],
    [
      'a claimed control no requirement proves',
      { protects: ['azurerm_storage_account'], requirements: [{ id: 'a', description: 'x', cisControls: [] }] },
      /no evidence requirement proves cis-aks-1.8\/5.1.2: a claimed control without one could vanish/,
    ],
    [
      'two requirements with one id',
      { protects: ['azurerm_storage_account'], requirements: [{ id: 'a', description: 'x', cisControls: [cisAks('5.1.2')] }, { id: 'a', description: 'y', cisControls: [] }] },
      /evidence requirement id "a" must be unique/,
    ],
  ])('evidence metadata with %s is rejected when the pack is built', (_label, evidence, error) => {
    const rule = defineRule(
      { id: 'test-bad-evidence', title: 't', severity: RuleSeverity.ERROR, remediation: 'r', cisControls: [cisAks('5.1.2')], resourceTypes: ['azurerm_storage_container'], evidence: evidence as any },
      () => compliant(),
    );
    expect(() => new RulePack('bad', [rule])).toThrow(error);
  });

  test('a rule naming an evidence part or CIS control it does not declare is reported unknown, never a pass', () => {
    const liar = defineRule({ ...containerPrivate.metadata, id: 'test-liar' }, () => ({ status: ComplianceStatus.COMPLIANT, evidence: ['nope'] }));
    const app = testApp();
    const stack = azureStack(app, 'infra');
    container(stack, 'c', storage(stack, 'data').id);
    expect(() => synthWithPacks(app, [new RulePack('liar', [liar])])).toThrow(/test-liar .*azurerm_storage_container\.c\): unknown - rule failed: rule returned unknown evidence requirement\(s\) nope/);
  });
});
