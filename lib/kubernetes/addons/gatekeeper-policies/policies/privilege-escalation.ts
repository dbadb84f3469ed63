import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy, WINDOWS_POD } from '../pod-security-policy';
import { CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

/**
 * Pod Security restricted `allowPrivilegeEscalation` (CIS AKS 1.8 4.2.5): every container sets
 * allowPrivilegeEscalation false. Windows pods are admitted: Kubernetes forbids the field on them.
 */
export const privilegeEscalation: PolicyBuilder = (profile) =>
  isRestricted(profile)
    ? podSecurityPolicy(profile, {
      policy: GatekeeperPolicy.PRIVILEGE_ESCALATION,
      kind: 'K8sHardenedPrivilegeEscalation',
      description: 'Containers must set securityContext.allowPrivilegeEscalation to false (CIS AKS 1.8 4.2.5).',
      checks: ['allowPrivilegeEscalation'],
      judgesContainers: true,
      variables: [
        ...CONTAINER_VARIABLES,
        { name: 'windowsPod', expression: WINDOWS_POD },
        {
          name: 'escalating',
          expression: `variables.containers.filter(c, !(${present('c', 'securityContext.allowPrivilegeEscalation')} && c.securityContext.allowPrivilegeEscalation == false)).map(c, c.name)`,
        },
      ],
      validations: [
        noneOf('escalating', checkMessage(profile, 'allowPrivilegeEscalation', 'containers must set securityContext.allowPrivilegeEscalation=false'), 'variables.windowsPod'),
      ],
    })
    : undefined;
