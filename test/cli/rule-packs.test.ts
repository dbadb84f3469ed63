import * as packs from '../../lib/compliance/packs';
import { RulePack } from '../../lib';
import { builtInPacks } from '../../lib/cli/rule-packs';

/** Packs whose rules depend on props: a recorded name cannot rebuild them, --rules must. */
const BUILT_FROM_PROPS = new Set(['RkeClusterPolicyPack']);

test('check finds every pack of the library that needs no props by its name', () => {
  const classes = Object.entries(packs).filter(([name, value]) => typeof value === 'function' && value.prototype instanceof RulePack && !BUILT_FROM_PROPS.has(name));
  const names = classes.map(([, Pack]) => new (Pack as new () => RulePack)().name).sort();
  expect(builtInPacks().map((p) => p.name).sort()).toEqual(names);
  expect(names.length).toBeGreaterThanOrEqual(4);
});
