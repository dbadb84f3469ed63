// Internal: a synthesized stack as its plan says it will be. Each planned resource instance gets its
// synthesized configuration with the plan's values laid over it: a value the plan knows replaces what
// synth had (a literal, a variable, a data source); a value known only after apply, or sensitive, stays
// unresolved (never a pass, never printed); a reference to another resource of the stack stays the
// reference, because rules read such links (which identity a role is granted to) from it.
import { compareStrings } from '../ordering';
import { isTerraformExpression, PLAN_UNKNOWN } from '../compliance/resolved-resource';
import { CheckInputError } from './input-error';
import { TerraformPlan } from './terraform-plan';

/** The resource addresses (`type.name`) of a synthesized stack. */
export function stackAddresses(stackJson: any): string[] {
  const resources = stackJson?.resource ?? {};
  return Object.keys(resources).flatMap((type) => Object.keys(resources[type] ?? {}).map((name) => `${type}.${name}`));
}

function sameSet(a: string[], b: string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((x) => set.has(x));
}

function list(items: string[], max = 5): string {
  const sorted = [...items].sort(compareStrings);
  return sorted.slice(0, max).join(', ') + (sorted.length > max ? ` and ${sorted.length - max} more` : '');
}

/**
 * Fails unless the plan is of this stack: its configuration declares exactly the stack's resources, and
 * every resource the stack declares once (no count, no for_each) has a planned instance.
 */
export function checkPlanMatchesStack(plan: TerraformPlan, stack: string, stackJson: any, otherStacks: Map<string, any>): void {
  const ours = stackAddresses(stackJson);
  const extra = plan.configuredResources.filter((a) => !ours.includes(a));
  const missing = ours.filter((a) => !plan.configuredResources.includes(a));
  if (extra.length > 0 || missing.length > 0) {
    const match = [...otherStacks].find(([, json]) => sameSet(stackAddresses(json), plan.configuredResources))?.[0];
    throw new CheckInputError(
      `the plan ${JSON.stringify(plan.file)} is not a plan of stack ${JSON.stringify(stack)}` +
        (match ? `: it is a plan of stack ${JSON.stringify(match)}` : '') +
        `. Resources the stack does not have: ${extra.length ? list(extra) : 'none'}; resources of the stack the plan lacks: ${missing.length ? list(missing) : 'none'}. ` +
        `Allowed: the plan of the same synth of ${JSON.stringify(stack)}. Fix: ${match ? `pass it as --plan ${match}=${plan.file}, or ` : ''}` +
        `synth, then plan in cdktf.out/stacks/${stack} and pass that plan.`,
    );
  }
  const planned = new Set(plan.changes.map((c) => c.resourceAddress));
  const unplanned = ours.filter((address) => {
    const [type, ...name] = address.split('.');
    const config = stackJson.resource[type][name.join('.')];
    return !planned.has(address) && config?.count === undefined && config?.for_each === undefined;
  });
  if (unplanned.length > 0) {
    throw new CheckInputError(
      `the plan ${JSON.stringify(plan.file)} has no planned instance of ${unplanned.length} resource(s) of stack ${JSON.stringify(stack)}: ${list(unplanned)}. ` +
        'Allowed: a plan of the whole stack. Fix: plan without -target, so every resource is judged.',
    );
  }
}

