import { cisAks, cisRke2 } from '../../../cis/refs';
import { check, defineRule, notApplicable, valueOr } from '../../define-rule';
import { RBAC_GUARDS } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-guards';
import { RuleSeverity } from '../../types';

export const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh/';

/** True for a `kubernetes_manifest` holding a Gatekeeper constraint. */
export function isConstraint(apiVersion: unknown): boolean {
  return typeof apiVersion === 'string' && apiVersion.startsWith(CONSTRAINT_GROUP);
}

/** The RBAC constraints, which prove their controls through their own rules (k8s-rbac-*). */
const RBAC_KINDS = new Set(RBAC_GUARDS.map((g) => g.kind));

/** Gatekeeper constraints reject violations (`deny`) instead of only reporting them (`dryrun`, `warn`). */
export const gatekeeperConstraintEnforced = defineRule(
  {
    id: 'gatekeeper-constraint-enforced',
    title: 'Gatekeeper constraints enforce (deny), not dryrun or warn',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline policyEnforcementAction at EnforcementAction.DENY (the default); use DRYRUN or WARN only while rolling out a policy, with a waiver that says until when.',
    remediationTargets: ['ClusterBaselineProps.policyEnforcementAction', 'EnforcementAction.DENY'],
    cisControls: [
      ...['4.1.6', '4.2.1', '4.2.2', '4.2.3', '4.2.4', '4.2.5', '4.5.1', '4.6.2', '4.6.3'].map(cisAks),
      ...['5.1.6', '5.4.1', '5.7.4'].map(cisRke2),
    ],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline: every policy-library constraint (pod security set, default service-account token, secrets as files, no default namespace) with enforcementAction deny',
  },
  (r) => {
    if (!isConstraint(r.get('manifest.apiVersion'))) {
      return notApplicable('not a Gatekeeper constraint');
    }
    if (RBAC_KINDS.has(r.get('manifest.kind'))) {
      return notApplicable('an RBAC constraint: its k8s-rbac-* rule judges it');
    }
    // Gatekeeper's default enforcement action is deny.
    const action = valueOr(r, 'manifest.spec.enforcementAction', 'deny');
    return check(action === 'deny', `${r.get('manifest.kind')} ${r.get('manifest.metadata.name')}: enforcementAction=${action}`);
  },
);
