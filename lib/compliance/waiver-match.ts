// Internal: which waiver covers a finding, shared by the engine (waivers attached to constructs) and the
// `check` command (waivers recorded in compliance.json). A waiver covers its construct and everything
// below it; the one attached closest to the resource wins.

/** A waiver as compliance.json records it. */
export interface RecordedWaiver {
  readonly ruleId: string;
  /** Construct path the waiver is attached to ('' for the app). */
  readonly scopePath: string;
  readonly reason: string;
  /** A waiver the library adds for its own resources. */
  readonly builtIn: boolean;
}

/** Matches waivers to findings by rule id and construct path. */
export interface IWaiverMatcher {
  match(ruleId: string, constructPath: string): RecordedWaiver | undefined;
}

/** The waiver for a rule on a resource among `entries`: the one attached closest to the resource. */
export function closestWaiver<T extends RecordedWaiver>(entries: readonly T[], ruleId: string, constructPath: string): T | undefined {
  let best: T | undefined;
  for (const entry of entries) {
    if (entry.ruleId !== ruleId || !covers(entry.scopePath, constructPath)) {
      continue;
    }
    if (!best || entry.scopePath.length > best.scopePath.length) {
      best = entry;
    }
  }
  return best;
}

function covers(scopePath: string, constructPath: string): boolean {
  return scopePath === '' || constructPath === scopePath || constructPath.startsWith(`${scopePath}/`);
}
