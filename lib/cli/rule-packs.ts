// Internal: the packs a synth recorded, found again for `check`. The library's packs without props are
// found by name; any other pack (an organisation's, an RkeClusterPolicyPack built from props) comes
// from a module the user names with --rules. A recorded pack counts as found only with the same rule
// ids; a pack that cannot be found stops the check (exit 2), it is never skipped.
import * as path from 'path';
import { AppliedPack } from '../compliance/report';
import { CisAksPack } from '../compliance/packs/cis-aks-pack';
import { CisRke2Pack } from '../compliance/packs/cis-rke2-pack';
import { KubernetesBaselinePack } from '../compliance/packs/kubernetes-baseline-pack';
import { TerraformStatePack } from '../compliance/packs/terraform-state-pack';
import { IRulePack } from '../compliance/types';
import { compareStrings } from '../ordering';
import { CheckInputError, inputError } from './input-error';

/** The library's packs that need no props, so a recorded name is enough to rebuild them. */
export function builtInPacks(): IRulePack[] {
  return [new CisAksPack(), new CisRke2Pack(), new KubernetesBaselinePack(), new TerraformStatePack()];
}

function isPack(value: unknown): value is IRulePack {
  const v = value as IRulePack;
  return typeof v === 'object' && v !== null && typeof v.name === 'string' && Array.isArray(v.rules) && v.rules.every((r) => typeof r?.metadata?.id === 'string' && typeof r.evaluate === 'function');
}

/** TypeScript modules load through ts-node when the project has it, as the cdktf app itself does. */
function registerTypeScript(file: string, cwd: string): void {
  if (!/\.[cm]?ts$/.test(file) || require.extensions['.ts']) {
    return;
  }
  let tsNode: string;
  try {
    tsNode = require.resolve('ts-node', { paths: [cwd] });
  } catch {
    throw inputError('the rules module is TypeScript, and ts-node is not installed in this project', file, 'a JavaScript module, or a TypeScript one with ts-node installed', 'compile the module to JavaScript, or npm install -D ts-node');
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(tsNode).register({ transpileOnly: true });
}

/** The packs a --rules module exports: any export that is a pack, or a list of packs. */
export function loadRuleModule(modulePath: string, cwd: string): IRulePack[] {
  const file = path.resolve(cwd, modulePath);
  let exported: Record<string, unknown>;
  try {
    registerTypeScript(file, cwd);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    exported = require(file);
  } catch (e) {
    if (e instanceof CheckInputError) {
      throw e;
    }
    throw inputError('cannot load the rules module', modulePath, 'a module path (relative to the working directory) that exports rule packs', `fix the module so it loads: ${(e as Error).message.split('\n')[0]}`);
  }
  const values = typeof exported === 'object' && exported !== null ? Object.values(exported) : [exported];
  const packs = values.flatMap((v) => (isPack(v) ? [v] : Array.isArray(v) ? v.filter(isPack) : []));
  if (packs.length === 0) {
    throw inputError('the rules module exports no rule pack', modulePath, 'a module exporting IRulePack objects (e.g. export const orgPolicy = new RulePack(...)) or a list of them', 'export the packs the app applies with Compliance.of(app).apply(...)');
  }
  return packs;
}

function describeDifference(recorded: AppliedPack, found: IRulePack): string {
  const ids = found.rules.map((r) => r.metadata.id);
  const missing = recorded.rules.filter((id) => !ids.includes(id));
  const extra = ids.filter((id) => !recorded.rules.includes(id));
  return `pack ${JSON.stringify(recorded.name)} has other rules than at synth (at synth only: ${missing.join(', ') || 'none'}; here only: ${extra.join(', ') || 'none'})`;
}

/** The recorded packs, in the order the app applied them; user packs of a name win over the library's. */
export function resolvePacks(recorded: AppliedPack[], userPacks: IRulePack[]): IRulePack[] {
  const builtIn = builtInPacks();
  const problems: string[] = [];
  const resolved: IRulePack[] = [];
  for (const pack of recorded) {
    const candidates = [...userPacks.filter((p) => p.name === pack.name), ...builtIn.filter((p) => p.name === pack.name)];
    const same = candidates.find((p) => p.rules.length === pack.rules.length && p.rules.every((r, i) => r.metadata.id === pack.rules[i]));
    if (same) {
      resolved.push(same);
    } else if (candidates.length > 0) {
      problems.push(describeDifference(pack, candidates[0]));
    } else {
      problems.push(`pack ${JSON.stringify(pack.name)} is not a library pack and no --rules module exports it`);
    }
  }
  if (problems.length > 0) {
    const known = [...new Set([...userPacks, ...builtIn].map((p) => p.name))].sort(compareStrings);
    throw new CheckInputError(
      `the synth applied packs this check cannot find: ${problems.join('; ')}. Allowed: library packs by name (${known.join(', ')}), ` +
        'or packs exported by a --rules module, each with the rules it had at synth. ' +
        'Fix: pass --rules <module> exporting the app\'s own packs (an RkeClusterPolicyPack built with the same props), and run check with the library version that synthesized.',
    );
  }
  return resolved;
}
