import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { celString, CONTAINER_VARIABLES, noneOf, PolicyBuilder, present } from '../policy-definition';

const HOST_PROCESS = 'securityContext.windowsOptions.hostProcess';

/** Pod Security baseline `windowsHostProcess` (RKE2 CIS 1.8 5.2.11): neither the pod nor a container runs as a Windows HostProcess. */
export const hostProcess: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.HOST_PROCESS,
    kind: 'K8sHardenedHostProcess',
    description: 'Pods and containers may not set securityContext.windowsOptions.hostProcess to true.',
    checks: ['windowsHostProcess'],
    judgesContainers: true,
    variables: [
      ...CONTAINER_VARIABLES,
      {
        name: 'hostProcessContainers',
        expression: `variables.containers.filter(c, ${present('c', HOST_PROCESS)} && c.${HOST_PROCESS} == true).map(c, c.name)`,
      },
    ],
    validations: [
      {
        expression: `!(${present('object.spec', HOST_PROCESS)} && object.spec.${HOST_PROCESS} == true)`,
        messageExpression: celString(checkMessage(profile, 'windowsHostProcess', 'pod must not set securityContext.windowsOptions.hostProcess=true')),
      },
      noneOf('hostProcessContainers', checkMessage(profile, 'windowsHostProcess', 'containers must not set securityContext.windowsOptions.hostProcess=true')),
    ],
  });
