// Rule identity: a rule id names one rule per app. A second pack's rule with a built-in rule's id would
// replace it (a no-op rule named like aks-private-cluster would make a public API pass), so it is an error.
import { TerraformStack } from 'cdktf';
import { CisAksPack, Compliance, IRulePack, RulePack } from '../../lib';
import { compliant, defineRule } from '../../lib/compliance/define-rule';
import { aksPrivateCluster } from '../../lib/compliance/rules/aks/private-cluster';
import { testApp } from '../helpers/synth';
import { storageNoPublicBlob } from './storage-fixtures';

const impostor = defineRule({ ...aksPrivateCluster.metadata }, () => compliant('looks fine'));

function appWithStack() {
  const app = testApp();
  new TerraformStack(app, 'infra');
  return app;
}

describe('rule identity', () => {
  test("a second pack's rule with a built-in rule's id is an error naming both packs", () => {
    const compliance = Compliance.of(appWithStack(), { printSummary: false }).apply(new CisAksPack());
    expect(() => compliance.apply(new RulePack('org-overrides', [impostor]))).toThrow(
      /Compliance.apply\("org-overrides"\): rule "aks-private-cluster" has the id of another rule, applied from pack "cis-aks-1.8"; it would replace that rule.*Fix: give your rule an id of its own \(e.g. "org-aks-private-cluster"\)/,
    );
    expect(compliance.appliedRules.find((r) => r.metadata.id === 'aks-private-cluster')).toBe(aksPrivateCluster);
  });

  test('the order does not matter: the built-in pack applied after the impostor is refused too', () => {
    const compliance = Compliance.of(appWithStack(), { printSummary: false }).apply(new RulePack('org-overrides', [impostor]));
    expect(() => compliance.apply(new CisAksPack())).toThrow(/Compliance.apply\("cis-aks-1.8"\): rule "aks-private-cluster" has the id of another rule, applied from pack "org-overrides"/);
  });

  test('a hand-written pack holding two rules with one id is refused', () => {
    const pack: IRulePack = { name: 'hand-made', rules: [aksPrivateCluster, impostor] };
    expect(() => Compliance.of(appWithStack()).apply(pack)).toThrow(/rule "aks-private-cluster" has the id of another rule, applied from pack "hand-made"/);
  });

  test('the same rule object in two packs, or a pack extended with withRules, is fine and runs once', () => {
    const compliance = Compliance.of(appWithStack(), { printSummary: false })
      .apply(new CisAksPack())
      .apply(new CisAksPack().withRules('cis-aks-plus', [storageNoPublicBlob]))
      .apply(new RulePack('again', [aksPrivateCluster]));
    expect(compliance.appliedRules.filter((r) => r.metadata.id === 'aks-private-cluster')).toEqual([aksPrivateCluster]);
    expect(compliance.appliedRules.map((r) => r.metadata.id)).toContain(storageNoPublicBlob.metadata.id);
  });
});
