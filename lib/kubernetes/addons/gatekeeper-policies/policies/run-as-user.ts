import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, USER_NAMESPACE_POD, USER_NAMESPACE_RELAXATION_MINOR } from '../pod-security-policy';
import { celString, CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

const FIELD = 'securityContext.runAsUser';

/**
 * Pod Security restricted `runAsUser`: neither the pod nor a container sets runAsUser 0 (a pod-level 0
 * is refused whatever the containers set). From v1.35 pods in a user namespace are admitted.
 */
export const runAsUser: PolicyBuilder = (profile) => {
  if (!isRestricted(profile)) {
    return undefined;
  }
  const check = 'runAsUser';
  const relaxed = profile.version.isAtLeast(USER_NAMESPACE_RELAXATION_MINOR) ? 'variables.userNamespace' : undefined;
  const podRoot = `${present('object.spec', FIELD)} && object.spec.${FIELD} == 0`;
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.RUN_AS_USER,
    kind: 'K8sHardenedRunAsUser',
    description: 'Pods and containers may not set runAsUser 0 (RKE2 CIS 1.8 5.2.7).',
    checks: [check],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      ...(relaxed ? [{ name: 'userNamespace', expression: USER_NAMESPACE_POD }] : []),
      { name: 'rootContainers', expression: `variables.containers.filter(c, ${present('c', FIELD)} && c.${FIELD} == 0).map(c, c.name)` },
    ],
    validations: [
      {
        expression: relaxed ? `${relaxed} || !(${podRoot})` : `!(${podRoot})`,
        messageExpression: celString(checkMessage(profile, check, 'pod must not set runAsUser=0')),
      },
      noneOf('rootContainers', checkMessage(profile, check, 'containers must not set runAsUser=0'), relaxed),
    ],
  });
};
