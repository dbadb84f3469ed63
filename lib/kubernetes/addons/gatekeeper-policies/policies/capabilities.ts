import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** Containers drop ALL capabilities and add back only those in `allowedCapabilities` (Pod Security restricted). */
export const CAPABILITIES: PolicyDefinition = {
  policy: GatekeeperPolicy.CAPABILITIES,
  kind: 'K8sHardenedCapabilities',
  description: 'Containers must drop ALL capabilities and may add only the allowed ones (CIS AKS 1.8 4.6.2).',
  parameters: { ...EXEMPT_IMAGES_PARAMETER, allowedCapabilities: STRING_LIST },
  defaultParameters: { allowedCapabilities: ['NET_BIND_SERVICE'] },
  variables: [
    ...CONTAINER_VARIABLES,
    paramList('allowedCapabilities'),
    {
      name: 'notDroppingAll',
      expression:
        "variables.containers.filter(c, !(has(c.securityContext) && has(c.securityContext.capabilities) && has(c.securityContext.capabilities.drop) && c.securityContext.capabilities.drop.exists(d, d == 'ALL'))).map(c, c.name)",
    },
    {
      name: 'addingDisallowed',
      expression:
        'variables.containers.filter(c, has(c.securityContext) && has(c.securityContext.capabilities) && has(c.securityContext.capabilities.add) && c.securityContext.capabilities.add.exists(a, !(a in variables.allowedCapabilities))).map(c, c.name)',
    },
  ],
  validations: [
    noneOf('notDroppingAll', 'containers must drop ALL capabilities'),
    noneOf('addingDisallowed', 'containers add capabilities that are not allowed'),
  ],
};
