import * as fs from 'fs';
import * as path from 'path';
import { compiledExample, exampleNames, expectSameFiles, filesBelow, synthExample } from './helpers/examples';
import { CREDENTIAL_REFERENCE, findSecrets } from './helpers/secret-scan';


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

  test('is deterministic: a second synth gives byte-identical files', () => {
    expectSameFiles(synthExample(name, 'bundle'), first);
  });

  test('gives byte-identical files from the published bundle (lib/bundle.js) as from the per-module build', () => {
    expectSameFiles(synthExample(name, 'modules'), first);
  });

  test('is compiled against the published bundle: the library comes from lib/bundle.js, none of it is inlined', () => {
    const compiled = fs.readFileSync(compiledExample(name), 'utf-8');
    expect([...new Set(compiled.match(/require\("\.[^"]*"\)/g))]).toEqual(['require("../../lib/bundle.js")']);
    expect(compiled).not.toMatch(/\/\/ lib\//);
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
