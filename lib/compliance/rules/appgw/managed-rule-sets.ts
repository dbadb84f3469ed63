// Internal: the managed rule sets of a WAF policy, with the provider's default type.
import { UnresolvedValueError, isTerraformExpression } from '../../resolved-resource';
import { literalList } from '../../define-rule';
import { IResolvedResource } from '../../types';

export interface ManagedRuleSet {
  readonly type: string;
  readonly version: string;
}

/** The managed rule sets; throws UnresolvedValueError when a type or version is an expression. */
export function managedRuleSets(policy: IResolvedResource): ManagedRuleSet[] {
  return literalList(policy, 'managed_rules.managed_rule_set').map((set: any, i: number) => {
    const type = set.type ?? 'OWASP';
    const version = set.version;
    for (const [field, value] of [['type', type], ['version', version]]) {
      if (isTerraformExpression(value)) {
        throw new UnresolvedValueError(`managed_rules.managed_rule_set.${i}.${field}`, value);
      }
    }
    return { type, version: String(version) };
  });
}

/** True when version `a` (dotted numbers) is at least `b`. */
export function versionAtLeast(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if (pa.some(Number.isNaN)) {
    return false;
  }
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) {
      return x > y;
    }
  }
  return true;
}
