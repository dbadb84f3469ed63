// Internal: how a policy of the Pod Security set is put together, and the pod facts several of its checks read.
import { PodSecurityLevel } from '../../namespace/pod-security';
import { GatekeeperPolicy } from './gatekeeper-policy';
import { CelValidation, CelVariable, EXEMPT_IMAGES_PARAMETER, PodSecurityProfile, PolicyDefinition } from './policy-definition';

/**
 * A Windows pod as Pod Security Admission recognises one: `spec.os.name: windows`. From v1.25 the
 * restricted checks of fields Kubernetes forbids on Windows pods (capabilities, allowPrivilegeEscalation,
 * seccomp) admit such pods; every supported version is newer.
 */
export const WINDOWS_POD = "has(object.spec.os) && object.spec.os.name == 'windows'";

/** A pod in a user namespace (`hostUsers: false`): from v1.35 it may run as root, and at baseline with an Unmasked /proc. */
export const USER_NAMESPACE_POD = 'has(object.spec.hostUsers) && object.spec.hostUsers == false';

/** The first policy version whose checks relax for pods in a user namespace. */
export const USER_NAMESPACE_RELAXATION_MINOR = 35;

/** What one policy of the Pod Security set declares. */
export interface PodSecurityPolicySpec {
  readonly policy: GatekeeperPolicy;
  readonly kind: string;
  /** What the policy requires, with the CIS control when there is one. */
  readonly description: string;
  /** Ids of the Pod Security Admission checks implemented at this profile. */
  readonly checks: string[];
  /** True when the policy judges containers (then `exemptImages` can exempt some). */
  readonly judgesContainers: boolean;
  readonly variables: CelVariable[];
  readonly validations: CelValidation[];
}

/** The definition of a Pod Security policy for a profile. */
export function podSecurityPolicy(profile: PodSecurityProfile, spec: PodSecurityPolicySpec): PolicyDefinition {
  return {
    policy: spec.policy,
    kind: spec.kind,
    description: `${spec.description} Pod Security Standards ${profile.level} ${profile.version.label}, as Pod Security Admission judges it (${spec.checks.join(', ')}).`,
    parameters: spec.judgesContainers ? EXEMPT_IMAGES_PARAMETER : {},
    defaultParameters: {},
    variables: spec.variables,
    validations: spec.validations,
    podSecurity: { profile, checks: spec.checks },
  };
}

/** The message prefix naming the profile and the check, e.g. `Pod Security restricted v1.36 (runAsUser): `. */
export function checkMessage(profile: PodSecurityProfile, check: string, text: string): string {
  return `Pod Security ${profile.level} ${profile.version.label} (${check}): ${text}`;
}

/** True for a restricted profile. */
export function isRestricted(profile: PodSecurityProfile): boolean {
  return profile.level === PodSecurityLevel.RESTRICTED;
}
