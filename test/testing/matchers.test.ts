import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KubernetesCluster } from '@cdktf/provider-azurerm/lib/kubernetes-cluster';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { App, TerraformStack } from 'cdktf';
import { CisAksPack, Compliance, ComplianceStatus, IComplianceRule, KubernetesBaselinePack, RulePack, RuleSeverity } from '../../lib';
import { judgeStack, setupComplianceMatchers, stableJson, synthSnapshot, toHaveFinding } from '../../lib/testing';
import { appFindings, azureStack } from '../helpers/synth';

setupComplianceMatchers();

const namedRule: IComplianceRule = {
  metadata: { id: 'org-rg-named', title: 'Resource groups start with rg-', severity: RuleSeverity.ERROR, remediation: 'Name it rg-<name>.', cisControls: [], resourceTypes: ['azurerm_resource_group'] },
  evaluate: (r) => ({ status: String(r.get('name')).startsWith('rg-') ? ComplianceStatus.COMPLIANT : ComplianceStatus.NON_COMPLIANT, message: `name ${r.get('name')}` }),
};
const ORG = new RulePack('org-policy', [namedRule]);

function app(): App {
  return new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-testing-')), stackTraces: false });
}

describe('synthSnapshot', () => {
  test('stable, metadata-free JSON: no "//" blocks, keys in code-unit order', () => {
    const stack = azureStack(app(), 'infra');
    new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope', tags: { b: '1', B: '2', a: '3' } });
    const json = synthSnapshot(stack) as any;
    expect(JSON.stringify(json)).not.toContain('"//"');
    expect(Object.keys(json.resource.azurerm_resource_group.rg.tags)).toEqual(['B', 'a', 'b']);
    expect(json).toMatchSnapshot();
  });

  test('stableJson writes the project path (cdktf writes the local state path with it) as <project>', () => {
    const root = path.join(os.tmpdir(), 'project');
    const json = { '//': { metadata: {} }, terraform: { backend: { local: { path: path.join(root, 'terraform.infra.tfstate') } } }, other: `${root}-sibling/x` };
    expect(stableJson(json, root)).toEqual({ terraform: { backend: { local: { path: '<project>/terraform.infra.tfstate' } } }, other: `${root}-sibling/x` });
  });

  test('the same stack synthesizes to the same snapshot twice', () => {
    const build = () => {
      const stack = azureStack(app(), 'infra');
      new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope' });
      return synthSnapshot(stack);
    };
    expect(build()).toEqual(build());
  });

  test.each([null, undefined, {}, 'infra'])('rejects %p with a clear error', (value) => {
    expect(() => synthSnapshot(value as any)).toThrow(/synthSnapshot: invalid stack .*Allowed: a TerraformStack/);
  });
});

