import { IConstruct } from 'constructs';
import { appOf } from './app-of';
import { closestId } from './closest-id';
import { invalidWaiver, unknownWaiverRule, unusedWaiver, unwaivableRule } from '../errors';
import { Waiver } from './types';
import { closestWaiver, IWaiverMatcher, RecordedWaiver } from './waiver-match';

/** Minimum length of a waiver reason: long enough to say why, as cdk-nag requires. */
export const MIN_WAIVER_REASON_LENGTH = 10;

export interface WaiverEntry extends Waiver {
  /** Construct path the waiver is attached to ('' for the app). */
  readonly scopePath: string;
  /** A waiver a construct of this library adds for its own resources; unused or unapplied is not an error. */
  readonly builtIn: boolean;
  used: boolean;
}

/** A waiver the app got wrong, found at synth. */
export interface WaiverProblem {
  readonly scopePath: string;
  readonly message: string;
}

const WAIVERS = new WeakMap<IConstruct, WaiverEntry[]>();

/**
 * Records a waiver a construct of this library needs for its own resources (e.g. the privileged namespace
 * of a node agent). Reports list it apart from the app's waivers, and it is not an error when its rule is
 * not applied or waives nothing.
 */
export function addBuiltInWaiver(scope: IConstruct, waiver: Waiver): void {
  addWaiver(scope, waiver, true);
}

/** Records a waiver on a construct after checking it; the rule id is checked against the applied rules at synth. */
export function addWaiver(scope: IConstruct, waiver: Waiver, builtIn = false): void {
  appOf('Compliance.waive', scope);
  const path = scope.node.path || '<app>';
  if (typeof waiver.ruleId !== 'string' || !waiver.ruleId.trim()) {
    throw invalidWaiver(path, String(waiver.ruleId), 'ruleId is empty', 'name the rule id shown in the compliance report');
  }
  const reason = typeof waiver.reason === 'string' ? waiver.reason.trim() : '';
  if (reason.length < MIN_WAIVER_REASON_LENGTH) {
    throw invalidWaiver(
      path,
      waiver.ruleId,
      `reason ${JSON.stringify(waiver.reason ?? null)} is missing or shorter than ${MIN_WAIVER_REASON_LENGTH} characters`,
      'say why the finding is accepted, e.g. "public API needed until the VPN lands (ticket SEC-123)"',
    );
  }
  const list = WAIVERS.get(scope) ?? [];
  list.push({ ruleId: waiver.ruleId.trim(), reason, scopePath: scope.node.path, builtIn, used: false });
  WAIVERS.set(scope, list);
}

/** The waivers of one app, matched to resources by construct path. */
export class WaiverIndex implements IWaiverMatcher {
  private readonly entries: WaiverEntry[];

  constructor(root: IConstruct) {
    this.entries = root.node.findAll().flatMap((c) => WAIVERS.get(c) ?? []);
  }

  /** The waiver for a rule on a resource: the one attached closest to the resource wins. */
  public match(ruleId: string, constructPath: string): WaiverEntry | undefined {
    const best = closestWaiver(this.entries, ruleId, constructPath);
    if (best) {
      best.used = true;
    }
    return best;
  }

  /** Every waiver of the app as compliance.json records it, so `check` can apply them without the app. */
  public recorded(): RecordedWaiver[] {
    return this.entries.map((e) => ({ ruleId: e.ruleId, scopePath: e.scopePath, reason: e.reason, builtIn: e.builtIn }));
  }

  /**
   * The app's waivers that are wrong once every stack is checked: a rule id no applied pack has (with the
   * closest applied id), a rule that cannot be waived, or a waiver that waived nothing. Built-in waivers
   * are never wrong.
   */
  public problems(appliedRuleIds: Set<string>, packNames: string[], unwaivable: Set<string> = new Set()): WaiverProblem[] {
    return this.entries
      .filter((e) => !e.builtIn)
      .flatMap((e) => {
        if (!appliedRuleIds.has(e.ruleId)) {
          return [{ scopePath: e.scopePath, message: unknownWaiverRule(e.scopePath, e.ruleId, packNames, closestId(e.ruleId, appliedRuleIds)) }];
        }
        if (unwaivable.has(e.ruleId)) {
          return [{ scopePath: e.scopePath, message: unwaivableRule(e.scopePath, e.ruleId) }];
        }
        return e.used ? [] : [{ scopePath: e.scopePath, message: unusedWaiver(e.scopePath, e.ruleId, e.reason) }];
      });
  }
}

