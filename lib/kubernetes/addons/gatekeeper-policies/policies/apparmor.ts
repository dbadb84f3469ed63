import { GatekeeperPolicy } from '../gatekeeper-policy';
import { CONTAINER_VARIABLES, EXEMPT_IMAGES_PARAMETER, noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

/**
 * No container runs AppArmor-unconfined: the appArmorProfile field (container, else pod) and the legacy
 * per-container annotation may only name an allowed profile type. Unset means the runtime default.
 */
export const APPARMOR: PolicyDefinition = {
  policy: GatekeeperPolicy.APPARMOR,
  kind: 'K8sHardenedAppArmor',
  description: 'Containers may not run with the Unconfined AppArmor profile (CIS AKS 1.8 4.6.2).',
  parameters: { ...EXEMPT_IMAGES_PARAMETER, allowedProfiles: STRING_LIST },
  defaultParameters: { allowedProfiles: ['RuntimeDefault', 'Localhost'] },
  variables: [
    ...CONTAINER_VARIABLES,
    paramList('allowedProfiles'),
    {
      name: 'annotations',
      expression: 'has(object.metadata.annotations) ? object.metadata.annotations : {}',
    },
    {
      name: 'podProfile',
      expression:
        "has(object.spec.securityContext) && has(object.spec.securityContext.appArmorProfile) ? object.spec.securityContext.appArmorProfile.type : 'RuntimeDefault'",
    },
    {
      name: 'badField',
      expression:
        'variables.containers.filter(c, !(((has(c.securityContext) && has(c.securityContext.appArmorProfile)) ? c.securityContext.appArmorProfile.type : variables.podProfile) in variables.allowedProfiles)).map(c, c.name)',
    },
    {
      name: 'badAnnotation',
      expression:
        `variables.containers.filter(c, ('${ANNOTATION_PREFIX}' + c.name) in variables.annotations && ` +
        `!((variables.annotations['${ANNOTATION_PREFIX}' + c.name] == 'runtime/default' && 'RuntimeDefault' in variables.allowedProfiles) || ` +
        `(variables.annotations['${ANNOTATION_PREFIX}' + c.name].startsWith('localhost/') && 'Localhost' in variables.allowedProfiles))).map(c, c.name)`,
    },
  ],
  validations: [
    noneOf('badField', 'containers must use an allowed AppArmor profile'),
    noneOf('badAnnotation', 'containers must use an allowed AppArmor profile (annotation)'),
  ],
};
