import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { celString, celStringList, CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const PROFILE = 'securityContext.appArmorProfile';
const VALID = celStringList(['RuntimeDefault', 'Localhost']);

/** An appArmorProfile set on `root` with a type other than RuntimeDefault or Localhost (a missing type counts). */
const badProfile = (root: string) => `${present(root, PROFILE)} && !(has(${root}.${PROFILE}.type) && ${root}.${PROFILE}.type in ${VALID})`;

/**
 * Pod Security baseline `appArmorProfile` (CIS AKS 1.8 4.6.2): the appArmorProfile field of the pod and
 * of each container is RuntimeDefault, Localhost or unset, and every legacy
 * `container.apparmor.security.beta.kubernetes.io/*` annotation is empty, `runtime/default` or
 * `localhost/*`. An annotation naming an exempt container is skipped.
 */
export const appArmor: PolicyBuilder = (profile) => {
  const check = 'appArmorProfile';
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.APPARMOR,
    kind: 'K8sHardenedAppArmor',
    description: 'AppArmor profiles may not be Unconfined or other than RuntimeDefault and Localhost (CIS AKS 1.8 4.6.2).',
    checks: [check],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      { name: 'annotations', expression: 'has(object.metadata.annotations) ? object.metadata.annotations : {}' },
      { name: 'badContainers', expression: `variables.containers.filter(c, ${badProfile('c')}).map(c, c.name)` },
      {
        name: 'badAnnotations',
        expression:
          `variables.annotations.filter(k, k.startsWith('${ANNOTATION_PREFIX}') && ` +
          `!variables.exemptContainerNames.exists(n, k == '${ANNOTATION_PREFIX}' + n) && ` +
          `!(variables.annotations[k] == '' || variables.annotations[k] == 'runtime/default' || variables.annotations[k].startsWith('localhost/')))`,
      },
    ],
    validations: [
      { expression: `!(${badProfile('object.spec')})`, messageExpression: celString(checkMessage(profile, check, 'pod must not set securityContext.appArmorProfile.type other than RuntimeDefault or Localhost')) },
      noneOf('badContainers', checkMessage(profile, check, 'containers must not set securityContext.appArmorProfile.type other than RuntimeDefault or Localhost')),
      noneOf('badAnnotations', checkMessage(profile, check, 'AppArmor annotations must be runtime/default or localhost/*')),
    ],
  });
};
