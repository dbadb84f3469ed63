import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** CIS AKS 1.8 4.2.1: no privileged containers. */
export const PRIVILEGED_CONTAINER: PolicyDefinition = {
  policy: GatekeeperPolicy.PRIVILEGED_CONTAINER,
  kind: 'K8sHardenedPrivilegedContainer',
  description: 'Containers may not run privileged (CIS AKS 1.8 4.2.1).',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'privileged',
      expression:
        'variables.containers.filter(c, has(c.securityContext) && has(c.securityContext.privileged) && c.securityContext.privileged == true).map(c, c.name)',
    },
  ],
  validations: [noneOf('privileged', 'privileged containers are not allowed')],
};
