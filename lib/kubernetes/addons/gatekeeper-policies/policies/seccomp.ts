import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** Every container runs with an allowed seccomp profile type, set on the container or the pod. */
export const SECCOMP: PolicyDefinition = {
  policy: GatekeeperPolicy.SECCOMP,
  kind: 'K8sHardenedSeccomp',
  description: 'Containers must run with the RuntimeDefault or a Localhost seccomp profile (CIS AKS 1.8 4.6.2).',
  parameters: { ...EXEMPT_IMAGES_PARAMETER, allowedProfiles: STRING_LIST },
  defaultParameters: { allowedProfiles: ['RuntimeDefault', 'Localhost'] },
  variables: [
    ...CONTAINER_VARIABLES,
    paramList('allowedProfiles'),
    {
      name: 'podProfile',
      expression:
        "has(object.spec.securityContext) && has(object.spec.securityContext.seccompProfile) ? object.spec.securityContext.seccompProfile.type : ''",
    },
    {
      name: 'unconfined',
      expression:
        'variables.containers.filter(c, !(((has(c.securityContext) && has(c.securityContext.seccompProfile)) ? c.securityContext.seccompProfile.type : variables.podProfile) in variables.allowedProfiles)).map(c, c.name)',
    },
  ],
  validations: [noneOf('unconfined', 'containers must run with an allowed seccomp profile')],
};
