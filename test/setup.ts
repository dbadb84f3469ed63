// Adds toHaveResourceWithProperties and friends to expect() (the import brings their types).
import 'cdktf/lib/testing/adapters/jest';
import { Testing } from 'cdktf';
import { MAPPED_PREPARE_STACK_TRACE } from './helpers/mapped-stacks';

Testing.setupJest();

// Jest maps every stack trace through source maps. cdktf captures a full stack for every token it
// creates, and the library one for every construct (its source location), each on a plain object:
// mapping those dominated the suite's CPU time. Errors keep their mapped traces; captures on plain
// objects get V8's own formatting, as they do outside jest.
// A test that needs mapped captures (source locations of TS test code) uses withMappedStacks.
const mapped = Error.prepareStackTrace;
if (mapped) {
  (globalThis as any)[MAPPED_PREPARE_STACK_TRACE] = mapped;
  Error.prepareStackTrace = (target: unknown, frames: NodeJS.CallSite[]) =>
    target instanceof Error ? mapped(target as Error, frames) : [String(target), ...frames.map((frame) => `    at ${frame}`)].join('\n');
}
