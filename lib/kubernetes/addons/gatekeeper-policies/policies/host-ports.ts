import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, paramList, PolicyDefinition } from '../policy-definition';

/** No host ports, except those listed in `allowedHostPorts`. */
export const HOST_PORTS: PolicyDefinition = {
  policy: GatekeeperPolicy.HOST_PORTS,
  kind: 'K8sHardenedHostPorts',
  description: 'Containers may not bind host ports other than the allowed ones.',
  parameters: { ...EXEMPT_IMAGES_PARAMETER, allowedHostPorts: { type: 'array', items: { type: 'integer' } } },
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    paramList('allowedHostPorts'),
    {
      name: 'hostPorts',
      expression:
        'variables.containers.filter(c, has(c.ports) && c.ports.exists(p, has(p.hostPort) && p.hostPort != 0 && !(p.hostPort in variables.allowedHostPorts))).map(c, c.name)',
    },
  ],
  validations: [noneOf('hostPorts', 'host ports are not allowed on containers')],
};
