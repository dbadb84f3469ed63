import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, WINDOWS_POD } from '../pod-security-policy';
import { celString, celStringList, CONTAINER_VARIABLES, noneOf, PodSecurityProfile, PolicyBuilder, PolicyDefinition, present } from '../policy-definition';

const PROFILE = 'securityContext.seccompProfile';
const VALID = celStringList(['RuntimeDefault', 'Localhost']);
const KIND = 'K8sHardenedSeccomp';

/** A seccomp profile set on `root` with a type other than RuntimeDefault or Localhost (a missing type counts). */
const badProfile = (root: string) => `${present(root, PROFILE)} && !(has(${root}.${PROFILE}.type) && ${root}.${PROFILE}.type in ${VALID})`;
const validProfile = (root: string) => `${present(root, PROFILE)} && has(${root}.${PROFILE}.type) && ${root}.${PROFILE}.type in ${VALID}`;

/** Baseline `seccompProfile_baseline`: a seccomp profile, where set, is RuntimeDefault or Localhost. */
function baseline(profile: PodSecurityProfile): PolicyDefinition {
  const check = 'seccompProfile_baseline';
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.SECCOMP,
    kind: KIND,
    description: 'Seccomp profiles, where set, must be RuntimeDefault or Localhost (CIS AKS 1.8 4.6.2).',
    checks: [check],
    judgesContainers: true,
    variables: [...CONTAINER_VARIABLES, { name: 'unconfined', expression: `variables.containers.filter(c, ${badProfile('c')}).map(c, c.name)` }],
    validations: [
      { expression: `!(${badProfile('object.spec')})`, messageExpression: celString(checkMessage(profile, check, 'pod must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost')) },
      noneOf('unconfined', checkMessage(profile, check, 'containers must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost')),
    ],
  });
}

/**
 * Restricted `seccompProfile_restricted` (replacing the baseline check; RKE2 CIS 1.8 5.7.2): every
 * container runs RuntimeDefault or Localhost, set on it or on the pod, and no level sets another type.
 * Windows pods are admitted: Kubernetes forbids seccomp on them.
 */
function restricted(profile: PodSecurityProfile): PolicyDefinition {
  const check = 'seccompProfile_restricted';
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.SECCOMP,
    kind: KIND,
    description: 'Pods or all their containers must set the RuntimeDefault or a Localhost seccomp profile (CIS AKS 1.8 4.6.2, RKE2 CIS 1.8 5.7.2).',
    checks: [check],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      { name: 'windowsPod', expression: WINDOWS_POD },
      { name: 'podProfileValid', expression: validProfile('object.spec') },
      { name: 'unconfined', expression: `variables.containers.filter(c, ${badProfile('c')}).map(c, c.name)` },
      { name: 'unset', expression: `variables.containers.filter(c, !(${present('c', PROFILE)}) && !variables.podProfileValid).map(c, c.name)` },
    ],
    validations: [
      {
        expression: `variables.windowsPod || !(${badProfile('object.spec')})`,
        messageExpression: celString(checkMessage(profile, check, 'pod must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost')),
      },
      noneOf('unconfined', checkMessage(profile, check, 'containers must not set securityContext.seccompProfile.type other than RuntimeDefault or Localhost'), 'variables.windowsPod'),
      noneOf('unset', checkMessage(profile, check, 'pod or containers must set securityContext.seccompProfile.type to RuntimeDefault or Localhost'), 'variables.windowsPod'),
    ],
  });
}

/** Seccomp at the profile's level. */
export const seccomp: PolicyBuilder = (profile) => (isRestricted(profile) ? restricted(profile) : baseline(profile));
