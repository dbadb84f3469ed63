// Internal: why a CIS control has no evidence, as a short key per reason. Reports print each reason
// once in a legend and the key on each row, so the same long note never repeats.
import { CisBenchmark, ControlImplementation } from '../cis/types';
import { KUBERNETES_NOT_COVERABLE } from './rules/kubernetes/not-coverable';

const BY_IMPLEMENTATION: Record<ControlImplementation, { key: string; reason: string }> = {
  [ControlImplementation.IAC]: { key: 'no-rule', reason: 'no applied rule proves it' },
  [ControlImplementation.IN_CLUSTER]: { key: 'no-rule', reason: 'no applied rule proves it' },
  [ControlImplementation.PLATFORM]: { key: 'platform', reason: 'platform default: the provider or distribution satisfies it; nothing to configure' },
  [ControlImplementation.PROCESS]: { key: 'process', reason: 'process control: needs organisational review' },
};

const NO_RESOURCE = { key: 'no-resource', reason: 'the applied rules that prove it found no resource to check' };

/** The reason a control with no evidence is not covered: `{ key, reason }`. */
export function notCoveredReason(
  benchmark: CisBenchmark,
  id: string,
  implementation: ControlImplementation,
  provenByAppliedRule: boolean,
): { key: string; reason: string } {
  const notCoverable = KUBERNETES_NOT_COVERABLE.find((n) => n.control.benchmark === benchmark && n.control.id === id);
  if (notCoverable) {
    return { key: notCoverable.key, reason: `not coverable at synth time: ${notCoverable.reason}` };
  }
  return provenByAppliedRule ? NO_RESOURCE : BY_IMPLEMENTATION[implementation];
}
