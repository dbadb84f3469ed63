// Internal: the stacks of one app whose state the library configures, and the locations they claim, so
// that two stacks keeping state in one place fail where the second is configured. What a synthesized
// stack's state settings must look like is judged by the state rules of TerraformStatePack.
import { App, TerraformBackend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { HardenedK8sError } from '../../errors';

const REGISTRIES = new WeakMap<App, StateRegistry>();

/** The backends directly in a stack (not in a stack nested below it). */
export function backendsOf(stack: TerraformStack): TerraformBackend[] {
  const found: TerraformBackend[] = [];
  const visit = (node: IConstruct): void => {
    for (const child of node.node.children) {
      if (TerraformBackend.isBackend(child)) {
        found.push(child);
      } else if (!TerraformStack.isStack(child)) {
        visit(child);
      }
    }
  };
  visit(stack);
  return found;
}

/** The state-configured stacks of one app. */
export class StateRegistry {
  /** The registry of the app holding the scope, created on first use. */
  public static of(scope: IConstruct): StateRegistry {
    const app = App.of(scope);
    let registry = REGISTRIES.get(app);
    if (!registry) {
      registry = new StateRegistry();
      REGISTRIES.set(app, registry);
    }
    return registry;
  }

  /** Known stacks, and whether each may keep local state (a bootstrap stack before migration). */
  private readonly known = new Map<TerraformStack, boolean>();
  /** State locations claimed at construction, so a clash fails where it is made. */
  private readonly claimed = new Map<string, string>();

  private constructor() {}

  public isKnown(stack: TerraformStack): boolean {
    return this.known.has(stack);
  }

  /** Records a stack whose state the library configured. */
  public add(stack: TerraformStack, localStateAllowed: boolean): void {
    if (!this.known.has(stack)) {
      this.known.set(stack, localStateAllowed);
    }
  }

  /** Records where a stack will keep its state; throws when another stack already keeps state there. */
  public claim(construct: string, location: string, stack: TerraformStack): void {
    const owner = this.claimed.get(location);
    if (owner !== undefined && owner !== stack.node.path) {
      throw new HardenedK8sError(
        `${construct}: stacks ${JSON.stringify(owner)} and ${JSON.stringify(stack.node.path)} would keep their state in the same place (${location}), ` +
          "so each apply would overwrite the other's state. Allowed: one state key (or workspace) per stack. Fix: give the stacks different names, or the calls different keyPrefix / workspacePrefix values.",
      );
    }
    this.claimed.set(location, stack.node.path);
  }
}
