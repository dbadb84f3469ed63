import * as fs from 'fs';
import * as path from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { TerraformStack, TerraformVariable } from 'cdktf';
import { StackSynthesizer } from 'cdktf/lib/synthesize/synthesizer';
import { Construct } from 'constructs';
import { CisBenchmark, ComplianceStatus, Compliance, RulePack, RuleSeverity } from '../../lib';
import { cisAks } from '../../lib/cis/refs';
import { defineRule, notApplicable } from '../../lib/compliance/define-rule';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';
import { storage, storageNoPublicBlob, storagePack } from './storage-fixtures';

const warnOnly = defineRule({ ...storageNoPublicBlob.metadata, id: 'test-storage-warn', severity: RuleSeverity.WARNING }, (r, c) =>
  storageNoPublicBlob.evaluate(r, c),
);
const pack = storagePack;

function statusOf(report: any, address: string, ruleId = 'test-storage-no-public-blob'): any {
  return report.findings.find((f: any) => f.address === address && f.ruleId === ruleId);
}

describe('compliance engine', () => {
  test('reports compliant, non-compliant-waived and not-applicable findings with their metadata', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    storage(stack, 'good');
    const bad = storage(stack, 'bad', { allowNestedItemsToBePublic: true });
    storage(stack, 'premium', { accountTier: 'Premium', allowNestedItemsToBePublic: true });
    Compliance.waive(bad, 'test-storage-no-public-blob', 'public static website assets, reviewed in SEC-42');
    const result = synthWithPacks(app, [pack]);
    const report = result.report('infra');

    expect(statusOf(report, 'azurerm_storage_account.good')).toMatchObject({
      status: ComplianceStatus.COMPLIANT,
      severity: 'error',
      cisControls: ['cis-aks-1.8/5.1.2'],
      constructPath: 'infra/good',
    });
    expect(statusOf(report, 'azurerm_storage_account.bad')).toMatchObject({
      status: ComplianceStatus.NON_COMPLIANT,
      waiverReason: 'public static website assets, reviewed in SEC-42',
      message: 'public blob access is allowed',
    });
    expect(statusOf(report, 'azurerm_storage_account.premium').status).toBe(ComplianceStatus.NOT_APPLICABLE);
    expect(report.summary).toEqual({ compliant: 1, nonCompliant: 0, waived: 1, exceptions: 0, unknown: 0, notApplicable: 1, blocking: 0 });
    expect(report.packs).toEqual([{ name: 'test-pack', rules: ['test-storage-no-public-blob'] }]);
    expect(report).toMatchObject({ format: 'cdktf-hardened-k8s/compliance-report', stack: 'infra', blocked: false, stacks: ['infra'] });
  });

  test('an unwaived error finding fails synth naming rule, CIS id and construct path, and leaves no output', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    storage(stack, 'bad', { allowNestedItemsToBePublic: true });
    expect(() => synthWithPacks(app, [pack])).toThrow(
      /test-storage-no-public-blob \[cis-aks-1\.8\/5\.1\.2\] infra\/bad \(azurerm_storage_account\.bad\): non-compliant/,
    );
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'infra'))).toBe(false);
  });

  test('a failing stack also removes the output of stacks synthesized before it', () => {
    const app = testApp();
    storage(azureStack(app, 'first'), 'good');
    storage(azureStack(app, 'second'), 'bad', { allowNestedItemsToBePublic: true });
    expect(() => synthWithPacks(app, [pack])).toThrow(/stack "second": 1 blocking finding/);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'first', 'cdk.tf.json'))).toBe(false);
  });

  test('a warning-level finding is reported but does not fail synth', () => {
    const app = testApp();
    storage(azureStack(app, 'infra'), 'bad', { allowNestedItemsToBePublic: true });
    const result = synthWithPacks(app, [new RulePack('warn', [warnOnly])]);
    expect(statusOf(result.report('infra'), 'azurerm_storage_account.bad', 'test-storage-warn').status).toBe('non-compliant');
    expect(result.report('infra').summary.blocking).toBe(0);
  });

  test('an unresolved token is unknown, never a pass, and blocks an error rule', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const flag = new TerraformVariable(stack, 'public', { type: 'bool' });
    storage(stack, 'dynamic', { allowNestedItemsToBePublic: flag.booleanValue });
    expect(() => synthWithPacks(app, [pack])).toThrow(/azurerm_storage_account\.dynamic\): unknown - allow_nested_items_to_be_public is not known at synth time/);
  });

  test('unknown findings can be allowed with failOnUnknown=false, and are still reported as unknown', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const flag = new TerraformVariable(stack, 'public', { type: 'bool' });
    storage(stack, 'dynamic', { allowNestedItemsToBePublic: flag.booleanValue });
    Compliance.of(app, { failOnUnknown: false, printSummary: false });
    const result = synthWithPacks(app, [pack]);
    expect(statusOf(result.report('infra'), 'azurerm_storage_account.dynamic').status).toBe('unknown');
  });

  test('rules see escape-hatch overrides (addOverride) because they read the synthesized JSON', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const account = storage(stack, 'overridden');
    account.addOverride('allow_nested_items_to_be_public', true);
    expect(() => synthWithPacks(app, [pack])).toThrow(/azurerm_storage_account\.overridden\): non-compliant/);
  });

  test('a waiver on a parent construct covers the resources below it; the closest waiver wins', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const group = new Construct(stack, 'team');
    const inner = new Construct(group, 'inner');
    storage(inner, 'bad', { allowNestedItemsToBePublic: true });
    Compliance.waive(group, 'test-storage-no-public-blob', 'team-wide exception until 2027-01');
    Compliance.waive(inner, 'test-storage-no-public-blob', 'inner exception, more specific');
    expect(() => synthWithPacks(app, [pack])).toThrow(/PROBLEM waiver of "test-storage-no-public-blob" on infra\/team \("team-wide exception until 2027-01"\) matches no finding/);
  });

  test('a waiver that matches nothing fails synth', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    const good = storage(stack, 'good');
    Compliance.waive(good, 'test-storage-no-public-blob', 'stale waiver from an old incident');
    expect(() => synthWithPacks(app, [pack])).toThrow(/waiver of "test-storage-no-public-blob" on infra\/good \("stale waiver from an old incident"\) matches no finding/);
  });

  test.each([
    ['missing', undefined],
    ['empty', ''],
    ['too short', 'because'],
  ])('a waiver with a %s reason is rejected at construction', (_label, reason) => {
    const stack = new TerraformStack(testApp(), 'infra');
    expect(() => Compliance.waive(stack, 'test-storage-no-public-blob', reason as any)).toThrow(
      /Compliance.waive: waiver for rule "test-storage-no-public-blob" on infra: reason .* shorter than 10 characters/,
    );
  });

  test('stacks created after apply() are checked too', () => {
    const app = testApp();
    azureStack(app, 'early');
    Compliance.of(app, { printSummary: false }).apply(pack);
    storage(azureStack(app, 'late'), 'bad', { allowNestedItemsToBePublic: true });
    expect(() => app.synth()).toThrow(/stack "late"/);
  });

  test('apply() on an app with no stack yet fails at once: there is no stack to check through', () => {
    const app = testApp();
    expect(() => Compliance.of(app).apply(pack)).toThrow(
      /Compliance.apply\("test-pack"\): the app has no TerraformStack yet.*Fix: create the stacks first .*then call Compliance.of\(app\).apply\(pack\)/,
    );
  });

  test('a stack whose synthesizer is replaced after apply() blocks synth instead of going unchecked', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    storage(stack, 'good');
    Compliance.of(app, { printSummary: false }).apply(pack);
    stack.synthesizer = new StackSynthesizer(stack);
    expect(() => app.synth()).toThrow(/PROBLEM stack "infra" was synthesized without the compliance check/);
    expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8')).blocked).toBe(true);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'infra'))).toBe(false);
  });

  test('resources the library did not create are checked (any L1 in any stack)', () => {
    const app = testApp();
    const stack = azureStack(app, 'infra');
    new ResourceGroup(stack, 'rg', { name: 'rg', location: 'westeurope' });
    storage(stack, 'good');
    const report = synthWithPacks(app, [pack]).report('infra');
    expect(report.findings.map((f: any) => f.address)).toEqual(['azurerm_storage_account.good']);
  });

  test('markdown reports: the app lists one row per CIS control, a stack only the controls its resources touch', () => {
    const app = testApp();
    storage(azureStack(app, 'infra'), 'good');
    const result = synthWithPacks(app, [pack]);
    const md = fs.readFileSync(path.join(result.outdir, 'compliance.md'), 'utf-8');
    expect(md).toContain('| 5.1.2 | Minimize user access to Azure Container Registry (ACR) | pass | test-storage-no-public-blob |');
    expect(md).toContain('| 5.4.2 | Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled | not covered: no-rule |  |');
    expect(md).toContain('| 3.2.1 | Ensure that the --anonymous-auth argument is set to false | not covered: platform |  |');
    expect(md.match(/^\| \d+(\.\d+)+ \|/gm)).toHaveLength(51);
    const stackMd = result.markdown('infra');
    expect(stackMd.match(/^\| \d+(\.\d+)+ \|/gm)).toEqual(['| 5.1.2 |']);
    expect(stackMd).toContain("## CIS AKS 1.8: 1 control this stack's resources touch: 1 pass, 0 fail, 0 waived, 0 not covered");
  });

  test('a rule that throws is reported as unknown with the error, not as a pass', () => {
    const broken = defineRule({ ...storageNoPublicBlob.metadata, id: 'test-broken' }, () => {
      throw new Error('boom');
    });
    const app = testApp();
    storage(azureStack(app, 'infra'), 'good');
    expect(() => synthWithPacks(app, [new RulePack('broken', [broken])])).toThrow(/test-broken .* unknown - rule failed: boom/);
  });

  test('a rule citing an unknown CIS control is rejected when the pack is built', () => {
    const bogus = defineRule({ ...storageNoPublicBlob.metadata, id: 'test-bogus', cisControls: [cisAks('9.9.9')] }, () => notApplicable());
    expect(() => new RulePack('bogus', [bogus])).toThrow(/Unknown CIS control "9.9.9" in benchmark cis-aks-1.8/);
  });

  test('a pack with a duplicated or malformed rule id is rejected', () => {
    expect(() => new RulePack('dup', [storageNoPublicBlob, storageNoPublicBlob])).toThrow(/appears twice/);
    const badId = defineRule({ ...storageNoPublicBlob.metadata, id: 'Bad_Id' }, () => notApplicable());
    expect(() => new RulePack('bad', [badId])).toThrow(/lower-case words joined by hyphens/);
  });

  test('the same rule in two packs runs once', () => {
    const app = testApp();
    storage(azureStack(app, 'infra'), 'good');
    const report = synthWithPacks(app, [pack, new RulePack('again', [storageNoPublicBlob])]).report('infra');
    expect(report.findings).toHaveLength(1);
    expect(report.packs.map((p: any) => p.name)).toEqual(['test-pack', 'again']);
  });
});

