import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/** CIS AKS 1.8 4.5.1: secrets reach containers as files, never through environment variables. */
export const SECRETS_AS_FILES: PolicyDefinition = {
  policy: GatekeeperPolicy.SECRETS_AS_FILES,
  kind: 'K8sHardenedSecretsAsFiles',
  description: 'Containers may not read Secrets into environment variables (CIS AKS 1.8 4.5.1).',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'secretEnv',
      expression:
        'variables.containers.filter(c, ' +
        '(has(c.env) && c.env.exists(e, has(e.valueFrom) && has(e.valueFrom.secretKeyRef))) || ' +
        '(has(c.envFrom) && c.envFrom.exists(e, has(e.secretRef)))' +
        ').map(c, c.name)',
    },
  ],
  validations: [noneOf('secretEnv', 'containers read Secrets into environment variables; mount them as files instead')],
};
