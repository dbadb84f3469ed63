// Internal: the id a mistyped one most likely meant, for "did you mean" hints.
import { compareStrings } from '../ordering';

/** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}

/** The candidate closest to `wanted` by edit distance (ties: the first in code-unit order), or undefined when none. */
export function closestId(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: { id: string; distance: number } | undefined;
  for (const id of [...candidates].sort(compareStrings)) {
    const distance = editDistance(wanted, id);
    if (!best || distance < best.distance) {
      best = { id, distance };
    }
  }
  return best?.id;
}
