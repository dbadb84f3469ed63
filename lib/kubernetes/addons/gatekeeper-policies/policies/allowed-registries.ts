import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/**
 * CIS AKS 1.8 5.1.4: images come only from approved registries. Each entry is a registry host (and
 * optional path) ending in `/`, so `myacr.azurecr.io/` cannot be matched by `myacr.azurecr.io.evil.example`.
 */
export const ALLOWED_REGISTRIES: PolicyDefinition = {
  policy: GatekeeperPolicy.ALLOWED_REGISTRIES,
  kind: 'K8sHardenedAllowedRegistries',
  description: 'Container images must come from an approved registry (CIS AKS 1.8 5.1.4).',
  parameters: { registries: STRING_LIST },
  defaultParameters: {},
  variables: [
    CONTAINER_VARIABLES[0],
    paramList('registries'),
    {
      name: 'unapproved',
      expression: 'variables.allContainers.filter(c, !variables.registries.exists(r, c.image.startsWith(r))).map(c, c.image)',
    },
  ],
  validations: [noneOf('unapproved', 'images from registries that are not approved')],
};
