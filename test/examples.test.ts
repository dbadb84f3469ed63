import * as fs from 'fs';
import * as path from 'path';
import { exampleNames, expectSameFiles, filesBelow, synthExample } from './helpers/examples';
import { CREDENTIAL_REFERENCE, findSecrets } from './helpers/secret-scan';


describe.each(exampleNames())('example %s', (name) => {
  let first: string;
  beforeAll(() => {
    first = synthExample(name);
  });

  test('synthesizes every stack with its compliance report and no blocking finding', () => {
    const stacks = fs.readdirSync(path.join(first, 'stacks'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const stack of stacks) {
      const report = JSON.parse(fs.readFileSync(path.join(first, 'stacks', stack, 'compliance.json'), 'utf-8'));
      expect([stack, report.summary.blocking]).toEqual([stack, 0]);
      expect(fs.existsSync(path.join(first, 'stacks', stack, 'compliance.md'))).toBe(true);
    }
  });

  test('proves the RBAC controls of its benchmark by the enforcing RBAC constraints (none is "not covered")', () => {
    const report = JSON.parse(fs.readFileSync(path.join(first, 'compliance.json'), 'utf-8'));
    const rbac: Record<string, string[]> = {
      'cis-aks-1.8': ['4.1.1', '4.1.2', '4.1.3', '4.1.4', '4.1.7', '4.1.8', '4.1.9', '4.1.10', '4.1.11', '4.1.12'],
      'rke2-cis-1.8': ['5.1.1', '5.1.2', '5.1.3', '5.1.4', '5.1.8', '5.1.9', '5.1.10', '5.1.11', '5.1.12', '5.1.13'],
    };
    const rows = report.controls.filter((c: any) => (rbac[c.benchmark] ?? []).includes(c.id));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect([row.benchmark, row.id, row.status]).toEqual([row.benchmark, row.id, 'pass']);
    }
  });

  test('is deterministic: a second synth gives byte-identical files', () => {
    expectSameFiles(synthExample(name), first);
  });

  test('gives byte-identical files from the published bundle (lib/bundle.js) as from the sources', () => {
    expectSameFiles(synthExample(name, { bundle: true }), first);
  });

  test('writes no credential in plain text', () => {
    for (const file of filesBelow(first)) {
      expect([file, findSecrets(fs.readFileSync(path.join(first, file), 'utf-8'))]).toEqual([file, []]);
    }
  });

  test('marks every output that carries a credential as sensitive', () => {
    for (const file of filesBelow(first).filter((f) => f.endsWith('cdk.tf.json'))) {
      const tf = JSON.parse(fs.readFileSync(path.join(first, file), 'utf-8'));
      for (const [outputName, output] of Object.entries<any>(tf.output ?? {})) {
        if (CREDENTIAL_REFERENCE.test(JSON.stringify(output.value))) {
          expect([file, outputName, output.sensitive]).toEqual([file, outputName, true]);
        }
      }
    }
  });
});
