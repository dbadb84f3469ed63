// The widest runner egress prefix, in a module of its own: the state rules read it, and the `check`
// command loads the rules without cdktf (state-names.ts validates tokens with cdktf).

/** The widest runner egress prefix an allowlist may name: anything wider is close to public. */
export const WIDEST_RUNNER_PREFIX = 24;
