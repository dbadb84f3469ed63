// Readable reports: the library's own waivers apart from the app's, each not-covered reason once, the
// default example's app report small enough for a pull-request comment, and a printed waiver line that
// works when pasted.
import * as fs from 'fs';
import * as path from 'path';
import { StorageAccount } from '@cdktf/provider-azurerm/lib/storage-account';
import { App } from 'cdktf';
import { CisAksPack, CisBenchmark, Compliance, IComplianceRule, KubernetesBaselinePack, RulePack, RuleSeverity } from '../../lib';
import { cisAks } from '../../lib/cis/refs';
import { check, defineRule } from '../../lib/compliance/define-rule';
import { addBuiltInWaiver } from '../../lib/compliance/waivers';
import { addAksPlatform } from '../../examples/aks/platform';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';

const noPublicBlob: IComplianceRule = defineRule(
  {
    id: 'test-storage-no-public-blob',
    title: 'storage accounts disallow public blob access',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedContainerRegistry, or set allow_nested_items_to_be_public = false.',
    remediationTargets: ['HardenedContainerRegistry'],
    cisControls: [cisAks('5.1.2'), cisAks('5.1.3'), { benchmark: CisBenchmark.RKE2_1_8, id: '5.1.1' }],
    resourceTypes: ['azurerm_storage_account'],
  },
  (r) => check(r.get('allow_nested_items_to_be_public') === false, 'public blob access is allowed'),
);
const pack = new RulePack('test-pack', [noPublicBlob]);

function account(app: App, stack: string, id: string, publicBlobs: boolean): StorageAccount {
  return new StorageAccount(app.node.tryFindChild(stack) as any ?? azureStack(app, stack), id, {
    name: `st${id}`,
    resourceGroupName: 'rg',
    location: 'westeurope',
    accountTier: 'Standard',
    accountReplicationType: 'ZRS',
    allowNestedItemsToBePublic: publicBlobs,
  });
}

describe('built-in exceptions apart from the app\'s waivers', () => {
  let json: any;
  let agentsControls: any[];
  let md: string;
  beforeAll(() => {
    const app = testApp();
    account(app, 'agents', 'good', false);
    addBuiltInWaiver(account(app, 'agents', 'agent', true), { ruleId: 'test-storage-no-public-blob', reason: 'node agent storage: host access needed' });
    const apps = account(app, 'apps', 'site', true);
    Compliance.waive(apps, 'test-storage-no-public-blob', 'static website assets, reviewed in SEC-42');
    Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8] });
    synthWithPacks(app, [pack]);
    json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8'));
    md = fs.readFileSync(path.join(app.outdir, 'compliance.md'), 'utf-8');
    agentsControls = JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', 'agents', 'compliance.json'), 'utf-8')).controls;
  });

  test('a control whose only exceptions are built-in passes, with the exceptions listed on it', () => {
    expect(agentsControls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === '5.1.2')).toMatchObject({
      status: 'pass',
      evidence: { compliant: 1, nonCompliant: 0, unknown: 0, waived: 0, exceptions: 1 },
      exceptions: [{ ruleId: 'test-storage-no-public-blob', stack: 'agents', constructPath: 'agents/agent', reason: 'node agent storage: host access needed' }],
    });
  });

  test("the app's own waiver makes the control waived; the summary counts the two apart", () => {
    expect(json.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === '5.1.2')).toMatchObject({ status: 'waived', evidence: { waived: 1, exceptions: 1 } });
    expect(json.summary).toMatchObject({ waived: 1, exceptions: 1, blocking: 0 });
    expect(json.findings.find((f: any) => f.constructPath === 'agents/agent')).toMatchObject({ builtInWaiver: true });
    expect(json.findings.find((f: any) => f.constructPath === 'apps/site').builtInWaiver).toBeUndefined();
  });

  test('compliance.md lists them in separate sections and shows CIS ids of the selected benchmark only', () => {
    expect(md).toMatch(/## Waived by the app \(1\)\n\n\| rule \| resource \| reason \|\n\|---\|---\|---\|\n\| `test-storage-no-public-blob` \| `apps\/site` \| static website assets, reviewed in SEC-42 \|/);
    expect(md).toMatch(/## Built-in exceptions \(1\)[\s\S]*\| `test-storage-no-public-blob` \| `agents\/agent` \| node agent storage: host access needed \|/);
    expect(md).toContain('| 5.1.2 | Minimize user access to Azure Container Registry (ACR) | waived (1) | test-storage-no-public-blob |');
    expect(md).not.toContain('rke2');
    // compliance.json keeps every id.
    expect(json.findings[0].cisControls).toEqual(['cis-aks-1.8/5.1.2', 'cis-aks-1.8/5.1.3', 'rke2-cis-1.8/5.1.1']);
  });
});

