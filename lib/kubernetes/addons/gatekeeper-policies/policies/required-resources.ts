import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** Containers declare the listed resource requests and limits (no unbounded neighbours). */
export const REQUIRED_RESOURCES: PolicyDefinition = {
  policy: GatekeeperPolicy.REQUIRED_RESOURCES,
  kind: 'K8sHardenedRequiredResources',
  description: 'Containers must declare resource requests and limits.',
  parameters: { ...EXEMPT_IMAGES_PARAMETER, requiredRequests: STRING_LIST, requiredLimits: STRING_LIST },
  defaultParameters: { requiredRequests: ['cpu', 'memory'], requiredLimits: ['memory'] },
  variables: [
    ...CONTAINER_VARIABLES,
    paramList('requiredRequests'),
    paramList('requiredLimits'),
    {
      name: 'missingRequests',
      expression:
        'variables.containers.filter(c, !variables.requiredRequests.all(r, has(c.resources) && has(c.resources.requests) && r in c.resources.requests)).map(c, c.name)',
    },
    {
      name: 'missingLimits',
      expression:
        'variables.containers.filter(c, !variables.requiredLimits.all(r, has(c.resources) && has(c.resources.limits) && r in c.resources.limits)).map(c, c.name)',
    },
  ],
  validations: [
    noneOf('missingRequests', 'containers without the required resource requests'),
    noneOf('missingLimits', 'containers without the required resource limits'),
  ],
};
