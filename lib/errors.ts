// One place for user-facing error messages. Each says what was wrong, the value received,
// what is allowed and how to fix it.
import { writeSync } from 'fs';
import { inspect } from 'util';

/** Error thrown for invalid construct input or compliance configuration. */
export class HardenedK8sError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HardenedK8sError';
    printUncaughtPlainly();
  }
}

let plainPrinterInstalled = false;

/**
 * Node prints an uncaught error behind the source line that threw it, a line of the library's bundle that
 * tells the user nothing, then the stack. This library's messages are complete on their own: print them
 * once, alone. Installed with the first error, and only acting when nothing else handles uncaught errors
 * (a test runner, the app itself): then it does what Node would, print and exit 1; other errors keep their stack.
 */
function printUncaughtPlainly(): void {
  if (plainPrinterInstalled || typeof process === 'undefined' || typeof process.on !== 'function') {
    return;
  }
  plainPrinterInstalled = true;
  process.on('uncaughtException', function printPlainly(error: unknown): void {
    // Node's domain module prepends a listener of this name that only clears its stack: not a handler.
    const handlers = process.listeners('uncaughtException').filter((l) => l !== printPlainly && l.name !== 'domainUncaughtExceptionClear');
    if (handlers.length > 0) {
      return;
    }
    const own = error instanceof Error && error.name === 'HardenedK8sError';
    writeSync(2, `${own ? `${(error as Error).name}: ${(error as Error).message}` : inspect(error)}\n`);
    process.exit(1);
  });
}

function show(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value);
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A prop value that is not allowed. */
export function invalidProp(construct: string, prop: string, value: unknown, allowed: string, fix: string): HardenedK8sError {
  return new HardenedK8sError(`${construct}: invalid ${prop} ${show(value)}. Allowed: ${allowed}. Fix: ${fix}`);
}

/** A required prop that is missing or empty. */
export function missingProp(construct: string, prop: string, fix: string): HardenedK8sError {
  return new HardenedK8sError(`${construct}: ${prop} is required but was not given. Fix: ${fix}`);
}

/** A prop that must be a literal at synth time but is an unresolved token. */
export function tokenNotAllowed(construct: string, prop: string, why: string): HardenedK8sError {
  return new HardenedK8sError(
    `${construct}: ${prop} must be a literal value known at synth time, but an unresolved token was given (${why}). Fix: pass a plain value.`,
  );
}

export function unknownCisControl(benchmark: string, id: string): HardenedK8sError {
  return new HardenedK8sError(
    `Unknown CIS control ${show(id)} in benchmark ${benchmark}. Allowed: an id listed by CisCatalog.controls(${show(benchmark)}). Fix: correct the control id.`,
  );
}

export function invalidRuleMetadata(ruleId: string, problem: string): HardenedK8sError {
  return new HardenedK8sError(`Compliance rule ${show(ruleId)}: ${problem}`);
}

export function invalidWaiver(path: string, ruleId: string, problem: string, fix: string): HardenedK8sError {
  return new HardenedK8sError(`Compliance.waive: waiver for rule ${show(ruleId)} on ${path}: ${problem}. Fix: ${fix}`);
}

/** A problem line: a waiver that waived nothing. */
export function unusedWaiver(scopePath: string, ruleId: string, reason: string): string {
  return (
    `waiver of ${show(ruleId)} on ${scopePath || '<app>'} (${show(reason)}) matches no finding; a waiver must waive something, or it hides a future regression. ` +
    'Fix: remove the waiver, or attach it to the construct that holds the resource the rule flags.'
  );
}

/** A problem line: a waiver naming a rule no applied pack has. */
export function unknownWaiverRule(scopePath: string, ruleId: string, packs: string[], closest: string | undefined): string {
  return (
    `waiver on ${scopePath || '<app>'} names rule ${show(ruleId)}, which no applied pack has (packs: ${packs.map(show).join(', ') || 'none'}).` +
    `${closest ? ` Did you mean ${show(closest)}?` : ''} Allowed: a rule id of the applied packs, as the compliance report shows it. ` +
    'Fix: correct the rule id, or apply the pack that holds the rule.'
  );
}

/** A problem line: a waiver naming a rule whose findings may never be accepted. */
export function unwaivableRule(scopePath: string, ruleId: string): string {
  return (
    `waiver of ${show(ruleId)} on ${scopePath || '<app>'}: the rule cannot be waived (its findings put a credential or an unsafe setting into what Terraform applies). ` +
    'Fix: remove the waiver and fix the configuration the finding names.'
  );
}

/** A problem line: two stacks of one name, whose output and state would clash. */
export function sharedStackName(name: string, paths: string[]): string {
  return (
    `stacks ${paths.map(show).join(' and ')} share the name ${show(name)}: cdktf writes both to cdktf.out/stacks/${name} and their state keys clash. ` +
    'Allowed: one name per stack in the app. Fix: give each platform of a fleet its own name prefix.'
  );
}

/** A problem line: a stack that was synthesized without passing through the engine. */
export function stackNotChecked(stackPath: string): string {
  return (
    `stack ${show(stackPath)} was synthesized without the compliance check (its synthesizer was replaced after Compliance.apply). ` +
    'Fix: call Compliance.of(app).apply(pack) after setting every stack\'s synthesizer.'
  );
}

