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

  test.each(CisCatalog.benchmarks())('%s has a description whose catalog version is the one release marked inCatalog', (benchmark) => {
    const description = CisCatalog.benchmark(benchmark);
    expect(description.benchmark).toBe(benchmark);
    expect(description.releases.filter((r) => r.inCatalog).map((r) => r.version)).toEqual([description.version]);
    expect(benchmark).toContain(description.version);
    expect(description.kubeBenchBenchmark.endsWith(description.version)).toBe(true);
    // Releases are ordered and their Kubernetes ranges do not overlap.
    description.releases.forEach((r, i) => {
      const next = description.releases[i + 1];
      if (next) {
        expect(r.maxKubernetesMinor).toBeDefined();
        expect(next.minKubernetesMinor).toBeGreaterThan(r.maxKubernetesMinor!);
      }
    });
  });

  test('RKE2: the catalog holds 1.8 (Kubernetes 1.26); Rancher scans 1.27-1.28 with 1.9 and 1.10, 1.29-1.31 with 1.11, 1.32 and newer with 1.12', () => {
    const rke2 = CisCatalog.benchmark(CisBenchmark.RKE2_1_8);
    expect([rke2.label, rke2.title, rke2.version, rke2.platform, rke2.kubernetesVersions]).toEqual([
      'RKE2 CIS 1.8', 'CIS Kubernetes Benchmark v1.8 as profiled for RKE2', '1.8', 'RKE2', '1.26',
    ]);
    const at = (minor: number) => CisCatalog.releaseFor(CisBenchmark.RKE2_1_8, minor);
    expect([26, 27, 28, 29, 31, 32, 36].map((m) => at(m)?.version)).toEqual(['1.8', '1.9', '1.10', '1.11', '1.11', '1.12', '1.12']);
    expect(at(32)).toMatchObject({ inCatalog: false, checkedBy: ['Rancher rancher-compliance rke2-cis-1.12-profile'] });
    expect(at(25)).toBeUndefined();
    expect(rke2.applicability).toMatch(/^Controls are from RKE2 CIS 1.8 .*1.32\+ with 1.12/);
  });

  test('AKS: the catalog holds 1.8; kube-bench selects 1.7 on 1.29-1.31', () => {
    expect(CisCatalog.benchmark(CisBenchmark.AKS_1_8)).toMatchObject({ label: 'CIS AKS 1.8', platform: 'AKS', kubeBenchBenchmark: 'aks-1.8' });
    expect(CisCatalog.releaseFor(CisBenchmark.AKS_1_8, 30)).toMatchObject({ version: '1.7', inCatalog: false });
    expect(CisCatalog.releaseFor(CisBenchmark.AKS_1_8, 33)).toMatchObject({ version: '1.8', inCatalog: true });
  });

  test('benchmark() returns a copy; bad input is a clear error', () => {
    CisCatalog.benchmark(CisBenchmark.RKE2_1_8).releases[0].checkedBy.push('x');
    expect(CisCatalog.benchmark(CisBenchmark.RKE2_1_8).releases[0].checkedBy).not.toContain('x');
    expect(() => CisCatalog.benchmark('cis-1.12' as CisBenchmark)).toThrow(/CisCatalog.benchmark: invalid benchmark "cis-1.12". Allowed: cis-aks-1.8, rke2-cis-1.8/);
    expect(() => CisCatalog.releaseFor(CisBenchmark.RKE2_1_8, 1.32)).toThrow(/invalid kubernetesMinor 1.32. Allowed: a whole number such as 32/);
    expect(() => CisCatalog.releaseFor(CisBenchmark.RKE2_1_8, null as any)).toThrow(/invalid kubernetesMinor null/);
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
