import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, USER_NAMESPACE_POD, USER_NAMESPACE_RELAXATION_MINOR } from '../pod-security-policy';
import { CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

/**
 * Pod Security `procMount`: containers keep the Default /proc mount (Unmasked exposes host kernel
 * interfaces). From v1.35 the baseline check admits pods in a user namespace and restricted replaces it
 * with `procMount_restricted`, which does not; before v1.35 both levels run the baseline check.
 */
export const procMount: PolicyBuilder = (profile) => {
  const v135 = profile.version.isAtLeast(USER_NAMESPACE_RELAXATION_MINOR);
  const check = isRestricted(profile) && v135 ? 'procMount_restricted' : 'procMount';
  const relaxed = !isRestricted(profile) && v135 ? 'variables.userNamespace' : undefined;
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.PROC_MOUNT,
    kind: 'K8sHardenedProcMount',
    description: 'Containers must use the Default procMount.',
    checks: [check],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      ...(relaxed ? [{ name: 'userNamespace', expression: USER_NAMESPACE_POD }] : []),
      {
        name: 'unmasked',
        expression: `variables.containers.filter(c, ${present('c', 'securityContext.procMount')} && c.securityContext.procMount != 'Default').map(c, c.name)`,
      },
    ],
    validations: [noneOf('unmasked', checkMessage(profile, check, 'containers must not set securityContext.procMount other than Default'), relaxed)],
  });
};
