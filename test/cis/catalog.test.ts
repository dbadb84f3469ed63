import * as fs from 'fs';
import * as path from 'path';
import { CisBenchmark, CisCatalog, ControlImplementation } from '../../lib';

// The reference data the catalog was generated from, when the shared reference folder is present.
const REFERENCE = path.join(__dirname, '..', '..', '..', 'shared', 'reference', 'cis-controls.json');

const EXPECTED_COUNTS: Record<CisBenchmark, Record<string, number>> = {
  [CisBenchmark.AKS_1_8]: { 'iac': 14, 'in-cluster': 23, 'platform': 14, 'process': 0 },
  [CisBenchmark.RKE2_1_8]: { 'iac': 33, 'in-cluster': 17, 'platform': 74, 'process': 6 },
};

describe('CIS catalog', () => {
  test.each(CisCatalog.benchmarks())('%s has the control count per implementation class of the reference', (benchmark) => {
    for (const implementation of Object.values(ControlImplementation)) {
      expect([implementation, CisCatalog.controlsImplementedBy(benchmark, implementation).length]).toEqual([
        implementation,
        EXPECTED_COUNTS[benchmark][implementation],
      ]);
    }
  });

  test.each(CisCatalog.benchmarks())('%s control ids are unique and well formed', (benchmark) => {
    const ids = CisCatalog.controls(benchmark).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    ids.forEach((id) => expect(id).toMatch(/^\d+(\.\d+)+$/));
  });

  test('finds controls by id and rejects unknown ones with a clear error', () => {
    expect(CisCatalog.find(CisBenchmark.AKS_1_8, '5.4.2').title).toBe(
      'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled',
    );
    expect(CisCatalog.tryFind(CisBenchmark.RKE2_1_8, '99.1')).toBeUndefined();
    expect(() => CisCatalog.find(CisBenchmark.RKE2_1_8, '99.1')).toThrow(/Unknown CIS control "99.1" in benchmark rke2-cis-1.8/);
  });

  test('controls() returns a copy, so callers cannot change the catalog', () => {
    const controls = CisCatalog.controls(CisBenchmark.AKS_1_8);
    controls.pop();
    expect(CisCatalog.controls(CisBenchmark.AKS_1_8)).toHaveLength(51);
  });

  const referenceTest = fs.existsSync(REFERENCE) ? test : test.skip;
  referenceTest('matches the reference data control by control (ids, titles, classes)', () => {
    const reference = JSON.parse(fs.readFileSync(REFERENCE, 'utf-8'));
    for (const benchmark of CisCatalog.benchmarks()) {
      const source = reference.benchmarks.find((b: any) => b.id === benchmark);
      expect(CisCatalog.controls(benchmark).map((c) => [c.id, c.title, c.implementation])).toEqual(
        source.controls.map((c: any) => [c.id, c.title, c.class]),
      );
    }
  });
});
