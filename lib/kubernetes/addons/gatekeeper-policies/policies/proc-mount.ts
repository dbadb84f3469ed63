import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** Containers keep the Default /proc mount (Unmasked exposes host kernel interfaces). */
export const PROC_MOUNT: PolicyDefinition = {
  policy: GatekeeperPolicy.PROC_MOUNT,
  kind: 'K8sHardenedProcMount',
  description: 'Containers must use the Default procMount.',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'unmasked',
      expression:
        "variables.containers.filter(c, has(c.securityContext) && has(c.securityContext.procMount) && c.securityContext.procMount != 'Default').map(c, c.name)",
    },
  ],
  validations: [noneOf('unmasked', 'containers must use the Default procMount')],
};
