// The check command on the default example: re-check from the recorded packs, plan mode with fixtures
// generated from the synthesized stacks, SARIF validated by the SARIF SDK, JUnit parsed, bad input.
import * as fs from 'fs';
import * as path from 'path';
import { synthExample } from '../helpers/examples';
import { check, checkBin, parseXml, readJson, ROOT, sarifValidatorFindings, tempDir, writeJson } from '../helpers/check-command';
import { planOfStack, PlanFixtureOptions } from '../helpers/plan-fixture';

const INFRA = 'platformprod-infra';
const CHARTS = 'platformprod-baseline-charts';
const CLUSTER_PATH = 'platformprod-infra/aks/cluster';

let outdir: string;
let work: string;
let clusterAddress: string;

beforeAll(() => {
  outdir = path.relative(ROOT, synthExample('aks', 'bundle'));
  work = tempDir('check');
  const infra = readJson(path.join(ROOT, outdir, 'stacks', INFRA, 'cdk.tf.json'));
  clusterAddress = `azurerm_kubernetes_cluster.${Object.keys(infra.resource.azurerm_kubernetes_cluster)[0]}`;
});

const stackJson = (stack: string) => readJson(path.join(ROOT, outdir, 'stacks', stack, 'cdk.tf.json'));
const out = (name: string) => path.join(work, name);
function planFile(name: string, stack: string, options: PlanFixtureOptions = {}): string {
  return writeJson(out(name), planOfStack(stackJson(stack), options));
}

/** The line of the example that creates the cluster, read from the source (never hard-coded). */
function clusterLine(): number {
  return fs.readFileSync(path.join(ROOT, 'examples', 'aks', 'platform.ts'), 'utf-8').split('\n').findIndex((l) => l.includes('new HardenedAksCluster(')) + 1;
}

describe('check on the synthesized output', () => {
  let run: ReturnType<typeof check>;
  beforeAll(() => {
    run = check('check', outdir, '--json', out('synth.json'), '--sarif', out('synth.sarif'), '--junit', out('synth.xml'), '--markdown', out('synth.md'));
  });

  test('exits 0 and names every stack judged on synth', () => {
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(/check: PASSED/);
    for (const stack of readJson(path.join(ROOT, outdir, 'compliance.json')).stacks) {
      expect(run.out).toContain(`check [${stack}] on synth:`);
    }
  });

  test('gives the same report as the synth, byte for byte', () => {
    expect(fs.readFileSync(out('synth.json'), 'utf-8')).toEqual(fs.readFileSync(path.join(ROOT, outdir, 'compliance.json'), 'utf-8'));
    expect(fs.readFileSync(out('synth.md'), 'utf-8')).toEqual(fs.readFileSync(path.join(ROOT, outdir, 'compliance.md'), 'utf-8'));
    expect(fs.readFileSync(out('synth.sarif'), 'utf-8')).toEqual(fs.readFileSync(path.join(ROOT, outdir, 'compliance.sarif'), 'utf-8'));
  });

  test('writes JUnit: well-formed, a suite per stack, a case per finding, counts that add up', () => {
    const report = readJson(out('synth.json'));
    const doc = parseXml(fs.readFileSync(out('synth.xml'), 'utf-8'));
    const root = doc.documentElement!;
    expect(root.nodeName).toBe('testsuites');
    const suites = Array.from(root.getElementsByTagName('testsuite'));
    expect(suites.map((s) => s.getAttribute('name'))).toEqual(report.stacks);
    let total = 0;
    for (const suite of suites) {
      const cases = Array.from(suite.getElementsByTagName('testcase'));
      const failures = cases.filter((c) => c.getElementsByTagName('failure').length > 0).length;
      const skipped = cases.filter((c) => c.getElementsByTagName('skipped').length > 0).length;
      expect([suite.getAttribute('name'), Number(suite.getAttribute('tests')), Number(suite.getAttribute('failures')), Number(suite.getAttribute('skipped'))]).toEqual([
        suite.getAttribute('name'),
        cases.length,
        failures,
        skipped,
      ]);
      total += cases.length;
    }
    expect(total).toBe(report.findings.length);
    expect(Number(root.getAttribute('tests'))).toBe(total);
    // The library's own exceptions are skipped with their reason, not failures.
    expect(Number(root.getAttribute('failures'))).toBe(0);
    expect(Number(root.getAttribute('skipped'))).toBe(report.findings.filter((f: any) => f.waiverReason !== undefined || f.status === 'not-applicable').length);
  });
});

