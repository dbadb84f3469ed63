import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** CIS AKS 1.8 4.2.5: every container sets allowPrivilegeEscalation to false (as Pod Security restricted requires). */
export const PRIVILEGE_ESCALATION: PolicyDefinition = {
  policy: GatekeeperPolicy.PRIVILEGE_ESCALATION,
  kind: 'K8sHardenedPrivilegeEscalation',
  description: 'Containers must set securityContext.allowPrivilegeEscalation to false (CIS AKS 1.8 4.2.5).',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'escalating',
      expression:
        'variables.containers.filter(c, !has(c.securityContext) || !has(c.securityContext.allowPrivilegeEscalation) || c.securityContext.allowPrivilegeEscalation != false).map(c, c.name)',
    },
  ],
  validations: [noneOf('escalating', 'containers must set allowPrivilegeEscalation to false')],
};
