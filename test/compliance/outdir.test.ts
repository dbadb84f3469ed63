// The output directory never reads green after a failing synth: a green app, then a failing variant
// of it into the same directory, leaves only a BLOCKED report; stacks an app no longer has disappear;
// a directory holding another app's output is refused before anything is written.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'cdktf';
import { Compliance } from '../../lib';
import { filesBelow } from '../helpers/examples';
import { azureStack } from '../helpers/synth';
import { storage, storagePack } from './storage-fixtures';

interface Variant {
  /** Stack name -> whether its storage account allows public blobs. */
  readonly stacks: Record<string, boolean>;
}

/** An app of storage stacks synthesized into `outdir`; returns the error synth threw, if any. */
function synth(outdir: string, variant: Variant): Error | undefined {
  const app = new App({ outdir, stackTraces: false });
  for (const [name, publicBlobs] of Object.entries(variant.stacks)) {
    storage(azureStack(app, name), 'st', { allowNestedItemsToBePublic: publicBlobs });
  }
  Compliance.of(app, { printSummary: false }).apply(storagePack);
  try {
    app.synth();
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

const GREEN: Variant = { stacks: { network: false, data: false, logs: false } };
// `logs` is gone, `data` and a new `cache` fail.
const FAILING: Variant = { stacks: { network: false, data: true, cache: true } };

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf-8');
const freshDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hk8s-outdir-'));

describe('a green synth, then a failing variant into the same outdir (node run: synth throws)', () => {
  let outdir: string;
  let error: Error | undefined;
  beforeAll(() => {
    outdir = freshDir();
    expect(synth(outdir, GREEN)).toBeUndefined();
    expect(filesBelow(outdir)).toContain('stacks/logs/compliance.json');
    error = synth(outdir, FAILING);
  });

  test('one error lists the blocking findings of every failing stack, grouped by stack', () => {
    expect(error?.name).toBe('HardenedK8sError');
    const message = error?.message ?? '';
    expect(message).toMatch(/^Compliance: synth blocked by 2 unwaived error-level finding\(s\) in 2 stack\(s\)/);
    expect(message).toMatch(/stack "data": 1 blocking finding\(s\)\n {2}FAIL test-storage-no-public-blob \[cis-aks-1\.8\/5\.1\.2\] data\/st /);
    expect(message).toMatch(/stack "cache": 1 blocking finding\(s\)\n {2}FAIL test-storage-no-public-blob \[cis-aks-1\.8\/5\.1\.2\] cache\/st /);
  });

  test('leaves only the app report, marked BLOCKED in both JSON and markdown: no manifest, no stack folder', () => {
    expect(filesBelow(outdir)).toEqual(['compliance.json', 'compliance.md', 'compliance.sarif']);
    const report = JSON.parse(read(outdir, 'compliance.json'));
    expect(report).toMatchObject({ blocked: true, stacks: ['network', 'data', 'cache'], summary: { blocking: 2 } });
    expect(report.findings.map((f: any) => `${f.stack}:${f.status}`)).toEqual(['network:compliant', 'data:non-compliant', 'cache:non-compliant']);
    expect(read(outdir, 'compliance.md')).toMatch(/^# Compliance report: whole app: BLOCKED\n/);
    expect(read(outdir, 'compliance.md')).toContain('## Blocking (2)');
    expect(read(outdir, 'compliance.json').includes(os.tmpdir())).toBe(false);
  });

  test('a green synth afterwards writes everything again, without the stacks the app no longer has', () => {
    const dir = freshDir();
    expect(synth(dir, GREEN)).toBeUndefined();
    expect(synth(dir, FAILING)).toBeDefined();
    expect(synth(dir, { stacks: { network: false, cache: false } })).toBeUndefined();
    expect(filesBelow(dir)).toEqual([
      'compliance.json',
      'compliance.md',
      'compliance.sarif',
      'manifest.json',
      'stacks/cache/cdk.tf.json',
      'stacks/cache/compliance.json',
      'stacks/cache/compliance.md',
      'stacks/cache/compliance.sarif',
      'stacks/network/cdk.tf.json',
      'stacks/network/compliance.json',
      'stacks/network/compliance.md',
      'stacks/network/compliance.sarif',
    ]);
    expect(Object.keys(JSON.parse(read(dir, 'manifest.json')).stacks).sort()).toEqual(['cache', 'network']);
  });
});

describe('a green synth, then a failing variant, run by the cdktf CLI (error annotations)', () => {
  let outdir: string;
  let error: Error | undefined;
  const previous = process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
  beforeAll(() => {
    // What the cdktf CLI sets when it runs the app: it prints error annotations itself, once, and fails.
    process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    outdir = freshDir();
    expect(synth(outdir, GREEN)).toBeUndefined();
    error = synth(outdir, FAILING);
  });
  afterAll(() => {
    if (previous === undefined) {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    } else {
      process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = previous;
    }
  });

  test('synth does not throw; the manifest lists exactly this app\'s stacks, the failing ones with one error annotation per finding', () => {
    expect(error).toBeUndefined();
    const manifest = JSON.parse(read(outdir, 'manifest.json'));
    expect(Object.keys(manifest.stacks).sort()).toEqual(['cache', 'data', 'network']);
    const errors = (name: string) => manifest.stacks[name].annotations.filter((a: any) => a.level === '@cdktf/error').map((a: any) => a.message);
    expect(errors('network')).toEqual([expect.stringMatching(/^Compliance: synth blocked by 2 unwaived error-level finding\(s\) in 2 stack\(s\)\. Report \(BLOCKED\): compliance\.md beside this manifest\.$/)]);
    expect(errors('data')).toEqual([expect.stringMatching(/^FAIL test-storage-no-public-blob \[cis-aks-1\.8\/5\.1\.2\] data\/st .*\n {2}fix: {3}set allow_nested_items_to_be_public = false\n {2}waive: /)]);
    expect(errors('cache')).toHaveLength(1);
  });

  test('no stale stack folder, no stack report, and the app report says BLOCKED', () => {
    expect(filesBelow(outdir)).toEqual(['compliance.json', 'compliance.md', 'compliance.sarif', 'manifest.json', 'stacks/cache/cdk.tf.json', 'stacks/data/cdk.tf.json', 'stacks/network/cdk.tf.json']);
    expect(JSON.parse(read(outdir, 'compliance.json')).blocked).toBe(true);
    expect(read(outdir, 'compliance.md')).toMatch(/^# Compliance report: whole app: BLOCKED\n/);
  });

  test('nothing written names the machine: no absolute path in the manifest or the reports', () => {
    for (const file of filesBelow(outdir)) {
      expect([file, read(outdir, file).includes(os.tmpdir())]).toEqual([file, false]);
    }
  });
});

test('a synth that fails for another reason after a green one leaves no report and no manifest from before', () => {
  const outdir = freshDir();
  expect(synth(outdir, GREEN)).toBeUndefined();
  const app = new App({ outdir, stackTraces: false });
  const broken = azureStack(app, 'network');
  broken.node.addValidation({ validate: () => ['broken on purpose'] });
  Compliance.of(app, { printSummary: false }).apply(storagePack);
  expect(() => app.synth()).toThrow(/broken on purpose/);
  expect(filesBelow(outdir).filter((f) => f.startsWith('compliance') || f === 'manifest.json' || f.endsWith('/compliance.json'))).toEqual([]);
});

test('validating the app outside synth leaves an earlier output alone', () => {
  const outdir = freshDir();
  expect(synth(outdir, GREEN)).toBeUndefined();
  const before = filesBelow(outdir);
  const app = new App({ outdir, stackTraces: false });
  azureStack(app, 'network');
  Compliance.of(app, { printSummary: false }).apply(storagePack);
  expect(app.node.validate()).toEqual([]);
  expect(filesBelow(outdir)).toEqual(before);
});

describe('an outdir holding another app\'s output', () => {
  test.each([
    ['its manifest', (dir: string) => fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { billing: {} } }))],
    ['its stack folders', (dir: string) => fs.mkdirSync(path.join(dir, 'stacks', 'billing'), { recursive: true })],
    [
      'its compliance report',
      (dir: string) => fs.writeFileSync(path.join(dir, 'compliance.json'), JSON.stringify({ format: 'cdktf-hardened-k8s/compliance-report', stacks: ['billing'] })),
    ],
  ])('recognised by %s, is refused before anything is written', (_how, seed) => {
    const outdir = freshDir();
    fs.mkdirSync(path.join(outdir, 'stacks'), { recursive: true });
    seed(outdir);
    fs.writeFileSync(path.join(outdir, 'stacks', 'README'), 'not ours');
    const before = filesBelow(outdir).map((f) => [f, read(outdir, f)]);
    const error = synth(outdir, GREEN);
    expect(error?.message).toMatch(
      /^Compliance: the output directory ".*" holds another app's output \(stacks "billing"; this app has "data", "logs", "network"\), and nothing was written\..*Fix: give this app its own outdir \(new App\(\{ outdir \}\), CDKTF_OUTDIR, or "output" in cdktf.json\), or delete/,
    );
    expect(filesBelow(outdir).map((f) => [f, read(outdir, f)])).toEqual(before);
  });

  test('is not refused when it shares a stack with this app (an earlier output of the same app)', () => {
    const outdir = freshDir();
    fs.mkdirSync(path.join(outdir, 'stacks', 'billing'), { recursive: true });
    fs.mkdirSync(path.join(outdir, 'stacks', 'network'), { recursive: true });
    expect(synth(outdir, GREEN)).toBeUndefined();
    expect(fs.existsSync(path.join(outdir, 'stacks', 'billing'))).toBe(false);
  });
});
