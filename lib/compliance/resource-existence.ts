// Internal: whether Terraform creates a synthesized resource. `count` and `for_each` are meta-arguments
// any escape hatch can set (`addOverride('count', 0)`): the configuration stays in cdk.tf.json and every
// rule would still judge it, while Terraform creates nothing. A resource Terraform never creates is
// dropped from what rules see; one whose existence is an expression decided at plan cannot prove a
// control. No cdktf here: the check command uses it too.
import { isTerraformExpression } from './resolved-resource';

/** True when the configuration tells Terraform to create no instance: `count = 0` or an empty `for_each`. */
export function createsNothing(config: any): boolean {
  if (config === null || typeof config !== 'object') {
    return false;
  }
  const count = config.count;
  if (count === 0 || count === '0' || count === false) {
    return true;
  }
  const forEach = config.for_each;
  if (Array.isArray(forEach)) {
    return forEach.length === 0;
  }
  return forEach !== null && typeof forEach === 'object' && Object.keys(forEach).length === 0;
}

/**
 * The meta-argument that decides at plan whether the resource exists (`count = ${var.on ? 1 : 0}`),
 * described for a message; undefined when its existence is known at synth.
 */
export function existenceDecidedAtPlan(config: any): string | undefined {
  if (config === null || typeof config !== 'object') {
    return undefined;
  }
  for (const key of ['count', 'for_each']) {
    const value = config[key];
    // A literal list or map with entries creates an instance per entry, whatever their values are.
    if (isTerraformExpression(value)) {
      return `${key} = ${value}`;
    }
  }
  return undefined;
}
