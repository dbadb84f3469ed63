import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { CONTAINER_VARIABLES, noneOf, PolicyBuilder } from '../policy-definition';

/** Pod Security baseline `hostPorts`: no container port sets a hostPort other than 0. */
export const hostPorts: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.HOST_PORTS,
    kind: 'K8sHardenedHostPorts',
    description: 'Containers may not bind host ports.',
    checks: ['hostPorts'],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'hostPorts',
        expression: 'variables.containers.filter(c, has(c.ports) && c.ports.exists(p, has(p.hostPort) && p.hostPort != 0)).map(c, c.name)',
      },
    ],
    validations: [noneOf('hostPorts', checkMessage(profile, 'hostPorts', 'containers must not set hostPort'))],
  });
