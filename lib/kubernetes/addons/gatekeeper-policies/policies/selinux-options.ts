import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { celString, celStringList, CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

const OPTIONS = 'securityContext.seLinuxOptions';
const TYPES_1_0 = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
/** v1.31 adds the type container runtimes use for nested container engines. */
const TYPES_1_31 = [...TYPES_1_0, 'container_engine_t'];

/**
 * Pod Security baseline `seLinuxOptions` (CIS AKS 1.8 4.6.2): on the pod and every container, the
 * SELinux type is unset or one of the container types of the version, and no user or role is set (the
 * level is free).
 */
export const seLinuxOptions: PolicyBuilder = (profile) => {
  const check = 'seLinuxOptions';
  const types = celStringList(profile.version.isAtLeast(31) ? TYPES_1_31 : TYPES_1_0);
  const bad = (root: string) => {
    const o = `${root}.${OPTIONS}`;
    return `${present(root, OPTIONS)} && ((has(${o}.type) && !(${o}.type in ${types})) || (has(${o}.user) && ${o}.user != '') || (has(${o}.role) && ${o}.role != ''))`;
  };
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.SELINUX_OPTIONS,
    kind: 'K8sHardenedSeLinuxOptions',
    description: 'SELinux options may set only a container type, never a user or role (CIS AKS 1.8 4.6.2).',
    checks: [check],
    judgesContainers: true,
    variables: [...CONTAINER_VARIABLES, { name: 'badContainers', expression: `variables.containers.filter(c, ${bad('c')}).map(c, c.name)` }],
    validations: [
      { expression: `!(${bad('object.spec')})`, messageExpression: celString(checkMessage(profile, check, 'pod sets forbidden securityContext.seLinuxOptions (a type outside the container types, a user or a role)')) },
      noneOf('badContainers', checkMessage(profile, check, 'containers set forbidden securityContext.seLinuxOptions (a type outside the container types, a user or a role)')),
    ],
  });
};
