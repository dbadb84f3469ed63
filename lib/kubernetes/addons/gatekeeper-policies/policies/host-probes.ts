import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

/** The first policy version with the check. */
export const HOST_PROBES_SINCE_MINOR = 34;

/** Every `host` field of a container's probes and lifecycle handlers (tcpSocket handlers are deprecated but still read). */
const HOST_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle.postStart', 'lifecycle.preStop'].flatMap((handler) =>
  ['httpGet', 'tcpSocket'].map((action) => `${handler}.${action}.host`),
);

/**
 * Pod Security baseline `hostProbesAndHostLifecycle` (from v1.34): probes and lifecycle handlers do not
 * name a `host`, which would point the kubelet at any address reachable from the node.
 */
export const hostProbes: PolicyBuilder = (profile) =>
  profile.version.isAtLeast(HOST_PROBES_SINCE_MINOR)
    ? podSecurityPolicy(profile, {
      policy: GatekeeperPolicy.HOST_PROBES,
      kind: 'K8sHardenedHostProbes',
      description: 'Probes and lifecycle handlers may not set host.',
      checks: ['hostProbesAndHostLifecycle'],
      judgesContainers: true,
      variables: [
        ...CONTAINER_VARIABLES,
        {
          name: 'hostProbes',
          expression: `variables.containers.filter(c, ${HOST_FIELDS.map((f) => `(${present('c', f)} && c.${f} != '')`).join(' || ')}).map(c, c.name)`,
        },
      ],
      validations: [noneOf('hostProbes', checkMessage(profile, 'hostProbesAndHostLifecycle', 'probes and lifecycle handlers of containers must not set host'))],
    })
    : undefined;
