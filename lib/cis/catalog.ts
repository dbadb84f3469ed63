import { BENCHMARK_DESCRIPTIONS } from './benchmarks';
import { AKS_1_8_CONTROLS } from './data/aks-1-8';
import { RKE2_1_8_CONTROLS } from './data/rke2-1-8';
import { CisBenchmark, CisBenchmarkDescription, CisBenchmarkRelease, CisControl, CisControlRef, ControlImplementation } from './types';
import { invalidProp, missingProp, unknownCisControl } from '../errors';

const CONTROLS_BY_BENCHMARK: Record<CisBenchmark, CisControl[]> = {
  [CisBenchmark.AKS_1_8]: AKS_1_8_CONTROLS,
  [CisBenchmark.RKE2_1_8]: RKE2_1_8_CONTROLS,
};

const INDEX = new Map<string, CisControl>();
for (const controls of Object.values(CONTROLS_BY_BENCHMARK)) {
  for (const control of controls) {
    INDEX.set(key(control.benchmark, control.id), control);
  }
}

function key(benchmark: CisBenchmark, id: string): string {
  return `${benchmark}/${id}`;
}

/**
 * The CIS control catalog: every control of CIS AKS 1.8 and RKE2 CIS 1.8 with how it can be satisfied.
 */
export class CisCatalog {
  /** Every benchmark in the catalog. */
  public static benchmarks(): CisBenchmark[] {
    return Object.keys(CONTROLS_BY_BENCHMARK) as CisBenchmark[];
  }

  /**
   * What a benchmark is: title, version, the Kubernetes versions it applies to, and the newer versions of
   * its line (e.g. RKE2 CIS 1.12 on Kubernetes 1.32) with whether the catalog holds their controls.
   */
  public static benchmark(benchmark: CisBenchmark): CisBenchmarkDescription {
    const description = BENCHMARK_DESCRIPTIONS[benchmark];
    if (!description) {
      throw invalidProp('CisCatalog.benchmark', 'benchmark', benchmark, Object.values(CisBenchmark).join(', '), 'use a CisBenchmark value');
    }
    return { ...description, releases: description.releases.map((r) => ({ ...r, checkedBy: [...r.checkedBy] })) };
  }

  /**
   * The version of a benchmark's line that applies to a Kubernetes minor (`32` for 1.32), or undefined when
   * the library knows none for it.
   */
  public static releaseFor(benchmark: CisBenchmark, kubernetesMinor: number): CisBenchmarkRelease | undefined {
    if (!Number.isInteger(kubernetesMinor) || kubernetesMinor < 0) {
      throw invalidProp('CisCatalog.releaseFor', 'kubernetesMinor', kubernetesMinor, 'a whole number such as 32 (for Kubernetes 1.32)', 'pass the minor of the cluster\'s Kubernetes version');
    }
    return CisCatalog.benchmark(benchmark).releases.find(
      (r) => kubernetesMinor >= r.minKubernetesMinor && (r.maxKubernetesMinor === undefined || kubernetesMinor <= r.maxKubernetesMinor),
    );
  }

  /** Every control of a benchmark, in benchmark order. */
  public static controls(benchmark: CisBenchmark): CisControl[] {
    return [...controlsOf('CisCatalog.controls', benchmark)];
  }

  /** The controls of a benchmark satisfied in a given way (e.g. every `iac` control). */
  public static controlsImplementedBy(benchmark: CisBenchmark, implementation: ControlImplementation): CisControl[] {
    const controls = controlsOf('CisCatalog.controlsImplementedBy', benchmark);
    if (!Object.values(ControlImplementation).includes(implementation)) {
      throw invalidProp('CisCatalog.controlsImplementedBy', 'implementation', implementation, Object.values(ControlImplementation).join(', '), 'use a ControlImplementation value');
    }
    return controls.filter((c) => c.implementation === implementation);
  }

  /** A control by id, or undefined when the benchmark has no such control. */
  public static tryFind(benchmark: CisBenchmark, id: string): CisControl | undefined {
    controlsOf('CisCatalog.tryFind', benchmark);
    if (typeof id !== 'string') {
      throw invalidProp('CisCatalog.tryFind', 'id', id, 'a control id such as "5.4.2"', 'pass the id as a string');
    }
    return INDEX.get(key(benchmark, id));
  }

  /** A control by id; throws when the benchmark has no such control. */
  public static find(benchmark: CisBenchmark, id: string): CisControl {
    const control = INDEX.get(key(benchmark, id));
    if (!control) {
      throw unknownCisControl(benchmark, id);
    }
    return control;
  }

  /** A control from a reference; throws when the reference names no known control. */
  public static resolve(ref: CisControlRef): CisControl {
    if (ref === undefined || ref === null) {
      throw missingProp('CisCatalog.resolve', 'ref', 'pass a CisControlRef such as { benchmark: CisBenchmark.AKS_1_8, id: "5.4.2" }');
    }
    return CisCatalog.find(ref.benchmark, ref.id);
  }
}

/** The controls of a benchmark, or a clear error for a value that is not one. */
function controlsOf(method: string, benchmark: CisBenchmark): CisControl[] {
  const controls = CONTROLS_BY_BENCHMARK[benchmark];
  if (!controls) {
    throw invalidProp(method, 'benchmark', benchmark, Object.values(CisBenchmark).join(', '), 'use a CisBenchmark value');
  }
  return controls;
}
