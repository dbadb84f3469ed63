import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

/** Pod Security baseline `privileged`: no container sets privileged true (CIS AKS 1.8 4.2.1). */
export const privilegedContainer: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.PRIVILEGED_CONTAINER,
    kind: 'K8sHardenedPrivilegedContainer',
    description: 'Containers may not run privileged (CIS AKS 1.8 4.2.1).',
    checks: ['privileged'],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'privileged',
        expression: `variables.containers.filter(c, ${present('c', 'securityContext.privileged')} && c.securityContext.privileged == true).map(c, c.name)`,
      },
    ],
    validations: [noneOf('privileged', checkMessage(profile, 'privileged', 'containers must not set securityContext.privileged=true'))],
  });
