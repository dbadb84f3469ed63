// Internal: the stacks of one app whose state settings the library checks, and the check itself.
// It runs once per synth, after every stack is written, on the files cdktf wrote: the final
// configuration (overrides included, so an escape hatch cannot slip a credential or a local path
// past it), read back instead of rendered a second time.
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformBackend, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { HardenedK8sError } from '../../errors';
import { compareStrings } from '../../ordering';
import { backendProblems, FinalBackend, finalBackends, remoteStateProblems } from './backend-checks';

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
  /** Known stacks, and whether each may keep local state (a bootstrap stack before migration). */
  private readonly known = new Map<TerraformStack, boolean>();
  /** State locations claimed at construction, so a clash fails where it is made. */
  private readonly claimed = new Map<string, string>();

  private constructor(app: App) {
    this.app = app;
    app.node.addValidation({ validate: () => this.checkWrittenApp() });
  }

  public isKnown(stack: TerraformStack): boolean {
    return this.known.has(stack);
  }

  /** Checks the stack's state settings at synth. */
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
          'so each apply would overwrite the other\'s state. Allowed: one state key (or workspace) per stack. Fix: give the stacks different names, or the calls different keyPrefix / workspacePrefix values.',
      );
    }
    this.claimed.set(location, stack.node.path);
  }

  /**
   * Every problem of the app's state settings, one line each, and the stacks whose configuration is
   * unsafe, given each known stack's final Terraform JSON.
   */
  public problems(jsonOf: (stack: TerraformStack) => any): { lines: string[]; unsafe: TerraformStack[] } {
    const stacks = this.app.node.findAll().filter(TerraformStack.isStack);
    const json = new Map(stacks.filter((s) => this.known.has(s)).map((s) => [s, jsonOf(s)]));
    const lines: string[] = [];
    const unsafe = new Set<TerraformStack>();
    const report = (affected: TerraformStack[], found: string[]) => {
      if (found.length) {
        lines.push(...found);
        affected.forEach((s) => unsafe.add(s));
      }
    };
    for (const problem of this.appProblems(stacks)) {
      report(problem.stacks, [problem.line]);
    }
    const owners = new Map<string, string>();
    for (const [stack, tf] of json) {
      const name = stack.node.id;
      report([stack], backendProblems(name, tf, this.known.get(stack)!));
      report(
        [stack],
        remoteStateProblems(name, tf, (suffix) => {
          const producer = [...json.keys()].find((s) => crossStackSuffix(s) === suffix);
          const backends = producer ? finalBackends(json.get(producer)) : [];
          return backends.length === 1 ? backends[0] : undefined;
        }),
      );
      const backends = finalBackends(tf);
      if (backends.length === 1) {
        const location = stateLocationId(backends[0]);
        const owner = owners.get(location);
        if (owner !== undefined) {
          report(
            [stack],
            [
              `stacks ${JSON.stringify(owner)} and ${JSON.stringify(stack.node.path)} both keep their state in ${location}. ` +
                'Allowed: one state key (or workspace) per stack. Fix: remove the override that changed the key, or give the stacks different names.',
            ],
          );
        }
        owners.set(location, stack.node.path);
      }
    }
    return { lines, unsafe: stacks.filter((s) => unsafe.has(s)) };
  }

  /** Checks what this synth wrote; on a problem removes the unsafe stacks' configuration files and fails. */
  private checkWrittenApp(): string[] {
    if (this.known.size === 0) {
      return [];
    }
    const file = (stack: TerraformStack) => path.join(this.app.outdir, this.app.manifest.forStack(stack).synthesizedStackPath);
    // HCL output cannot be read back as JSON; render the stack once more instead.
    const { lines, unsafe } = this.problems((stack) => (this.app.hclOutput ? stack.toTerraform() : JSON.parse(fs.readFileSync(file(stack), 'utf-8'))));
    if (lines.length === 0) {
      return [];
    }
    // Never leave an unsafe configuration behind to be applied; the stacks' other files (reports,
    // Terraform's working data, a local state) stay.
    for (const stack of unsafe) {
      fs.rmSync(file(stack), { force: true });
    }
    throw new HardenedK8sError(
      `Terraform state settings are not safe to apply (${lines.length} problem(s); removed the configuration of ${unsafe.map((s) => JSON.stringify(s.node.path)).join(', ')}):\n  - ${lines.join('\n  - ')}`,
    );
  }

  /** Stacks no state call configured, and stack names used twice (their output would overwrite each other). */
  private appProblems(stacks: TerraformStack[]): Array<{ stacks: TerraformStack[]; line: string }> {
    const problems: Array<{ stacks: TerraformStack[]; line: string }> = [];
    const unknown = stacks.filter((s) => !this.known.has(s)).sort((a, b) => compareStrings(a.node.path, b.node.path));
    if (unknown.length) {
      problems.push({
        stacks: unknown,
        line:
          `stacks ${unknown.map((s) => JSON.stringify(s.node.path)).join(', ')} have no remote state: no RemoteState call configured them (they were created after it ran, or it was never called), ` +
          'so cdktf gave them a local backend with this machine\'s absolute path. Allowed: every stack on the remote backend. ' +
          'Fix: call RemoteState.azureStorage / hcpTerraform (or HardenedStateBackend.useForEveryStack) after creating every stack, or pass the stacks in its stacks prop.',
      });
    }
    const byName = new Map<string, TerraformStack[]>();
    for (const s of stacks) {
      byName.set(s.node.id, [...(byName.get(s.node.id) ?? []), s]);
    }
    for (const [name, same] of [...byName.entries()].sort((a, b) => compareStrings(a[0], b[0]))) {
      if (same.length > 1) {
        problems.push({
          stacks: same,
          line:
            `stacks ${same.map((s) => JSON.stringify(s.node.path)).join(' and ')} share the name ${JSON.stringify(name)}: cdktf writes both to cdktf.out/stacks/${name} and their state keys clash. ` +
            'Allowed: one name per stack in the app. Fix: give each platform of a fleet its own name prefix.',
        });
      }
    }
    return problems;
  }
}
