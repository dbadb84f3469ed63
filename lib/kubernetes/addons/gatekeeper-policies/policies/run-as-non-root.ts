import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** Containers run as non-root: runAsNonRoot true (container or pod level) and no runAsUser 0. */
export const RUN_AS_NON_ROOT: PolicyDefinition = {
  policy: GatekeeperPolicy.RUN_AS_NON_ROOT,
  kind: 'K8sHardenedRunAsNonRoot',
  description: 'Containers must run as a non-root user: runAsNonRoot true and runAsUser not 0 (CIS AKS 1.8 4.6.2).',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'podNonRoot',
      expression:
        'has(object.spec.securityContext) && has(object.spec.securityContext.runAsNonRoot) && object.spec.securityContext.runAsNonRoot == true',
    },
    {
      name: 'podRootUser',
      expression: 'has(object.spec.securityContext) && has(object.spec.securityContext.runAsUser) && object.spec.securityContext.runAsUser == 0',
    },
    {
      name: 'rootContainers',
      expression:
        'variables.containers.filter(c, ' +
        '!((has(c.securityContext) && has(c.securityContext.runAsNonRoot)) ? c.securityContext.runAsNonRoot == true : variables.podNonRoot) || ' +
        '((has(c.securityContext) && has(c.securityContext.runAsUser)) ? c.securityContext.runAsUser == 0 : variables.podRootUser)' +
        ').map(c, c.name)',
    },
  ],
  validations: [noneOf('rootContainers', 'containers must run as non-root (runAsNonRoot true, runAsUser not 0)')],
};
