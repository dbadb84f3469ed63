// Internal: where each Terraform element of the app was created, so findings can point at the user's
// source line. cdktf adds a `stacktrace` metadata entry to every TerraformElement, but constructs 10.4
// only captures a trace when asked (`stackTrace: true`), which cdktf does not: the entry has no trace.
// This module restores it for the engine alone. Loading the library installs a wrapper of
// `Node.addMetadata` that, for that entry, captures the call stack without formatting it (cheap, lazy
// in V8) and keeps it beside the construct, never in the synthesized output. `new App({ stackTraces:
// false })` turns it off, as it turns off cdktf's own traces.
import { IConstruct, Node } from 'constructs';
import { compareStrings } from '../ordering';
import { projectRelativeFrame, SourceLocation } from './source-location';

/** cdktf's context key behind `new App({ stackTraces: false })`. */
const DISABLE_STACK_TRACES = '@cdktf/disable_stack_trace_in_metadata';
/** Deep enough for the longest chain of library constructs between a resource and the app's code. */
const TRACE_DEPTH = 40;
/** One recorder per process, shared by every copy of the library (bundle and sources may both load). */
const RECORDER = Symbol.for('cdktf-hardened-k8s.creation-sites');

interface Recorder {
  readonly traces: WeakMap<Node, { stack?: string }>;
}

function recorder(): Recorder {
  const proto = Node.prototype as unknown as Record<symbol, Recorder | undefined> & { addMetadata: Node['addMetadata'] };
  const installed = proto[RECORDER];
  if (installed) {
    return installed;
  }
  const traces = new WeakMap<Node, { stack?: string }>();
  const original = proto.addMetadata;
  const addMetadata = function (this: Node, type: string, data: unknown, options?: { stackTrace?: boolean }): void {
    if (type === 'stacktrace' && !options?.stackTrace && !traces.has(this) && this.tryGetContext(DISABLE_STACK_TRACES) !== true) {
      const holder: { stack?: string } = {};
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = TRACE_DEPTH;
      Error.captureStackTrace(holder, addMetadata);
      Error.stackTraceLimit = limit;
      traces.set(this, holder);
    }
    original.call(this, type, data, options);
  };
  const created: Recorder = { traces };
  Object.defineProperty(proto, RECORDER, { value: created });
  proto.addMetadata = addMetadata as Node['addMetadata'];
  return created;
}

/** Installs the recorder; the library entry calls it on load, before the app creates constructs. */
export function recordCreationSites(): void {
  recorder();
}

/**
 * The user's source location of each construct at the given paths: the first frame of its creation
 * stack outside node_modules and the library, relative to the project root. Paths without a recorded
 * trace, or whose frames are all outside the project, are left out.
 */
export function creationSites(root: IConstruct, constructPaths: Iterable<string>, projectRoot: string): Record<string, SourceLocation> {
  const wanted = new Set(constructPaths);
  const { traces } = recorder();
  const found: Array<[string, SourceLocation]> = [];
  for (const construct of root.node.findAll()) {
    if (!wanted.has(construct.node.path)) {
      continue;
    }
    const stack = traces.get(construct.node)?.stack;
    const location = stack === undefined ? undefined : projectRelativeFrame(stack, projectRoot);
    if (location) {
      found.push([construct.node.path, location]);
    }
  }
  const sites: Record<string, SourceLocation> = {};
  found.sort(([a], [b]) => compareStrings(a, b)).forEach(([p, l]) => (sites[p] = l));
  return sites;
}

recordCreationSites();
