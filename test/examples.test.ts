import * as fs from 'fs';
import * as path from 'path';
import * as os from 'os';
import { compiledExample, exampleNames, expectSameFiles, filesBelow, ROOT, synthExample } from './helpers/examples';
import { CREDENTIAL_REFERENCE, findSecrets } from './helpers/secret-scan';
import { stableJson } from '../lib/testing';


describe.each(exampleNames())('example %s', (name) => {
  let first: string;
  beforeAll(() => {
    first = synthExample(name, 'bundle');
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

  // Two synths of the app in two processes, one from the published bundle (lib/bundle.js) and one from
  // the per-module build it is made from: identical bytes prove both that synth is deterministic and
  // that the bundle is faithful (a second synth from the bundle alone would add nothing but time).
  test('is deterministic, and the published bundle is faithful: a synth from the per-module build in another process gives byte-identical files', () => {
    expectSameFiles(synthExample(name, 'modules'), first);
  });

  test('is compiled against the published bundle: the library comes from lib/bundle.js, none of it is inlined', () => {
    const compiled = fs.readFileSync(compiledExample(name), 'utf-8');
    expect([...new Set(compiled.match(/require\("\.[^"]*"\)/g))]).toEqual(['require("../../lib/bundle.js")']);
    expect(compiled).not.toMatch(/\/\/ lib\//);
  });

  // The whole plan of every stack, so a change's effect on what Terraform gets shows in review.
  test('matches the snapshot of every stack (cdktf metadata removed, the project path as <project>)', () => {
    const stacks = filesBelow(first).filter((f) => f.endsWith('cdk.tf.json'));
    expect(stacks.length).toBeGreaterThan(0);
    for (const file of stacks) {
      expect(stableJson(JSON.parse(fs.readFileSync(path.join(first, file), 'utf-8')), ROOT)).toMatchSnapshot(file.split(path.sep).join('/'));
    }
  });

  test('writes no credential in plain text', () => {
    for (const file of filesBelow(first)) {
      expect([file, findSecrets(fs.readFileSync(path.join(first, file), 'utf-8'))]).toEqual([file, []]);
    }
  });

  test('holds no path of the machine that ran synth in any file (the output is portable)', () => {
    const machinePaths = [ROOT, first, fs.realpathSync(first), os.homedir()].filter((p) => p.length > 1);
    for (const file of filesBelow(first)) {
      const text = fs.readFileSync(path.join(first, file), 'utf-8');
      expect([file, machinePaths.filter((p) => text.includes(p))]).toEqual([file, []]);
    }
  });

  test('keeps every stack\'s state remote: azurerm with Entra ID auth and one key per stack, no credential, cross-stack reads from the producer', () => {
    const stacks = filesBelow(first).filter((f) => f.endsWith('cdk.tf.json'));
    const tf = new Map(stacks.map((f) => [f.split(path.sep)[1], JSON.parse(fs.readFileSync(path.join(first, f), 'utf-8'))]));
    const keys = new Set<string>();
    for (const [stack, json] of tf) {
      const backend = json.terraform.backend?.azurerm;
      expect([stack, Object.keys(json.terraform.backend ?? {}), backend?.use_azuread_auth]).toEqual([stack, ['azurerm'], true]);
      expect([stack, Object.keys(backend).sort()]).toEqual([stack, expect.arrayContaining(['container_name', 'key', 'storage_account_name', 'use_azuread_auth'])]);
      expect([stack, Object.keys(backend).filter((k) => /key$|token|secret|password|certificate/.test(k) && k !== 'key')]).toEqual([stack, []]);
      keys.add(`${backend.storage_account_name}/${backend.container_name}/${backend.key}`);
      for (const [name, read] of Object.entries<any>(json.data?.terraform_remote_state ?? {})) {
        const producer = tf.get(name.replace('cross-stack-reference-input-', ''));
        expect([stack, name, read.backend, read.config]).toEqual([stack, name, 'azurerm', producer?.terraform.backend.azurerm]);
      }
    }
    expect(keys.size).toBe(tf.size);
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
