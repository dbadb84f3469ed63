import { CisBenchmark, CisControlRef } from './types';

// Internal helpers for rule metadata and docs; not part of the public API.

/** A reference to a CIS AKS 1.8 control. */
export function cisAks(id: string): CisControlRef {
  return { benchmark: CisBenchmark.AKS_1_8, id };
}

/** A reference to an RKE2 CIS 1.8 control. */
export function cisRke2(id: string): CisControlRef {
  return { benchmark: CisBenchmark.RKE2_1_8, id };
}

/** `CIS AKS 1.8 5.4.2` style label for docs and messages. */
export function formatControlRef(ref: CisControlRef): string {
  const label = ref.benchmark === CisBenchmark.AKS_1_8 ? 'CIS AKS 1.8' : 'RKE2 CIS 1.8';
  return `${label} ${ref.id}`;
}