describe('check on a Terraform plan', () => {
  test('a first plan of the same synth gives the statuses synth gave, and exits 0', () => {
    const run = check('check', outdir, '--plan', `${INFRA}=${planFile('same.json', INFRA)}`, '--json', out('same-report.json'));
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out).toMatch(new RegExp(`check \\[${INFRA}\\] on plan same.json \\(Terraform 1\\.9\\.8\\)`));
    const statuses = (file: string) =>
      readJson(file)
        .findings.filter((f: any) => f.stack === INFRA)
        .map((f: any) => `${f.ruleId} ${f.constructPath} ${f.status}`);
    expect(statuses(out('same-report.json'))).toEqual(statuses(path.join(ROOT, outdir, 'compliance.json')));
  });

  describe('where private_cluster_enabled resolves to false', () => {
    let run: ReturnType<typeof check>;
    beforeAll(() => {
      const plan = planFile('public.json', INFRA, { set: { [clusterAddress]: { private_cluster_enabled: false } } });
      run = check('check', outdir, '--plan', `${INFRA}=${plan}`, '--sarif', out('public.sarif'), '--junit', out('public.xml'));
    });

    test('exits 1 naming aks-private-cluster on the cluster, and what a public API server also fails', () => {
      expect(run.code).toBe(1);
      expect(run.out).toMatch(new RegExp(`FAIL aks-private-cluster \\[cis-aks-1.8/5.4.2\\] ${CLUSTER_PATH} \\(${clusterAddress.replace('.', '\\.')}\\): non-compliant - private_cluster_enabled=false`));
      // A public endpoint without authorized IP ranges is the other control it breaks (CIS AKS 1.8 5.4.1).
      const failing = [...run.out.matchAll(/FAIL (\S+) \[[^\]]*\] (\S+) /g)].map((m) => `${m[1]} ${m[2]}`);
      expect(failing).toEqual([`aks-api-server-access-restricted ${CLUSTER_PATH}`, `aks-private-cluster ${CLUSTER_PATH}`]);
    });

    test('the SARIF result points at the source line of the example that creates the cluster', () => {
      const results = readJson(out('public.sarif')).runs[0].results.filter((r: any) => r.ruleId === 'aks-private-cluster');
      expect(results).toHaveLength(1);
      const [location] = results[0].locations;
      expect(location.physicalLocation).toEqual({
        artifactLocation: { uri: 'examples/aks/platform.ts', uriBaseId: '%SRCROOT%' },
        region: { startLine: clusterLine(), startColumn: expect.any(Number) },
      });
      expect(location.logicalLocations[0].fullyQualifiedName).toBe(CLUSTER_PATH);
      expect([results[0].kind, results[0].level, results[0].suppressions]).toEqual(['fail', 'error', undefined]);
    });

    test('the JUnit failure carries the rule message', () => {
      const doc = parseXml(fs.readFileSync(out('public.xml'), 'utf-8'));
      const failing = Array.from(doc.getElementsByTagName('testcase')).filter((c) => c.getElementsByTagName('failure').length > 0);
      expect(failing.map((c) => c.getAttribute('name'))).toEqual([`aks-api-server-access-restricted ${CLUSTER_PATH}`, `aks-private-cluster ${CLUSTER_PATH}`]);
      const privateCluster = failing[1];
      expect([privateCluster.getAttribute('file'), privateCluster.getAttribute('line')]).toEqual(['examples/aks/platform.ts', String(clusterLine())]);
      const failure = privateCluster.getElementsByTagName('failure')[0];
      expect([failure.getAttribute('type'), failure.getAttribute('message')]).toEqual(['non-compliant', 'private_cluster_enabled=false, private_cluster_public_fqdn_enabled=false']);
    });

    test('the SARIF files validate with the SARIF multitool: no error, no warning', () => {
      expect(sarifValidatorFindings([out('public.sarif'), path.join(ROOT, outdir, 'compliance.sarif')])).toEqual([]);
    });
  });

  test('a value the plan knows only after apply stays unknown and blocks (failOnUnknown)', () => {
    const plan = planFile('unknown.json', INFRA, { unknown: { [clusterAddress]: ['private_cluster_enabled'] } });
    const run = check('check', outdir, '--plan', `${INFRA}=${plan}`);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/FAIL aks-private-cluster .*: unknown - private_cluster_enabled is known only after apply/);
  });

  test('a sensitive value of the plan never reaches a report or the console', () => {
    const secret = 'plan-secret-value-7f3c2a';
    const plan = planOfStack(stackJson(INFRA), { set: { [clusterAddress]: { private_cluster_enabled: secret } }, sensitive: { [clusterAddress]: ['private_cluster_enabled'] } });
    const run = check('check', outdir, '--plan', `${INFRA}=${writeJson(out('sensitive.json'), plan)}`, '--json', out('s.json'), '--sarif', out('s.sarif'), '--junit', out('s.xml'), '--markdown', out('s.md'));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/aks-private-cluster .*unknown - private_cluster_enabled is sensitive in the plan/);
    for (const text of [run.out, run.err, ...['s.json', 's.sarif', 's.xml', 's.md'].map((f) => fs.readFileSync(out(f), 'utf-8'))]) {
      expect(text).not.toContain(secret);
    }
  });

  test('a plan of every stack at once is accepted', () => {
    const stacks = readJson(path.join(ROOT, outdir, 'compliance.json')).stacks as string[];
    const args = stacks.flatMap((s) => ['--plan', `${s}=${planFile(`all-${s}.json`, s)}`]);
    const run = check('check', outdir, ...args);
    expect([run.code, run.err]).toEqual([0, '']);
    expect(run.out.match(/ on plan all-/g)).toHaveLength(stacks.length);
  });
});

