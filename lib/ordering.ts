// Internal: one string order for everything the library sorts. Plain code-unit order, not
// localeCompare: it is the same on every machine (synth must be byte-identical) and much cheaper.

/** Compares two strings by UTF-16 code units: negative, zero or positive, for Array.prototype.sort. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
