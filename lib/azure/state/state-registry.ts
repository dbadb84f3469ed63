// Internal: the stacks of one app whose state settings the library checks, and the check itself.
// Each known stack gets a validation that runs just before the stack is written, on the stack's
// final JSON: an override cannot slip a credential or a local path past it.
import { App, TerraformBackend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { HardenedK8sError } from '../../errors';
import { compareStrings } from '../../ordering';
import { backendProblems, FinalBackend, finalBackends, remoteStateProblems } from './backend-checks';

interface KnownStack {
  /** True for a state bootstrap stack before its state moves into its account. */
  readonly localStateAllowed: boolean;
}

const REGISTRIES = new WeakMap<App, StateRegistry>();

/** Where a backend keeps state, as one comparable string; two stacks must never share one. */
export function stateLocationId(backend: FinalBackend): string {
  const c = backend.config;
  switch (backend.type) {
    case 'azurerm':
      return `azurerm storage account ${JSON.stringify(c.storage_account_name)}, container ${JSON.stringify(c.container_name)}, key ${JSON.stringify(c.key)}`;
    case 'cloud':
      return `HCP Terraform ${JSON.stringify(c.hostname ?? 'app.terraform.io')} organization ${JSON.stringify(c.organization)}, workspace ${JSON.stringify(c.workspaces?.name)}`;
    default:
      return `${backend.type} backend ${JSON.stringify(c)}`;
  }
}

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

/** The id suffix cdktf gives a cross-stack read of a stack (its path, with "/" made "--"). */
function crossStackSuffix(stack: TerraformStack): string {
  return stack.node.path.split('/').join('--');
}

/** The state-checked stacks of one app. */
export class StateRegistry {
  /** The registry of the app holding the scope, created on first use. */
  public static of(scope: IConstruct): StateRegistry {
    const app = App.of(scope);
    let registry = REGISTRIES.get(app);
    if (!registry) {
      registry = new StateRegistry(app);
      REGISTRIES.set(app, registry);
    }
    return registry;
  }

  private readonly app: App;
  private readonly known = new Map<TerraformStack, KnownStack>();
  /** State locations claimed at construction, so a clash fails where it is made. */
  private readonly claimed = new Map<string, string>();
  /** State locations of the stacks checked so far in this synth. */
  private readonly written = new Map<string, string>();
  private readonly finalJson = new Map<TerraformStack, any>();
  private appChecked = false;

  private constructor(app: App) {
    this.app = app;
  }

  public isKnown(stack: TerraformStack): boolean {
    return this.known.has(stack);
  }

  /** Checks the stack's state settings when it is synthesized. */
  public add(stack: TerraformStack, localStateAllowed: boolean): void {
    if (this.known.has(stack)) {
      return;
    }
    this.known.set(stack, { localStateAllowed });
    stack.node.addValidation({ validate: () => this.check(stack) });
  }

  /** Records where a stack will keep its state; throws when another stack already keeps state there. */
  public claim(construct: string, location: string, stack: TerraformStack): void {
    const owner = this.claimed.get(location);
    if (owner !== undefined && owner !== stack.node.path) {
      throw new HardenedK8sError(
        `${construct}: stacks ${JSON.stringify(owner)} and ${JSON.stringify(stack.node.path)} would keep their state in the same place (${location}), ` +
          'so each apply would overwrite the other\'s state. Allowed: one state key (or workspace) per stack. Fix: give the stacks different names, or the calls different keyPrefix / workspacePrefix values.',
      );
    }
    this.claimed.set(location, stack.node.path);
  }

  private stacks(): TerraformStack[] {
    return this.app.node.findAll().filter(TerraformStack.isStack);
  }

  private jsonOf(stack: TerraformStack): any {
    let json = this.finalJson.get(stack);
    if (json === undefined) {
      json = stack.toTerraform();
      this.finalJson.set(stack, json);
    }
    return json;
  }

  private check(stack: TerraformStack): string[] {
    // The stack's own JSON is taken fresh: its aspects have run by now.
    const json = stack.toTerraform();
    this.finalJson.set(stack, json);
    const name = stack.node.id;
    const stacks = this.stacks();
    const problems = [
      ...(this.appChecked ? [] : this.appProblems(stacks)),
      ...backendProblems(name, json, this.known.get(stack)!.localStateAllowed),
      ...remoteStateProblems(name, json, (suffix) => {
        const producer = stacks.find((s) => crossStackSuffix(s) === suffix);
        const backends = producer ? finalBackends(this.jsonOf(producer)) : [];
        return backends.length === 1 ? backends[0] : undefined;
      }),
    ];
    this.appChecked = true;
    const backends = finalBackends(json);
    if (backends.length === 1) {
      const location = stateLocationId(backends[0]);
      const owner = this.written.get(location);
      if (owner !== undefined && owner !== stack.node.path) {
        problems.push(`stacks ${JSON.stringify(owner)} and ${JSON.stringify(stack.node.path)} both keep their state in ${location}. Allowed: one state key (or workspace) per stack. Fix: remove the override that changed the key, or give the stacks different names.`);
      }
      this.written.set(location, stack.node.path);
    }
    if (problems.length > 0) {
      throw new HardenedK8sError(`Terraform state settings of stack ${JSON.stringify(name)} are not safe to apply:\n  - ${problems.join('\n  - ')}`);
    }
    return [];
  }

  /** Stacks no state call configured, and stack names used twice (their output would overwrite each other). */
  private appProblems(stacks: TerraformStack[]): string[] {
    const problems: string[] = [];
    const unknown = stacks
      .filter((s) => !this.known.has(s))
      .map((s) => s.node.path)
      .sort(compareStrings);
    if (unknown.length) {
      problems.push(
        `stacks ${unknown.map((p) => JSON.stringify(p)).join(', ')} have no remote state: no RemoteState call configured them (they were created after it ran, or it was never called), ` +
          'so cdktf gave them a local backend with this machine\'s absolute path. Allowed: every stack on the remote backend. ' +
          'Fix: call RemoteState.azureStorage / hcpTerraform (or HardenedStateBackend.useForEveryStack) after creating every stack, or pass the stacks in its stacks prop.',
      );
    }
    const byName = new Map<string, string[]>();
    for (const s of stacks) {
      byName.set(s.node.id, [...(byName.get(s.node.id) ?? []), s.node.path]);
    }
    for (const [name, paths] of [...byName.entries()].sort((a, b) => compareStrings(a[0], b[0]))) {
      if (paths.length > 1) {
        problems.push(
          `stacks ${paths.map((p) => JSON.stringify(p)).join(' and ')} share the name ${JSON.stringify(name)}: cdktf writes both to cdktf.out/stacks/${name} and their state keys clash. ` +
            'Allowed: one name per stack in the app. Fix: give each platform of a fleet its own name prefix.',
        );
      }
    }
    return problems;
  }
}
