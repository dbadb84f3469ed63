import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, WINDOWS_POD } from '../pod-security-policy';
import { celStringList, CONTAINER_VARIABLES, noneOf, PodSecurityProfile, PolicyBuilder, PolicyDefinition, present } from '../policy-definition';

/** The capabilities baseline lets containers add: the container runtimes' default set. */
export const BASELINE_ADDABLE_CAPABILITIES = [
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
];

const ADD = 'securityContext.capabilities.add';
const DROP = 'securityContext.capabilities.drop';
const KIND = 'K8sHardenedCapabilities';

/** Baseline `capabilities_baseline`: containers add only capabilities of the default set. */
function baseline(profile: PodSecurityProfile): PolicyDefinition {
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.CAPABILITIES,
    kind: KIND,
    description: 'Containers may add only the default capabilities (no NET_RAW, no SYS_ADMIN).',
    checks: ['capabilities_baseline'],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'addingNonDefault',
        expression: `variables.containers.filter(c, ${present('c', ADD)} && c.${ADD}.exists(a, !(a in ${celStringList(BASELINE_ADDABLE_CAPABILITIES)}))).map(c, c.name)`,
      },
    ],
    validations: [noneOf('addingNonDefault', checkMessage(profile, 'capabilities_baseline', 'containers must not add capabilities beyond the default set'))],
  });
}

/**
 * Restricted `capabilities_restricted` (replacing the baseline check): containers drop ALL and add at
 * most NET_BIND_SERVICE. Windows pods are admitted: Kubernetes forbids capabilities on them.
 */
function restricted(profile: PodSecurityProfile): PolicyDefinition {
  return podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.CAPABILITIES,
    kind: KIND,
    description: 'Containers must drop ALL capabilities and may add only NET_BIND_SERVICE (RKE2 CIS 1.8 5.2.8-5.2.10).',
    checks: ['capabilities_restricted'],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      { name: 'windowsPod', expression: WINDOWS_POD },
      {
        name: 'notDroppingAll',
        expression: `variables.containers.filter(c, !(${present('c', DROP)} && c.${DROP}.exists(d, d == 'ALL'))).map(c, c.name)`,
      },
      {
        name: 'addingForbidden',
        expression: `variables.containers.filter(c, ${present('c', ADD)} && c.${ADD}.exists(a, a != 'NET_BIND_SERVICE')).map(c, c.name)`,
      },
    ],
    validations: [
      noneOf('notDroppingAll', checkMessage(profile, 'capabilities_restricted', 'containers must set securityContext.capabilities.drop=["ALL"]'), 'variables.windowsPod'),
      noneOf('addingForbidden', checkMessage(profile, 'capabilities_restricted', 'containers may add only NET_BIND_SERVICE'), 'variables.windowsPod'),
    ],
  });
}

/** Capabilities at the profile's level. */
export const capabilities: PolicyBuilder = (profile) => (isRestricted(profile) ? restricted(profile) : baseline(profile));
