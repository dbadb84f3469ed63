import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { celString, CelValidation, PodSecurityProfile, PolicyBuilder } from '../policy-definition';

function hostFlag(profile: PodSecurityProfile, field: string, control: string): CelValidation {
  return {
    expression: `!has(object.spec.${field}) || object.spec.${field} == false`,
    messageExpression: celString(checkMessage(profile, 'hostNamespaces', `${field}=true is not allowed (CIS AKS 1.8 ${control})`)),
  };
}

/** Pod Security baseline `hostNamespaces` (CIS AKS 1.8 4.2.2-4.2.4): pods share neither the host PID, IPC nor network namespace. */
export const hostNamespaces: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.HOST_NAMESPACES,
    kind: 'K8sHardenedHostNamespaces',
    description: 'Pods may not set hostPID, hostIPC or hostNetwork (CIS AKS 1.8 4.2.2-4.2.4).',
    checks: ['hostNamespaces'],
    judgesContainers: false,
    variables: [],
    validations: [hostFlag(profile, 'hostPID', '4.2.2'), hostFlag(profile, 'hostIPC', '4.2.3'), hostFlag(profile, 'hostNetwork', '4.2.4')],
  });
