// Stack traces of plain-object captures are left unmapped in tests (test/setup.ts): cheap, but their
// positions are those of the transpiled test code. Code that must see TS source lines runs inside this.

export const MAPPED_PREPARE_STACK_TRACE = Symbol.for('cdktf-hardened-k8s.test.mapped-prepare-stack-trace');

/** Runs `build` with every stack trace mapped through source maps, as jest does by default. */
export function withMappedStacks<T>(build: () => T): T {
  const mapped = (globalThis as any)[MAPPED_PREPARE_STACK_TRACE];
  const current = Error.prepareStackTrace;
  if (mapped) {
    Error.prepareStackTrace = mapped;
  }
  try {
    return build();
  } finally {
    Error.prepareStackTrace = current;
  }
}
