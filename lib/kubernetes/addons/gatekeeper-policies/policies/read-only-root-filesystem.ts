import { GatekeeperPolicy } from '../gatekeeper-policy';
import { WINDOWS_POD } from '../pod-security-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition, present } from '../policy-definition';

/**
 * Beyond Pod Security: every container mounts its root filesystem read-only. Windows pods are admitted,
 * as Pod Security restricted does for the fields Kubernetes forbids on them (readOnlyRootFilesystem is one).
 */
export const READ_ONLY_ROOT_FILESYSTEM: PolicyDefinition = {
  policy: GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM,
  kind: 'K8sHardenedReadOnlyRootFilesystem',
  description: 'Containers must set securityContext.readOnlyRootFilesystem to true (CIS AKS 1.8 4.6.2); Windows pods, which cannot set it, are exempt.',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    { name: 'windowsPod', expression: WINDOWS_POD },
    {
      name: 'writable',
      expression: `variables.containers.filter(c, !(${present('c', 'securityContext.readOnlyRootFilesystem')} && c.securityContext.readOnlyRootFilesystem == true)).map(c, c.name)`,
    },
  ],
  validations: [noneOf('writable', 'containers must have a read-only root filesystem', 'variables.windowsPod')],
};