describe('toPassCompliance and toHaveFinding', () => {
  test('a stack that meets the packs passes; one that does not fails with the FAIL and fix lines', () => {
    const good = azureStack(app(), 'good');
    new ResourceGroup(good, 'rg', { name: 'rg-a', location: 'westeurope' });
    expect(good).toPassCompliance(ORG);
    const bad = azureStack(app(), 'bad');
    new ResourceGroup(bad, 'rg', { name: 'a', location: 'westeurope' });
    expect(bad).not.toPassCompliance(ORG);
    expect(() => expect(bad).toPassCompliance(ORG)).toThrow(/1 finding\(s\) block:\nFAIL org-rg-named \[no CIS id\] bad\/rg \(azurerm_resource_group.rg\): non-compliant - name a\n {2}fix: {3}Name it rg-<name>./);
  });

  test("without packs it judges with the packs the app applied, and the app's waivers count", () => {
    const a = app();
    const stack = azureStack(a, 'infra');
    const rg = new ResourceGroup(stack, 'rg', { name: 'a', location: 'westeurope' });
    Compliance.of(a, { printSummary: false }).apply(ORG);
    expect(stack).not.toPassCompliance();
    Compliance.waive(rg, 'org-rg-named', 'legacy name kept until the migration (OPS-7)');
    expect(stack).toPassCompliance();
    expect(stack).toHaveFinding('org-rg-named', 'waived');
    expect(stack).toHaveFinding('org-rg-named', ComplianceStatus.NON_COMPLIANT, 'infra/rg');
  });

  test("a library rule is found without applying its pack, and judges the stack's JSON after overrides", () => {
    const stack = azureStack(app(), 'infra');
    const cluster = new KubernetesCluster(stack, 'cluster', {
      name: 'aks',
      location: 'westeurope',
      resourceGroupName: 'rg-a',
      dnsPrefix: 'aks',
      privateClusterEnabled: true,
      defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5' },
    });
    expect(stack).toHaveFinding('aks-private-cluster', ComplianceStatus.COMPLIANT);
    cluster.addOverride('private_cluster_enabled', false);
    expect(stack).toHaveFinding('aks-private-cluster', ComplianceStatus.NON_COMPLIANT, 'infra/cluster');
    expect(stack).not.toHaveFinding('aks-private-cluster', ComplianceStatus.COMPLIANT);
    expect(stack).not.toPassCompliance(new CisAksPack());
  });

  test('a stack is judged as synth judges it in its app: a cluster without the evidence of the in-cluster controls fails', () => {
    const a = app();
    const stack = azureStack(a, 'infra');
    new KubernetesCluster(stack, 'cluster', { name: 'aks', location: 'westeurope', resourceGroupName: 'rg-a', dnsPrefix: 'aks', defaultNodePool: { name: 'system', vmSize: 'Standard_D4ds_v5' } });
    new TerraformStack(a, 'other');
    const pack = new KubernetesBaselinePack();
    // Nothing in the app enforces the baseline's policies on the cluster: each rule's "no evidence" finding lands on it.
    expect(stack).not.toPassCompliance(pack);
    expect(stack).toHaveFinding('gatekeeper-allowed-registries', ComplianceStatus.NON_COMPLIANT, 'infra/cluster');
    const blockingOf = (findings: Array<{ stack: string; status: string; ruleId: string; waiverReason?: string }>) =>
      findings.filter((f) => f.stack === 'infra' && f.waiverReason === undefined && f.status !== 'compliant' && f.status !== 'not-applicable').map((f) => f.ruleId).sort();
    const matcher = blockingOf(judgeStack(stack, pack.rules));
    expect(matcher.length).toBeGreaterThan(0);
    expect(matcher).toEqual(blockingOf(appFindings(a, [pack])));
  });

  test('a rule of TerraformStatePack is found without applying the pack', () => {
    const stack = azureStack(app(), 'infra');
    new ResourceGroup(stack, 'rg', { name: 'rg-a', location: 'westeurope' });
    const result = toHaveFinding(stack, 'state-backend-remote', ComplianceStatus.COMPLIANT);
    expect(result.message()).not.toMatch(/no rule/);
  });

  test('an unknown rule id fails and names the closest one', () => {
    const stack = azureStack(app(), 'infra');
    const result = toHaveFinding(stack, 'aks-private-clustr', ComplianceStatus.COMPLIANT);
    expect([result.pass, result.message()]).toEqual([false, expect.stringMatching(/no rule "aks-private-clustr" .*did you mean "aks-private-cluster"/)]);
  });

  test('a rule that finds no resource says so', () => {
    const stack = azureStack(app(), 'infra');
    const result = toHaveFinding(stack, 'aks-private-cluster', ComplianceStatus.COMPLIANT);
    expect([result.pass, result.message()]).toEqual([false, 'expected a compliant finding of aks-private-cluster, but the rule found no resource to judge']);
  });

  test('something other than a stack is a clear error', () => {
    expect(() => expect(new App()).toPassCompliance(ORG)).toThrow('toPassCompliance: expect() needs a TerraformStack, but got App');
    expect(() => expect(undefined).toHaveFinding('org-rg-named', ComplianceStatus.COMPLIANT)).toThrow('toHaveFinding: expect() needs a TerraformStack, but got undefined');
    expect(TerraformStack).toBeDefined();
  });
});
