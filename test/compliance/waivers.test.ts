// Waivers are checked against the applied rules at synth: a mistyped rule id blocks synth with the
// closest applied id suggested; the library's own waivers of rules an app does not apply stay silent.
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Compliance, IComplianceRule, RulePack, RuleSeverity } from '../../lib';
import { cisAks } from '../../lib/cis/refs';
import { closestId, editDistance } from '../../lib/compliance/closest-id';
import { check, defineRule } from '../../lib/compliance/define-rule';
import { addBuiltInWaiver } from '../../lib/compliance/waivers';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';

const rule = (id: string): IComplianceRule =>
  defineRule(
    { id, title: id, severity: RuleSeverity.ERROR, remediation: 'fix it', cisControls: [cisAks('5.1.2')], resourceTypes: ['azurerm_storage_account'] },
    (r) => check(r.get('allow_nested_items_to_be_public') === false, 'public blob access is allowed'),
  );
const pack = new RulePack('storage', [rule('storage-no-public-blob'), rule('storage-no-shared-key')]);

function appWithBadAccount(): { app: App; account: StorageAccount } {
  const app = testApp();
  const account = new StorageAccount(azureStack(app, 'infra'), 'st', {
    name: 'st',
    resourceGroupName: 'rg',
    location: 'westeurope',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    allowNestedItemsToBePublic: true,
  });
  return { app, account };
}

describe('waiver rule ids', () => {
  test('a mistyped rule id blocks synth, names the waiver and suggests the closest applied id', () => {
    const { app, account } = appWithBadAccount();
    Compliance.waive(account, 'storage-no-pubic-blob', 'static website assets, reviewed in SEC-42');
    Compliance.waive(account, 'storage-no-shared-key', 'legacy client until 2027-01 (SEC-43)');
    expect(() => synthWithPacks(app, [pack])).toThrow(
      /PROBLEM waiver on infra\/st names rule "storage-no-pubic-blob", which no applied pack has \(packs: "storage"\)\. Did you mean "storage-no-public-blob"\? .*Fix: correct the rule id/,
    );
  });

  test('the mistyped waiver is reported once, as unknown, not also as unused; the finding it meant to waive still blocks', () => {
    const { app, account } = appWithBadAccount();
    Compliance.waive(account, 'storage-no-pubic-blob', 'static website assets, reviewed in SEC-42');
    Compliance.waive(account, 'storage-no-shared-key', 'legacy client until 2027-01 (SEC-43)');
    let message = '';
    try {
      synthWithPacks(app, [pack]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.match(/storage-no-pubic-blob/g)).toHaveLength(1);
    expect(message).toMatch(/FAIL storage-no-public-blob \[cis-aks-1\.8\/5\.1\.2\] infra\/st/);
    expect(message).toMatch(/set-up: 1 problem\(s\)/);
  });

  test("a built-in waiver of a rule the app does not apply, or that waives nothing, stays silent", () => {
    const { app, account } = appWithBadAccount();
    addBuiltInWaiver(account, { ruleId: 'k8s-namespace-pod-security', reason: 'node agent namespace: not applied in this app' });
    addBuiltInWaiver(account, { ruleId: 'storage-no-shared-key', reason: 'the library waives this resource' });
    Compliance.waive(account, 'storage-no-public-blob', 'static website assets, reviewed in SEC-42');
    expect(synthWithPacks(app, [pack]).report('infra').summary).toMatchObject({ blocking: 0, waived: 1, exceptions: 1 });
  });

  test('closest id: edit distance, ties broken by code-unit order', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closestId('aks-privte-cluster', ['aks-private-cluster', 'aks-azure-rbac'])).toBe('aks-private-cluster');
    expect(closestId('ab', ['ac', 'aa'])).toBe('aa');
    expect(closestId('x', [])).toBeUndefined();
  });
});

describe('Compliance.of and Compliance.waive reject a scope that is not in an App', () => {
  const outside = () => new Construct(new Construct(undefined as any, 'root'), 'child');
  test.each([
    ['Compliance.of', (scope: any) => Compliance.of(scope)],
    ['Compliance.waive', (scope: any) => Compliance.waive(scope, 'aks-private-cluster', 'a reason long enough')],
  ])('%s', (api, call) => {
    expect(() => call(outside())).toThrow(
      new RegExp(`^${api.replace('.', '\\.')}: the scope must be a construct inside a cdktf App, but "root/child", whose root is a Construct \\("root"\\), not an App was given\\..*Fix: create the construct in a stack`),
    );
    expect(() => call(undefined)).toThrow(new RegExp(`^${api.replace('.', '\\.')}: the scope must be a construct inside a cdktf App, but undefined was given`));
    expect(() => call(null)).toThrow(/but null was given/);
    expect(() => call({ id: 'x' })).toThrow(/but an object that is not a construct was given/);
  });
});

describe('Compliance options and packs', () => {
  test.each([
    [{ failOnUnknown: 'yes' }, /Compliance.of: invalid options.failOnUnknown "yes". Allowed: true or false/],
    [{ printSummary: 1 }, /invalid options.printSummary 1/],
    [{ benchmarks: [] }, /invalid options.benchmarks \[\]. Allowed: a non-empty list of cis-aks-1.8, rke2-cis-1.8/],
    [{ benchmarks: ['cis-aks-1.7'] }, /invalid options.benchmarks \["cis-aks-1.7"\]/],
    ['fast', /invalid options "fast". Allowed: a ComplianceOptions object/],
  ])('rejects options %j', (options, message) => {
    expect(() => Compliance.of(testApp(), options as any)).toThrow(message);
  });

  test('an option set once cannot be changed by a later call; repeating it or leaving it out is fine', () => {
    const app = testApp();
    Compliance.of(app, { failOnUnknown: false });
    expect(() => Compliance.of(app, { failOnUnknown: false, printSummary: false })).not.toThrow();
    expect(() => Compliance.of(app)).not.toThrow();
    expect(() => Compliance.of(app, { failOnUnknown: true })).toThrow(
      /Compliance.of: option failOnUnknown is already false for this app, but true was given. .*Fix: pass the options on one Compliance.of\(app, options\) call/,
    );
  });

  test('apply() rejects something that is not a pack', () => {
    const app = testApp();
    new TerraformStack(app, 'infra');
    expect(() => Compliance.of(app).apply(undefined as any)).toThrow(/Compliance.apply: invalid pack undefined. Allowed: an IRulePack/);
    expect(() => Compliance.of(app).apply({ name: 'x' } as any)).toThrow(/invalid pack \{"name":"x"\}/);
  });
});
