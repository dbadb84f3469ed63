// One place for user-facing error messages. Each says what was wrong, the value received,
// what is allowed and how to fix it.

/** Error thrown for invalid construct input or compliance configuration. */
export class HardenedK8sError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HardenedK8sError';
  }
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

export function unusedWaivers(lines: string[]): HardenedK8sError {
  return new HardenedK8sError(
    'Compliance: these waivers match no finding (a waiver must waive something, or it hides a future regression):\n  ' +
      lines.join('\n  ') +
      '\nFix: remove the waiver, or attach it to the construct that holds the resource the rule flags.',
  );
}

export function complianceFailed(stackName: string, lines: string[]): HardenedK8sError {
  // One line per finding, each starting with the rule id; the CLI shows the message's lines as they are.
  return new HardenedK8sError(
    `Compliance check failed for stack ${show(stackName)}: ${lines.length} unwaived error-level finding(s). ` +
      'Fix: change the construct props to the secure setting, or add a waiver with a reason: Compliance.waive(scope, ruleId, reason).\n' +
      lines.map((l) => `FAIL ${l}`).join('\n'),
  );
}

export function stacksNotChecked(stacks: string[]): HardenedK8sError {
  return new HardenedK8sError(
    `Compliance: stacks ${stacks.map(show).join(', ')} were synthesized without the compliance check. ` +
      'Fix: call Compliance.of(app).apply(pack) after creating every stack of the app.',
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
