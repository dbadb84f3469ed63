import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, USER_NAMESPACE_POD, USER_NAMESPACE_RELAXATION_MINOR } from '../pod-security-policy';
import { celString, CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

const POD = 'object.spec.securityContext.runAsNonRoot';
const FIELD = 'securityContext.runAsNonRoot';

/**
 * Pod Security restricted `runAsNonRoot`: neither the pod nor a container sets runAsNonRoot false, and
 * every container sets it true or inherits true from the pod. From v1.35 pods in a user namespace are
 * admitted.
 */
export const runAsNonRoot: PolicyBuilder = (profile) => {
  if (!isRestricted(profile)) {
    return undefined;
  }
  const check = 'runAsNonRoot';
  const relaxed = profile.version.isAtLeast(USER_NAMESPACE_RELAXATION_MINOR) ? 'variables.userNamespace' : undefined;
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.RUN_AS_NON_ROOT,
    kind: 'K8sHardenedRunAsNonRoot',
    description: 'Pods and containers must set runAsNonRoot true (RKE2 CIS 1.8 5.2.7).',
    checks: [check],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      ...(relaxed ? [{ name: 'userNamespace', expression: USER_NAMESPACE_POD }] : []),
      { name: 'podSetsFalse', expression: `${present('object.spec', FIELD)} && ${POD} == false` },
      { name: 'podSetsTrue', expression: `${present('object.spec', FIELD)} && ${POD} == true` },
      {
        name: 'containersSettingFalse',
        expression: `variables.containers.filter(c, ${present('c', FIELD)} && c.${FIELD} == false).map(c, c.name)`,
      },
      {
        name: 'containersNotSettingTrue',
        expression: `variables.containers.filter(c, !(${present('c', FIELD)}) && !variables.podSetsTrue).map(c, c.name)`,
      },
    ],
    validations: [
      {
        expression: relaxed ? `${relaxed} || !variables.podSetsFalse` : '!variables.podSetsFalse',
        messageExpression: celString(checkMessage(profile, check, 'pod must not set securityContext.runAsNonRoot=false')),
      },
      noneOf('containersSettingFalse', checkMessage(profile, check, 'containers must not set securityContext.runAsNonRoot=false'), relaxed),
      noneOf('containersNotSettingTrue', checkMessage(profile, check, 'pod or containers must set securityContext.runAsNonRoot=true'), relaxed),
    ],
  });
};
