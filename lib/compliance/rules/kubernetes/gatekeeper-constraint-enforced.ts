import { GatekeeperPolicy } from '../../../kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { HOST_PROBES_SINCE_MINOR } from '../../../kubernetes/addons/gatekeeper-policies/policies/host-probes';
import { POD_OBJECTS, PolicyDefinition } from '../../../kubernetes/addons/gatekeeper-policies/policy-definition';
import { PodSecurityLevel } from '../../../kubernetes/namespace/pod-security';
import { PodSecurityVersion } from '../../../kubernetes/namespace/pod-security-version';
import { check, defineRule, notApplicable, valueOr } from '../../define-rule';
import { RBAC_GUARDS } from '../../../kubernetes/addons/gatekeeper-policies/policies/rbac-guards';
import { EvidenceRequirement, EvidenceSubject, IResolvedResource, RuleSeverity } from '../../types';
import { allPolicyControls, definitionAt, kindOfPolicy, POLICY_CONTROLS, policyOfKind, profileFreeDefinition, recordedProfile } from './gatekeeper-policy-controls';

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
 * and the RBAC set (their own rules, gatekeeper-allowed-registries and k8s-rbac-*). Host probes are a
 * check Pod Security has only from v1.34: a Pod Security set of an older version stands in for it.
 */
export const REQUIRED_POLICIES: GatekeeperPolicy[] = Object.values(GatekeeperPolicy).filter(
  (p) => p !== GatekeeperPolicy.ALLOWED_REGISTRIES && !RBAC_POLICIES.has(p),
);

const REQUIREMENTS: EvidenceRequirement[] = REQUIRED_POLICIES.map((policy) => ({
  id: policy,
  description:
    `an enforcing ${kindOfPolicy(policy)} constraint (GatekeeperPolicy ${policy})` +
    (policy === GatekeeperPolicy.HOST_PROBES ? `, or a Pod Security set of a version before v1.${HOST_PROBES_SINCE_MINOR}, which has no such check` : ''),
  cisControls: POLICY_CONTROLS[policy],
}));

/** The library's definition a constraint of the policy enforces: at the profile it records, for the Pod Security set. */
function definitionOf(policy: GatekeeperPolicy, r: IResolvedResource): PolicyDefinition | undefined {
  const profile = recordedProfile(r.get('manifest.metadata.annotations'));
  return profileFreeDefinition(policy) ?? (profile ? definitionAt(policy, profile) : undefined) ?? definitionAt(policy, { level: PodSecurityLevel.RESTRICTED, version: PodSecurityVersion.DEFAULT });
}

/** What a library constraint leaves unenforced: kinds its policy judges that it does not match, default parameter entries it drops. */
function weakenings(definition: PolicyDefinition, r: IResolvedResource): string[] {
  const problems: string[] = [];
  const kinds = list(r.get('manifest.spec.match.kinds'));
  // Gatekeeper matches every kind when a constraint names none.
  const matched = (group: string, kind: string) =>
    kinds.length === 0 ||
    kinds.some((k) => list(k?.apiGroups).some((g) => g === group || g === '*') && list(k?.kinds).some((x) => x === kind || x === '*'));
  const unmatched = (definition.objects ?? POD_OBJECTS).kinds.flatMap((k) => k.apiGroups.flatMap((g) => k.kinds.filter((kind) => !matched(g, kind)).map((kind) => (g ? `${g}/${kind}` : kind))));
  if (unmatched.length > 0) {
    problems.push(`its match.kinds leaves out ${unmatched.join(', ')}, which the policy judges`);
  }
  for (const [name, defaults] of Object.entries(definition.defaultParameters)) {
    if (!Array.isArray(defaults)) {
      continue;
    }
    const given = list(r.get(`manifest.spec.parameters.${name}`));
    const dropped = defaults.filter((d) => !given.includes(d));
    if (dropped.length > 0) {
      problems.push(`its parameters.${name} drops ${dropped.map((d) => JSON.stringify(d)).join(', ')} (the library's ${JSON.stringify(defaults)} is the least it enforces)`);
    }
  }
  return problems;
}

function list(value: unknown): any[] {
  return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Gatekeeper constraints reject violations (`deny`) instead of only reporting them (`dryrun`, `warn`),
 * and every cluster that runs the self-installed Gatekeeper has an enforcing constraint for each policy
 * of the library: turning a policy off fails the controls it proves. A constraint of the library's kinds
 * matches every kind its policy judges and keeps at least the library's parameter entries (an override
 * that points it at ConfigMaps or empties the disallowed namespaces enforces nothing).
 */
export const gatekeeperConstraintEnforced = defineRule(
  {
    id: 'gatekeeper-constraint-enforced',
    title: 'Gatekeeper constraints enforce (deny), not dryrun or warn, on every kind their policy judges, and every policy of the library has one on each Gatekeeper cluster',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline policyEnforcementAction at EnforcementAction.DENY (the default) and every policy of policyConstraints enabled; use DRYRUN or WARN only while rolling out a policy, with a waiver that says until when. ' +
      "Remove overrides of a constraint's match.kinds, and ConstraintOptions.parameters that drop the library's entries (add entries instead).",
    remediationTargets: ['ClusterBaselineProps.policyEnforcementAction', 'ClusterBaselineProps.policyConstraints', 'EnforcementAction.DENY', 'ConstraintOptions.enabled', 'ConstraintOptions.parameters'],
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
    const problems = [...(action === 'deny' ? [] : [`enforcementAction=${action}`]), ...(policy ? weakenings(definitionOf(policy, r)!, r) : [])];
    const result = check(problems.length === 0, `${kind} ${r.get('manifest.metadata.name')}: ${problems.join('; ')}`);
    // A constraint of a kind the library does not define is judged, but proves no policy of the library.
    if (!policy || !REQUIRED_POLICIES.includes(policy)) {
      return { ...result, evidence: [] };
    }
    // A Pod Security set of a version without the host probes check needs no constraint for it.
    const profile = recordedProfile(r.get('manifest.metadata.annotations'));
    const noHostProbesCheck = profile !== undefined && !profile.version.isAtLeast(HOST_PROBES_SINCE_MINOR);
    return { ...result, evidence: noHostProbesCheck && policy !== GatekeeperPolicy.HOST_PROBES ? [policy, GatekeeperPolicy.HOST_PROBES] : [policy] };
  },
);