describe('bad input: exit 2 with a clear message, never a pass', () => {
  const expectInputError = (run: ReturnType<typeof check>, message: RegExp) => {
    expect([run.code, run.out]).toEqual([2, '']);
    expect(run.err).toMatch(message);
  };
  /** A copy of the synth output with its compliance.json changed. */
  function changedOutput(name: string, change: (record: any) => void, removeStacks = false): string {
    const dir = out(name);
    fs.cpSync(path.join(ROOT, outdir), dir, { recursive: true });
    const record = readJson(path.join(dir, 'compliance.json'));
    change(record);
    writeJson(path.join(dir, 'compliance.json'), record);
    if (removeStacks) {
      // As a blocked synth run with node leaves the directory: the app's reports only.
      fs.rmSync(path.join(dir, 'stacks'), { recursive: true });
      fs.rmSync(path.join(dir, 'manifest.json'));
    }
    return dir;
  }

  test.each<[string, () => string[], RegExp]>([
    ['no command', () => [], /no command given/],
    ['an unknown command', () => ['scan', outdir], /unknown command "scan"/],
    ['an unknown option', () => ['check', outdir, '--sarify', 'x'], /unknown option "--sarify"/],
    ['an option without its value', () => ['check', outdir, '--sarif'], /option --sarif needs a value/],
    ['no output directory', () => ['check'], /needs the cdktf output directory/],
    ['a --plan without a stack', () => ['check', outdir, '--plan', 'plan.json'], /is not <stack>=<plan.json>/],
    ['a missing output directory', () => ['check', 'no-such-dir'], /the cdktf output directory does not exist: "no-such-dir"/],
    ['a directory without compliance.json', () => ['check', work], /compliance.json \(the packs the synth applied\) is missing/],
    ['a report of another format version', () => ['check', changedOutput('v2', (r) => (r.formatVersion = 2))], /another format version than this command reads: 2/],
    ['a report without recorded packs', () => ['check', changedOutput('nopacks', (r) => (r.packs = []))], /records no applied pack/],
    ['a recorded pack no one provides', () => ['check', changedOutput('orgpack', (r) => r.packs.push({ name: 'org-policy', rules: ['org-rule'] }))], /pack "org-policy" is not a library pack and no --rules module exports it/],
    ['a recorded pack with other rules', () => ['check', changedOutput('oldpack', (r) => r.packs[0].rules.push('aks-retired-rule'))], /pack "cis-aks-1.8" has other rules than at synth \(at synth only: aks-retired-rule/],
    ['a blocked synth without stacks', () => ['check', changedOutput('blocked', (r) => (r.blocked = true), true)], /holds a BLOCKED synth/],
    ['an unknown stack in --plan', () => ['check', outdir, '--plan', `nope=${planFile('p.json', INFRA)}`], /--plan nope=.* names an unknown stack: "nope". Allowed: a stack of/],
    ['a missing plan file', () => ['check', outdir, '--plan', `${INFRA}=${out('missing.json')}`], /cannot read the plan file/],
    ['a plan file that is not JSON', () => ['check', outdir, '--plan', `${INFRA}=${fs.writeFileSync(out('bin.plan'), 'PK\u0003\u0004tfplan'), out('bin.plan')}`], /is not JSON .*binary plan/],
    [
      'a truncated plan file',
      () => {
        const text = JSON.stringify(planOfStack(stackJson(INFRA)));
        fs.writeFileSync(out('cut.json'), text.slice(0, text.length / 2));
        return ['check', outdir, '--plan', `${INFRA}=${out('cut.json')}`];
      },
      /is not JSON .*truncated/,
    ],
    ['JSON that is not a plan', () => ['check', outdir, '--plan', `${INFRA}=${writeJson(out('obj.json'), { resources: [] })}`], /JSON but not a Terraform plan \(no format_version\)/],
    ['a state instead of a plan', () => ['check', outdir, '--plan', `${INFRA}=${writeJson(out('state.json'), { format_version: '1.0', values: { root_module: {} } })}`], /it is a state, not a plan/],
    ['a plan of format 2', () => ['check', outdir, '--plan', `${INFRA}=${writeJson(out('f2.json'), { ...planOfStack(stackJson(INFRA)), format_version: '2.0' })}`], /unsupported format_version: "2.0"/],
    ['an errored plan', () => ['check', outdir, '--plan', `${INFRA}=${writeJson(out('err.json'), { ...planOfStack(stackJson(INFRA)), errored: true })}`], /marked errored/],
    ['a plan from another stack', () => ['check', outdir, '--plan', `${INFRA}=${planFile('charts.json', CHARTS)}`], new RegExp(`is not a plan of stack "${INFRA}": it is a plan of stack "${CHARTS}"`)],
    [
      'a plan whose resources the stack does not have',
      () => {
        const plan = planOfStack(stackJson(INFRA));
        plan.configuration.root_module.resources.push({ address: 'azurerm_storage_account.extra', mode: 'managed', type: 'azurerm_storage_account', name: 'extra' });
        return ['check', outdir, '--plan', `${INFRA}=${writeJson(out('extra.json'), plan)}`];
      },
      /Resources the stack does not have: azurerm_storage_account.extra; resources of the stack the plan lacks: none/,
    ],
    ['a plan that leaves out a resource (-target)', () => ['check', outdir, '--plan', `${INFRA}=${planFile('target.json', INFRA, { omit: [clusterAddress] })}`], /has no planned instance of 1 resource\(s\).*plan without -target/],
    ['a plan given twice for a stack', () => ['check', outdir, '--plan', `${INFRA}=${planFile('a.json', INFRA)}`, '--plan', `${INFRA}=${out('a.json')}`], /--plan names a stack twice/],
    ['a rules module that does not load', () => ['check', outdir, '--rules', 'no-such-module.js'], /cannot load the rules module: "no-such-module.js"/],
    ['a rules module that exports no pack', () => ['check', outdir, '--rules', path.relative(ROOT, writeJson(out('nopack.json'), { a: 1 }))], /the rules module exports no rule pack/],
  ])('%s', (_label, args, message) => {
    expectInputError(check(...args()), message);
  });
});

describe('set-up problems recorded at synth', () => {
  test('still block the check (exit 1), listed after the findings', () => {
    const dir = out('problems');
    fs.cpSync(path.join(ROOT, outdir), dir, { recursive: true });
    const record = readJson(path.join(dir, 'compliance.json'));
    record.problems.push({ kind: 'waiver', constructPath: 'platformprod-infra/aks', message: 'waiver of "aks-private-cluster" on platformprod-infra/aks matches no finding' });
    writeJson(path.join(dir, 'compliance.json'), record);
    const run = check('check', path.relative(ROOT, dir));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/check: BLOCKED by 0 unwaived error-level finding\(s\) and 1 set-up problem\(s\) recorded at synth\nset-up: 1 problem\(s\)\n {2}PROBLEM waiver of "aks-private-cluster"/);
  });
});

