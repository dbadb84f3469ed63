import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { check, defineRule, notApplicable, valueOr } from '../../define-rule';
import { RBAC_GUARDS } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-guards';
import { EvidenceRequirement, EvidenceSubject, RuleSeverity } from '../../types';
import { allPolicyControls, kindOfPolicy, POLICY_CONTROLS, policyOfKind } from './gatekeeper-policy-controls';

export const CONSTRAINT_GROUP = 'constraints.gatekeeper.sh/';

/** True for a `kubernetes_manifest` holding a Gatekeeper constraint. */
export function isConstraint(apiVersion: unknown): boolean {
  return typeof apiVersion === 'string' && apiVersion.startsWith(CONSTRAINT_GROUP);
}

/** The RBAC constraints, which prove their controls through their own rules (k8s-rbac-*). */
const RBAC_KINDS = new Set(RBAC_GUARDS.map((g) => g.kind));
const RBAC_POLICIES = new Set(RBAC_GUARDS.map((g) => g.policy));

/**
 * The policies whose enforcing constraint every Gatekeeper cluster needs. Not here: allowed registries
 * and the RBAC set (their own rules, gatekeeper-allowed-registries and k8s-rbac-*), and host probes, a
 * check Pod Security has only from v1.34 that proves no CIS control, so an older pinned version has none.
 */
export const REQUIRED_POLICIES: GatekeeperPolicy[] = Object.values(GatekeeperPolicy).filter(
  (p) => p !== GatekeeperPolicy.ALLOWED_REGISTRIES && p !== GatekeeperPolicy.HOST_PROBES && !RBAC_POLICIES.has(p),
);

const REQUIREMENTS: EvidenceRequirement[] = REQUIRED_POLICIES.map((policy) => ({
  id: policy,
  description: `an enforcing ${kindOfPolicy(policy)} constraint (GatekeeperPolicy ${policy})`,
  cisControls: POLICY_CONTROLS[policy],
}));

/**
 * Gatekeeper constraints reject violations (`deny`) instead of only reporting them (`dryrun`, `warn`),
 * and every cluster that runs the self-installed Gatekeeper has an enforcing constraint for each policy
 * of the library: turning a policy off fails the controls it proves.
 */
export const gatekeeperConstraintEnforced = defineRule(
  {
    id: 'gatekeeper-constraint-enforced',
    title: 'Gatekeeper constraints enforce (deny), not dryrun or warn, and every policy of the library has one on each Gatekeeper cluster',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline policyEnforcementAction at EnforcementAction.DENY (the default) and every policy of policyConstraints enabled; use DRYRUN or WARN only while rolling out a policy, with a waiver that says until when.',
    remediationTargets: ['ClusterBaselineProps.policyEnforcementAction', 'ClusterBaselineProps.policyConstraints', 'EnforcementAction.DENY', 'ConstraintOptions.enabled'],
    cisControls: allPolicyControls(REQUIRED_POLICIES),
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline: every policy-library constraint (pod security set, default service-account token, secrets as files, no default namespace) with enforcementAction deny',
    evidence: { protects: [EvidenceSubject.GATEKEEPER_CLUSTER], requirements: REQUIREMENTS },
  },
  (r) => {
    if (!isConstraint(r.get('manifest.apiVersion'))) {
      return notApplicable('not a Gatekeeper constraint');
    }
    const kind = r.get('manifest.kind');
    if (RBAC_KINDS.has(kind)) {
      return notApplicable('an RBAC constraint: its k8s-rbac-* rule judges it');
    }
    const policy = policyOfKind(kind);
    // Gatekeeper's default enforcement action is deny.
    const action = valueOr(r, 'manifest.spec.enforcementAction', 'deny');
    const result = check(action === 'deny', `${kind} ${r.get('manifest.metadata.name')}: enforcementAction=${action}`);
    // A constraint of a kind the library does not define is judged, but proves no policy of the library.
    return { ...result, evidence: policy && REQUIRED_POLICIES.includes(policy) ? [policy] : [] };
  },
);
