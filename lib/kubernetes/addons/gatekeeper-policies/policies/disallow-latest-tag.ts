import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, PolicyDefinition } from '../policy-definition';

/**
 * Images are pinned: a digest, or a tag other than `latest`. A tag is a `:` after the last `/`, so a
 * registry port (`host:5000/app`) is not mistaken for one.
 */
export const DISALLOW_LATEST_TAG: PolicyDefinition = {
  policy: GatekeeperPolicy.DISALLOW_LATEST_TAG,
  kind: 'K8sHardenedDisallowLatestTag',
  description: 'Images must be pinned to a digest or a tag other than latest.',
  parameters: EXEMPT_IMAGES_PARAMETER,
  defaultParameters: {},
  variables: [
    ...CONTAINER_VARIABLES,
    {
      name: 'unpinned',
      expression:
        "variables.containers.filter(c, !c.image.contains('@sha256:') && (!c.image.matches(':[^/:@]+$') || c.image.endsWith(':latest'))).map(c, c.image)",
    },
  ],
  validations: [noneOf('unpinned', 'images must be pinned to a digest or a tag other than latest')],
};