describe('custom packs through --rules', () => {
  test('a module exporting the pack the synth recorded lets check find it', () => {
    const dir = out('custom');
    fs.cpSync(path.join(ROOT, outdir), dir, { recursive: true });
    const record = readJson(path.join(dir, 'compliance.json'));
    record.packs.push({ name: 'org-policy', rules: ['org-resource-group-named'] });
    writeJson(path.join(dir, 'compliance.json'), record);
    const module = out('org-rules.js');
    fs.writeFileSync(
      module,
      [
        `const { RulePack, RuleSeverity, ComplianceStatus } = require(${JSON.stringify(path.join(ROOT, 'lib', 'bundle.js'))});`,
        'const rule = {',
        "  metadata: { id: 'org-resource-group-named', title: 'Resource groups start with rg-', severity: RuleSeverity.ERROR, remediation: 'Name it rg-<name>.', cisControls: [], resourceTypes: ['azurerm_resource_group'] },",
        "  evaluate: (r) => ({ status: String(r.get('name')).startsWith('rg-') ? ComplianceStatus.COMPLIANT : ComplianceStatus.NON_COMPLIANT }),",
        '};',
        "exports.orgPolicy = new RulePack('org-policy', [rule]);",
      ].join('\n'),
    );
    const run = check('check', path.relative(ROOT, dir), '--rules', path.relative(ROOT, module), '--json', out('custom.json'));
    expect([run.code, run.err]).toEqual([0, '']);
    const groups = (record.stacks as string[]).flatMap((s) => Object.keys(stackJson(s).resource?.azurerm_resource_group ?? {}));
    expect(groups.length).toBeGreaterThan(0);
    expect(readJson(out('custom.json')).findings.filter((f: any) => f.ruleId === 'org-resource-group-named').map((f: any) => f.status)).toEqual(groups.map(() => 'compliant'));
  });
});

