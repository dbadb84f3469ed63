import { GatekeeperPolicy } from '../gatekeeper-policy';
import { PolicyDefinition } from '../policy-definition';

function hostFlag(field: string, control: string): { expression: string; messageExpression: string } {
  return {
    expression: `!has(object.spec.${field}) || object.spec.${field} == false`,
    messageExpression: `'sharing the host namespace (${field}) is not allowed (CIS AKS 1.8 ${control})'`,
  };
}

/** CIS AKS 1.8 4.2.2-4.2.4: pods share neither the host PID, IPC nor network namespace. */
export const HOST_NAMESPACES: PolicyDefinition = {
  policy: GatekeeperPolicy.HOST_NAMESPACES,
  kind: 'K8sHardenedHostNamespaces',
  description: 'Pods may not set hostPID, hostIPC or hostNetwork (CIS AKS 1.8 4.2.2-4.2.4).',
  parameters: {},
  defaultParameters: {},
  variables: [],
  validations: [hostFlag('hostPID', '4.2.2'), hostFlag('hostIPC', '4.2.3'), hostFlag('hostNetwork', '4.2.4')],
};
