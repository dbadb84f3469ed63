import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** Every container mounts its root filesystem read-only. */
export const READ_ONLY_ROOT_FILESYSTEM: PolicyDefinition = {
  policy: GatekeeperPolicy.READ_ONLY_ROOT_FILESYSTEM,
  kind: 'K8sHardenedReadOnlyRootFilesystem',
  description: 'Containers must set securityContext.readOnlyRootFilesystem to true (CIS AKS 1.8 4.6.2).',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'writable',
      expression:
        'variables.containers.filter(c, !has(c.securityContext) || !has(c.securityContext.readOnlyRootFilesystem) || c.securityContext.readOnlyRootFilesystem != true).map(c, c.name)',
    },
  ],
  validations: [noneOf('writable', 'containers must have a read-only root filesystem')],
};