describe('the built command (lib/cli.js)', () => {
  test('exits 0 on the synth and 1 on the failing plan, as a process', () => {
    expect(checkBin(['check', outdir]).code).toBe(0);
    const plan = planFile('public-bin.json', INFRA, { set: { [clusterAddress]: { private_cluster_enabled: false } } });
    const run = checkBin(['check', outdir, '--plan', `${INFRA}=${plan}`]);
    expect(run.code).toBe(1);
    expect(run.out).toContain('FAIL aks-private-cluster');
  });

  test('exits 2 on bad input, with the message on stderr', () => {
    const run = checkBin(['check', 'no-such-dir']);
    expect([run.code, run.out]).toEqual([2, '']);
    expect(run.err).toMatch(/^cdktf-hardened-k8s: the cdktf output directory does not exist/);
  });
});

describe('the RKE2 example, whose policy pack is built from props', () => {
  let rke2: string;
  beforeAll(() => {
    rke2 = path.relative(ROOT, synthExample('rke2', 'bundle'));
  });

  test('cannot be re-checked without the pack: exit 2 naming it', () => {
    const run = checkBin(['check', rke2]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/pack "rke-cluster-policy" is not a library pack and no --rules module exports it/);
  });

  test("with the example's TypeScript policy module (through ts-node) it gives synth's report", () => {
    const run = checkBin(['check', rke2, '--rules', 'examples/rke2/policy.ts', '--json', out('rke2.json')]);
    expect([run.code, run.err]).toEqual([0, '']);
    expect(fs.readFileSync(out('rke2.json'), 'utf-8')).toEqual(fs.readFileSync(path.join(ROOT, rke2, 'compliance.json'), 'utf-8'));
  });
});
