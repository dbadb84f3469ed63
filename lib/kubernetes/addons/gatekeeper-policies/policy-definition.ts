// Internal: the shape of one policy of the library, and the CEL snippets several policies share.
import { GatekeeperPolicy } from './gatekeeper-policy';

/** A CEL variable of a K8sNativeValidation source. */
export interface CelVariable {
  readonly name: string;
  readonly expression: string;
}

/** A CEL validation of a K8sNativeValidation source. */
export interface CelValidation {
  readonly expression: string;
  readonly messageExpression: string;
}

/** One policy: its ConstraintTemplate (CEL) and the parameters its constraint gets by default. */
export interface PolicyDefinition {
  readonly policy: GatekeeperPolicy;
  /** Constraint kind; the template name is its lower-case form. */
  readonly kind: string;
  readonly description: string;
  /** OpenAPI v3 properties of the constraint's `spec.parameters`. */
  readonly parameters: Record<string, any>;
  /** Parameters of the baseline's constraint. */
  readonly defaultParameters: Record<string, any>;
  readonly variables: CelVariable[];
  readonly validations: CelValidation[];
}

export const STRING_LIST = { type: 'array', items: { type: 'string' } };

/** A parameter list, empty when the constraint does not set it. */
export function paramList(name: string): CelVariable {
  return { name, expression: `has(variables.params.${name}) ? variables.params.${name} : []` };
}

/**
 * Every container of the pod (containers, init containers, ephemeral containers), then the ones not
 * exempted by the `exemptImages` parameter (exact image, or a prefix ending in `*`).
 */
export const CONTAINER_VARIABLES: CelVariable[] = [
  {
    name: 'allContainers',
    expression:
      'object.spec.containers' +
      ' + (has(object.spec.initContainers) ? object.spec.initContainers : [])' +
      ' + (has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : [])',
  },
  paramList('exemptImages'),
  {
    name: 'containers',
    expression:
      "variables.allContainers.filter(c, !variables.exemptImages.exists(p, p.endsWith('*') ? c.image.startsWith(p.replace('*', '')) : c.image == p))",
  },
];

export const EXEMPT_IMAGES_PARAMETER = { exemptImages: STRING_LIST };

/** A validation that fails when the named variable (a list of offending names) is not empty. */
export function noneOf(variable: string, message: string): CelValidation {
  return {
    expression: `size(variables.${variable}) == 0`,
    messageExpression: `'${message}: ' + variables.${variable}.join(', ')`,
  };
}