describe('app-level report and benchmark selection', () => {
  test('the whole-app report combines every stack; a control proven in any stack passes', () => {
    const app = testApp();
    storage(azureStack(app, 'first'), 'good');
    storage(azureStack(app, 'second'), 'premium', { accountTier: 'Premium', allowNestedItemsToBePublic: true });
    synthWithPacks(app, [pack]);
    const report = JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8'));
    expect(report.stack).toBe('(app)');
    expect(report.findings.map((f: any) => f.constructPath)).toEqual(['first/good', 'second/premium']);
    expect(report.controls.find((c: any) => c.id === '5.1.2').status).toBe('pass');
    expect(fs.readFileSync(path.join(app.outdir, 'compliance.md'), 'utf-8')).toContain('# Compliance report: whole app');
    // The second stack's only finding is not applicable: it touches no control, so its report lists none.
    const second = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'second', 'compliance.json'), 'utf-8'));
    expect(second.controls).toEqual([]);
  });

  test('benchmarks limits what compliance.md lists; compliance.json keeps every cited benchmark and records the options', () => {
    const rke2Rule = defineRule({ ...storageNoPublicBlob.metadata, id: 'test-rke2', cisControls: [{ benchmark: CisBenchmark.RKE2_1_8, id: '1.1.1' }] }, () => notApplicable());
    const both = new RulePack('both', [storageNoPublicBlob, rke2Rule]);
    const all = testApp();
    storage(azureStack(all, 'infra'), 'good');
    synthWithPacks(all, [both]);
    const allMd = fs.readFileSync(path.join(all.outdir, 'compliance.md'), 'utf-8');
    expect(allMd).toMatch(/^## RKE2 CIS 1\.8: 130 controls/m);
    const aksOnly = testApp();
    storage(azureStack(aksOnly, 'infra'), 'good');
    Compliance.of(aksOnly, { printSummary: false, benchmarks: [CisBenchmark.AKS_1_8] });
    synthWithPacks(aksOnly, [both]);
    const json = JSON.parse(fs.readFileSync(path.join(aksOnly.outdir, 'compliance.json'), 'utf-8'));
    const md = fs.readFileSync(path.join(aksOnly.outdir, 'compliance.md'), 'utf-8');
    expect(new Set(json.controls.map((c: any) => c.benchmark))).toEqual(new Set(['cis-aks-1.8', 'rke2-cis-1.8']));
    expect(json.options).toEqual({ failOnUnknown: true, benchmarks: ['cis-aks-1.8'] });
    expect(json.benchmarks).toEqual([{ id: 'cis-aks-1.8', label: 'CIS AKS 1.8' }]);
    expect(json.packs).toEqual([{ name: 'both', rules: ['test-storage-no-public-blob', 'test-rke2'] }]);
    expect(json.rules.map((r: any) => r.id)).toEqual(['test-rke2', 'test-storage-no-public-blob']);
    expect(md).not.toMatch(/RKE2|rke2-cis/);
    expect(md.match(/^\| \d+(\.\d+)+ \|/gm)).toHaveLength(51);
  });
});