describe('the default example (examples/aks) app report', () => {
  let md: string;
  let json: any;
  let outdir: string;
  beforeAll(() => {
    const app = testApp();
    outdir = app.outdir;
    addAksPlatform(app, 'platformprod');
    Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8], printSummary: false }).apply(new CisAksPack()).apply(new KubernetesBaselinePack());
    app.synth();
    md = fs.readFileSync(path.join(app.outdir, 'compliance.md'), 'utf-8');
    json = JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8'));
  });

  test('fits a pull-request comment with room to spare, in short rows', () => {
    expect(md.length).toBeLessThan(16_000);
    expect(Math.max(...md.split('\n').map((l) => l.length))).toBeLessThan(400);
  });

  test('prints each not-covered reason once, in the legend; of the in-cluster controls only 4.6.1 is not covered', () => {
    const boundaries = json.notCoveredReasons['namespace-boundaries'];
    expect(boundaries).toMatch(/^not coverable at synth time: Whether namespaces match teams/);
    expect(md.split(boundaries)).toHaveLength(2);
    const inCluster = json.controls.filter((c: any) => c.benchmark === 'cis-aks-1.8' && c.implementation === 'in-cluster' && c.status === 'not covered');
    expect(inCluster.map((c: any) => c.id)).toEqual(['4.6.1']);
    expect(md).not.toContain('rbac-review');
  });

  test('the RBAC controls pass, each proven by the rule of its enforcing constraint (that constraint exempting no workload namespace, its template the library\'s)', () => {
    const rbac = ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.7', '4.1.8', '4.1.9', '4.1.10', '4.1.11', '4.1.12'];
    for (const id of rbac) {
      const row = json.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === id);
      expect([id, row.status, row.rules.filter((r: string) => r.startsWith('k8s-rbac-')).length, row.rules.filter((r: string) => !r.startsWith('k8s-rbac-')), row.evidence.compliant]).toEqual([
        id,
        'pass',
        1,
        ['gatekeeper-constraint-exemptions', 'gatekeeper-template-unchanged'],
        3,
      ]);
    }
  });

  test("the node agents' namespaces are built-in exceptions: 4.2.x and 4.6.2 pass with 3 exceptions", () => {
    for (const id of ['4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.6.2']) {
      expect([id, json.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === id).status]).toEqual([id, 'pass']);
      expect(md).toMatch(new RegExp(`^\\| ${id.replace(/\./g, '\\.')} \\| .* \\| pass, 3 exceptions \\|`, 'm'));
    }
    expect(md).not.toContain('## Waived by the app');
  });

  test('AKS 5.4.5 (TLS to the load balancer) is proven by the gateway TLS rules', () => {
    expect(json.controls.find((c: any) => c.benchmark === 'cis-aks-1.8' && c.id === '5.4.5')).toMatchObject({
      status: 'pass',
      rules: ['appgw-http-listener-redirect', 'appgw-tls-policy'],
    });
  });

  test('per-stack reports list only the controls their resources touch', () => {
    const stack = (name: string) => JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', name, 'compliance.json'), 'utf-8'));
    const ids = (name: string) => stack(name).controls.map((c: any) => c.id);
    expect(ids('platformprod-infra')).toContain('5.4.2');
    expect(ids('platformprod-infra').filter((id: string) => id.startsWith('4.'))).toEqual(['4.5.2']);
    expect(ids('platformprod-baseline-charts')).toContain('4.2.1');
    expect(ids('platformprod-baseline-charts')).not.toContain('5.4.2');
    for (const name of ['platformprod-infra', 'platformprod-baseline-charts', 'platformprod-baseline-policies']) {
      expect(stack(name).controls.filter((c: any) => c.status === 'not covered')).toEqual([]);
    }
    const md = fs.readFileSync(path.join(outdir, 'stacks', 'platformprod-infra', 'compliance.md'), 'utf-8');
    expect(md).toMatch(/^## CIS AKS 1\.8: \d+ controls this stack's resources touch: /m);
    expect(md).not.toContain('not covered:');
  });
});

test('the printed waiver line, pasted as it is (with a reason), waives the finding', () => {
  const build = () => {
    const app = testApp();
    account(app, 'infra', 'site', true);
    Compliance.of(app, { printSummary: false }).apply(pack);
    return app;
  };
  let message = '';
  try {
    build().synth();
  } catch (e) {
    message = (e as Error).message;
  }
  const line = /waive: (Compliance\.waive\(.*\))$/m.exec(message)?.[1];
  expect(line).toBe("Compliance.waive(app.node.findChild('infra').node.findChild('site'), 'test-storage-no-public-blob', '<why this is accepted, 10+ characters>')");
  const app = build();
  new Function('app', 'Compliance', line!.replace('<why this is accepted, 10+ characters>', 'static website assets (SEC-42)'))(app, Compliance);
  app.synth();
  expect(JSON.parse(fs.readFileSync(path.join(app.outdir, 'compliance.json'), 'utf-8')).summary).toMatchObject({ waived: 1, blocking: 0 });
});