/** Synth stopped by unwaived error-level findings or waiver problems; the text lists every one, by stack. */
export function complianceBlocked(text: string): HardenedK8sError {
  return new HardenedK8sError(text);
}

/** A Compliance call on something that is not a construct inside a cdktf App. */
export function scopeNotInApp(api: string, given: string): HardenedK8sError {
  return new HardenedK8sError(
    `${api}: the scope must be a construct inside a cdktf App, but ${given} was given. ` +
      "Allowed: the App, or a stack or construct created in it. Fix: create the construct in a stack of your App (new TerraformStack(app, 'infra')), or pass the App itself.",
  );
}

/** Compliance.apply on an app that has no stack yet, so no synthesizer to check through. */
export function noStacksToCheck(pack: string): HardenedK8sError {
  return new HardenedK8sError(
    `Compliance.apply(${show(pack)}): the app has no TerraformStack yet, so the check has no stack to run in. ` +
      'Allowed: apply() once the app has at least one stack (stacks added after it are checked too). ' +
      'Fix: create the stacks first (new TerraformStack(app, ...), new ClusterBaseline(app, ...)), then call Compliance.of(app).apply(pack).',
  );
}

/** A rule of a pack with the id of another rule already applied: it would silently replace that rule. */
export function duplicateRuleId(ruleId: string, appliedPack: string, newPack: string): HardenedK8sError {
  return new HardenedK8sError(
    `Compliance.apply(${show(newPack)}): rule ${show(ruleId)} has the id of another rule, applied from pack ${show(appliedPack)}; ` +
      'it would replace that rule (a rule that checks nothing would make its controls pass). ' +
      'Allowed: each rule id once per app; the same rule object may be in several packs. ' +
      `Fix: give your rule an id of its own (e.g. "org-${ruleId}"), or leave the pack that holds the other rule out.`,
  );
}

/** An option of Compliance.of given again with another value. */
export function conflictingComplianceOption(option: string, current: unknown, given: unknown): HardenedK8sError {
  return new HardenedK8sError(
    `Compliance.of: option ${option} is already ${show(current)} for this app, but ${show(given)} was given. ` +
      'Allowed: each option set once per app. Fix: pass the options on one Compliance.of(app, options) call.',
  );
}

/** An output directory that holds the output of another app. */
export function foreignOutdir(outdir: string, theirs: string[], ours: string[]): HardenedK8sError {
  return new HardenedK8sError(
    `Compliance: the output directory ${show(outdir)} holds another app's output (stacks ${theirs.map(show).join(', ')}; ` +
      `this app has ${ours.map(show).join(', ')}), and nothing was written. The engine clears what an earlier synth of this app wrote, never another app's files. ` +
      'Allowed: an empty directory, or one an earlier synth of this app wrote (a stack name in common). ' +
      `Fix: give this app its own outdir (new App({ outdir }), CDKTF_OUTDIR, or "output" in cdktf.json), or delete ${show(outdir)} if its contents are no longer needed.`,
  );
}

/** An add-on that names a dependency no selected add-on provides. */
export function missingAddonDependency(addonId: string, dependencyId: string, selected: string[]): HardenedK8sError {
  return new HardenedK8sError(
    `ClusterBaseline: add-on ${show(addonId)} depends on ${show(dependencyId)}, which is not selected. ` +
      `Selected add-ons: ${selected.map(show).join(', ') || 'none'}. Fix: add the ${show(dependencyId)} add-on (baseline.addAddon(...) or its baseline prop), or remove ${show(addonId)}.`,
  );
}

/** Two selected add-ons that must not run on one cluster. */
export function conflictingAddons(addonId: string, otherId: string, why: string): HardenedK8sError {
  return new HardenedK8sError(
    `ClusterBaseline: add-on ${show(addonId)} conflicts with add-on ${show(otherId)} (${why}). Allowed: at most one of them. Fix: remove one of the two.`,
  );
}

/** Add-ons whose dependencies form a cycle. */
export function addonDependencyCycle(ids: string[]): HardenedK8sError {
  return new HardenedK8sError(
    `ClusterBaseline: add-ons ${ids.map(show).join(' -> ')} depend on each other in a cycle. Fix: remove one of the dependencies.`,
  );
}

/** An add-on id given twice. */
export function duplicateAddon(addonId: string): HardenedK8sError {
  return new HardenedK8sError(
    `ClusterBaseline: add-on ${show(addonId)} is added twice. Allowed: one add-on per id. Fix: add it once, or give your own add-on another addonId.`,
  );
}

/** A prop that must be a Terraform reference (sensitive variable or resource attribute) but is a literal. */
export function literalNotAllowed(construct: string, prop: string, fix: string): HardenedK8sError {
  return new HardenedK8sError(
    `${construct}: ${prop} must not be a literal value (a literal would be written in plain text to the synthesized configuration). ` +
      `Allowed: a reference to a sensitive Terraform variable or resource attribute. Fix: ${fix}`,
  );
}

/** Two props of which exactly one must be given. */
export function exactlyOneOf(construct: string, props: string[], given: string[], fix: string): HardenedK8sError {
  return new HardenedK8sError(
    `${construct}: exactly one of ${props.join(', ')} is required, but ${given.length ? given.join(' and ') + ' were' : 'none was'} given. Fix: ${fix}`,
  );
}
