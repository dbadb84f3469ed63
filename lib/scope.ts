// Internal: the check every construct of the library makes on its scope before anything else.
//
// - The scope is a construct in a cdktf App.
// - The App and the stack come from the same `cdktf` module as the library's own classes. A CDK
//   Terrain (cdktn) app, or a second copy of cdktf, marks its classes with the same symbols, so
//   `App.of` and `TerraformStack.of` accept them, and synth later fails deep inside the other
//   framework with a TypeError that names neither.
// - Every stack is a direct child of the App. The cdktf CLI finds a stack by its id but the manifest
//   records dependencies by construct path, so `cdktf deploy` refuses (or misorders) a nested stack.
//   The stack holding the construct is checked at once, every stack of the app again at synth.
import { App, TerraformStack } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { HardenedK8sError } from './errors';

const JSII_RTTI = Symbol.for('jsii.rtti');
const CHECKED_APPS = new WeakSet<App>();

/**
 * Returns `scope` after checking it (see the file comment); use it as the scope argument of `super`:
 * `super(libraryScope(scope, id, 'AksNetwork'), id)`. Throws a HardenedK8sError naming the construct.
 */
export function libraryScope(scope: Construct, id: string, construct: string): Construct {
  checkedApp(scope, `${construct} "${id}"`, `new ${construct}(stack, '${id}', props)`, (s) => (s.node.path ? `${s.node.path}/${id}` : id));
  requireId(scope, id, construct, 'stack');
  return scope;
}

/** JavaScript callers can pass null or undefined as the id, which constructs reports as a plain Error. */
function requireId(scope: IConstruct, id: string, construct: string, scopeName: string): void {
  if (typeof id !== 'string' || id === '') {
    throw new HardenedK8sError(
      `${construct} in ${scope.node.path || '<root>'}: id must be a non-empty string, but ${describeValue(id)} was given. ` +
        `Fix: give the construct an id unique in its scope, e.g. new ${construct}(${scopeName}, 'main', props).`,
    );
  }
}

/**
 * The same checks for a construct of the library that is itself a stack (its scope is the App; the
 * caller then checks it is the App itself).
 */
export function libraryStackScope(scope: Construct, id: string, construct: string): Construct {
  checkedApp(scope, `${construct} "${id}"`, `new ${construct}(app, '${id}', props)`, (s) => (s.node.path ? `${s.node.path}/${id}` : id), 'the App');
  requireId(scope, id, construct, 'app');
  return scope;
}

/**
 * The App that holds `scope`, after the same checks, for an API that takes any construct of an app
 * (as `Compliance.of(scope)` does); `caller` names that API in the error.
 */
export function libraryApp(scope: IConstruct, caller: string): App {
  return checkedApp(scope, caller, `${caller}(app)`, (s) => s.node.path || '<root>');
}

/**
 * Throws when a stack of the app comes from another framework than the library's: for APIs that
 * configure stacks they were not given as a scope (RemoteState puts a backend in each).
 */
export function requireLibraryStack(stack: IConstruct, where: string): void {
  if (!(stack instanceof TerraformStack)) {
    throw frameworkMismatch(where, 'TerraformStack', stack);
  }
}

function checkedApp(
  scope: IConstruct,
  where: string,
  example: string,
  pathOf: (scope: IConstruct) => string,
  expected = 'the stack (or a construct in it)',
): App {
  if (!Construct.isConstruct(scope)) {
    throw new HardenedK8sError(
      `${where}: scope must be a construct in a cdktf App, but ${describeValue(scope)} was given. ` +
        `Fix: pass ${expected} as the first argument, e.g. ${example}.`,
    );
  }
  const root = scope.node.root;
  if (!App.isApp(root)) {
    throw new HardenedK8sError(
      `${where} at ${pathOf(scope)}: its scope is not in a cdktf App (the root of its construct tree is a ${className(root)}). ` +
        "Fix: create the construct tree under an App: const app = new App(); const stack = new TerraformStack(app, 'infra').",
    );
  }
  if (!(root instanceof App)) {
    throw frameworkMismatch(where, 'App', root);
  }
  const stack = enclosingStack(scope);
  if (stack) {
    if (!(stack instanceof TerraformStack)) {
      throw frameworkMismatch(where, 'TerraformStack', stack);
    }
    const nested = nestedStackProblem(stack, root);
    if (nested) {
      throw new HardenedK8sError(`${where}: ${nested}`);
    }
  }
  checkStacksAtSynth(root);
  return root;
}

/** Registers, once per app, a synth-time check that every stack is a direct child of the App. */
function checkStacksAtSynth(app: App): void {
  if (CHECKED_APPS.has(app)) {
    return;
  }
  CHECKED_APPS.add(app);
  app.node.addValidation({
    validate: () =>
      app.node
        .findAll()
        .filter(TerraformStack.isStack)
        .map((stack) => nestedStackProblem(stack, app))
        .filter((problem): problem is string => problem !== undefined),
  });
}

function nestedStackProblem(stack: IConstruct, app: IConstruct): string | undefined {
  if (stack.node.scope === app) {
    return undefined;
  }
  const id = stack.node.id;
  return (
    `stack "${stack.node.path}" is not a direct child of the App. The cdktf CLI names a stack by its id ("${id}") ` +
    'but records its dependencies by construct path, so `cdktf deploy` cannot find or order it. ' +
    `Allowed: stacks created with the App as their scope. Fix: create it as new TerraformStack(app, '${id}'), ` +
    'and pass the stack (not its parent) to the constructs that belong in it.'
  );
}

/** The nearest stack at or above `scope`, by cdktf's marker (so a stack of another framework is found too). */
function enclosingStack(scope: IConstruct): IConstruct | undefined {
  return [...scope.node.scopes].reverse().find((c) => TerraformStack.isStack(c));
}

function frameworkMismatch(where: string, kind: string, found: IConstruct): HardenedK8sError {
  const theirs = frameworkOf(found.constructor);
  const ours = frameworkOf(kind === 'App' ? App : TerraformStack);
  const which = kind === 'App' ? 'the App' : `the stack "${found.node.path}"`;
  const what =
    theirs === ours
      ? `two copies of ${ours} are loaded: ${which} comes from one, this library from the other`
      : `${which} is from ${theirs}, while this library is built on ${ours}`;
  const fix =
    theirs === ours
      ? 'install one copy of cdktf: depend on the cdktf version this library names as a peer, find the other copy with `npm ls cdktf`, then run `npm dedupe`.'
      : `build the app with App and TerraformStack from ${ours.split(' ')[0]} (import { App, TerraformStack } from '${ours.split(' ')[0]}'), the framework whose classes this library's constructs and provider bindings extend.`;
  return new HardenedK8sError(`${where}: framework mismatch: ${what}. Allowed: an App and stacks from the same cdktf module as the library's. Fix: ${fix}`);
}

/** "cdktf 0.21.0" from the jsii type information every jsii-built framework class carries. */
function frameworkOf(type: unknown): string {
  const rtti = (type as { [JSII_RTTI]?: { fqn?: string; version?: string } } | undefined)?.[JSII_RTTI];
  if (rtti?.fqn) {
    return `${rtti.fqn.split('.')[0]} ${rtti.version ?? ''}`.trim();
  }
  return `an unknown framework (class ${(type as { name?: string } | undefined)?.name || 'unnamed'})`;
}

function className(value: unknown): string {
  const name = (value as { constructor?: { name?: string } } | undefined)?.constructor?.name;
  return name || 'object';
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return String(value);
  }
  return typeof value === 'object' ? `a ${className(value)} that is not a construct` : `${typeof value} ${JSON.stringify(value)}`;
}