/** An expression that names a resource of the stack (`${azurerm_x.name.id}`): a link rules read. */
function linksTo(addresses: Set<string>): (value: unknown) => boolean {
  return (value) => {
    if (!isTerraformExpression(value)) {
      return false;
    }
    for (const match of value.matchAll(/(?<![\w.-])([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)/g)) {
      if (addresses.has(match[1])) {
        return true;
      }
    }
    return false;
  };
}

/** A value holding such a link anywhere (a list of identity ids, a block with a subnet id). */
function holdsLinks(value: unknown, links: (v: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    return value.some((v) => holdsLinks(v, links));
  }
  if (isPlainObject(value)) {
    return Object.values(value).some((v) => holdsLinks(v, links));
  }
  return links(value);
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** How well a synthesized block element agrees with a planned one: its literal scalars that the plan has equal. */
function agreement(synth: unknown, planned: unknown): number {
  if (!isPlainObject(synth) || !isPlainObject(planned)) {
    return 0;
  }
  let score = 0;
  for (const [key, value] of Object.entries(synth)) {
    if (value === null || typeof value === 'object' || isTerraformExpression(value) || !(key in planned)) {
      continue;
    }
    score += planned[key] === value ? 1 : -1;
  }
  return score;
}

/** Pairs each planned element with a synthesized one: by position when they agree, else the best agreeing unused one (sets reorder). */
function pairElements(synth: unknown[], planned: unknown[]): Array<unknown | undefined> {
  if (synth.length === planned.length && synth.every((s, i) => agreement(s, planned[i]) >= 0)) {
    return synth;
  }
  const used = new Set<number>();
  return planned.map((p) => {
    let best = -1;
    let bestScore = -Infinity;
    synth.forEach((s, i) => {
      const score = agreement(s, p);
      if (!used.has(i) && score > bestScore && score >= 0) {
        best = i;
        bestScore = score;
      }
    });
    if (best < 0) {
      return undefined;
    }
    used.add(best);
    return synth[best];
  });
}

function at(value: unknown, key: string | number): unknown {
  if (typeof key === 'number') {
    return Array.isArray(value) ? value[key] : undefined;
  }
  return isPlainObject(value) ? value[key] : undefined;
}

/** The synthesized value with the plan's laid over it (see the module comment). */
function overlay(synth: unknown, planned: unknown, unknown: unknown, sensitive: unknown, links: (v: unknown) => boolean): unknown {
  if (sensitive === true) {
    return isTerraformExpression(synth) ? synth : PLAN_UNKNOWN.sensitive;
  }
  if (unknown === true) {
    return holdsLinks(synth, links) ? synth : PLAN_UNKNOWN.afterApply;
  }
  if (links(synth)) {
    return synth;
  }
  if (Array.isArray(planned)) {
    // cdktf writes a single nested block as an object; the plan always as a list.
    const singleBlock = isPlainObject(synth);
    const synthList = Array.isArray(synth) ? synth : singleBlock ? [synth] : [];
    const pairs = pairElements(synthList, planned);
    const merged = planned.map((p, i) => overlay(pairs[i], p, at(unknown, i), at(sensitive, i), links));
    return singleBlock && merged.length === 1 ? merged[0] : merged;
  }
  if (isPlainObject(planned) || (planned === undefined && (isPlainObject(unknown) || isPlainObject(sensitive)))) {
    const keys = new Set([...Object.keys(planned ?? {}), ...Object.keys(isPlainObject(unknown) ? unknown : {}), ...Object.keys(isPlainObject(sensitive) ? sensitive : {})]);
    const out: Record<string, unknown> = {};
    for (const key of [...keys].sort(compareStrings)) {
      out[key] = overlay(at(synth, key), at(planned, key), at(unknown, key), at(sensitive, key), links);
    }
    if (isPlainObject(synth)) {
      // Keys the plan does not carry: cdktf's metadata ("//"), depends_on, lifecycle, provider, count.
      for (const [key, value] of Object.entries(synth)) {
        if (!keys.has(key)) {
          out[key] = value;
        }
      }
    }
    return out;
  }
  return planned;
}

/** The stack's JSON with each resource replaced by its planned instances, for the rules to judge. */
export function plannedStackJson(stackJson: any, plan: TerraformPlan): any {
  const addresses = new Set(stackAddresses(stackJson));
  const links = linksTo(addresses);
  const resource: Record<string, Record<string, unknown>> = {};
  const ordered = [...plan.changes].sort((a, b) => compareStrings(a.address, b.address));
  for (const change of ordered) {
    const synth = stackJson.resource?.[change.type]?.[change.name];
    const instanceName = change.address.slice(change.type.length + 1);
    const instance = overlay(synth, change.after ?? {}, change.afterUnknown, change.afterSensitive, links) as Record<string, unknown>;
    // A planned instance exists: the count or for_each that decided it is settled.
    delete instance.count;
    delete instance.for_each;
    (resource[change.type] ??= {})[instanceName] = instance;
  }
  return { ...stackJson, resource };
}
