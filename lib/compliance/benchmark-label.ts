// Internal: how reports and docs name a benchmark.
import { CisBenchmark } from '../cis/types';

const LABELS: Record<CisBenchmark, string> = {
  [CisBenchmark.AKS_1_8]: 'CIS AKS 1.8',
  [CisBenchmark.RKE2_1_8]: 'RKE2 CIS 1.8',
};

/** `CIS AKS 1.8` for `cis-aks-1.8`; an id the catalog does not know is shown as it is. */
export function benchmarkLabel(benchmark: string): string {
  return LABELS[benchmark as CisBenchmark] ?? benchmark;
}
