// Internal: the shape of one policy of the library, and the CEL snippets several policies share.
import { PodSecurityLevel } from '../../namespace/pod-security';
import { PodSecurityVersion } from '../../namespace/pod-security-version';
import { GatekeeperPolicy } from './gatekeeper-policy';
import { CelMatchCondition, SIGNIFICANT_POD_UPDATE } from './significant-update';

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

/** The Pod Security Standards level and version the Pod Security set implements. */
export interface PodSecurityProfile {
  /** BASELINE or RESTRICTED. */
  readonly level: PodSecurityLevel;
  readonly version: PodSecurityVersion;
}

/** The objects a policy judges: what its constraint matches and which requests its template skips. */
export interface PolicyObjects {
  /** `spec.match.kinds` of the constraint. */
  readonly kinds: Array<{ readonly apiGroups: string[]; readonly kinds: string[] }>;
  /** `spec.match.scope`: `Namespaced`, or `*` for kinds that include cluster-scoped ones. */
  readonly scope: string;
  /** Match conditions of the template (requests outside them are admitted unjudged). */
  readonly matchConditions: CelMatchCondition[];
}

/** Pods, judged on create and on the updates Pod Security Admission re-judges. */
export const POD_OBJECTS: PolicyObjects = {
  kinds: [{ apiGroups: [''], kinds: ['Pod'] }],
  scope: 'Namespaced',
  matchConditions: [SIGNIFICANT_POD_UPDATE],
};

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
  /**
   * For the Pod Security set: the profile the CEL was written for and the ids of the Pod Security
   * Admission checks (`k8s.io/pod-security-admission/policy`) it implements at that profile.
   */
  readonly podSecurity?: { readonly profile: PodSecurityProfile; readonly checks: string[] };
  /**
   * The objects the policy judges.
   * @default POD_OBJECTS
   */
  readonly objects?: PolicyObjects;
}

/**
 * A policy of the library for a profile: undefined when the profile has no such check (a restricted
 * check at baseline, or a check newer than the version).
 */
export type PolicyBuilder = (profile: PodSecurityProfile) => PolicyDefinition | undefined;

/** A builder for a policy that is the same at every profile (the policies beyond Pod Security). */
export function sameForEveryProfile(definition: PolicyDefinition): PolicyBuilder {
  return () => definition;
}

export const STRING_LIST = { type: 'array', items: { type: 'string' } };

/** A parameter list, empty when the constraint does not set it. */
export function paramList(name: string): CelVariable {
  return { name, expression: `has(variables.params.${name}) ? variables.params.${name} : []` };
}

/**
 * `has()` for every step of `path` below `root` (`present('c', 'securityContext.privileged')`): CEL
 * has() errors on a missing parent, and a ternary with an empty map would not type-check against the
 * Pod schema when Gatekeeper generates a ValidatingAdmissionPolicy.
 */
export function present(root: string, path: string): string {
  const steps = path.split('.');
  return steps.map((_, i) => `has(${root}.${steps.slice(0, i + 1).join('.')})`).join(' && ');
}

/**
 * Every container of the pod (init, regular and ephemeral containers, as Pod Security Admission visits
 * them), the names of those exempted by the `exemptImages` parameter (exact image, or a prefix ending in
 * `*`), and the others. Container names are unique across the three lists.
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
    name: 'exemptContainerNames',
    expression:
      "variables.allContainers.filter(c, variables.exemptImages.exists(p, p.endsWith('*') ? c.image.startsWith(p.replace('*', '')) : c.image == p)).map(c, c.name)",
  },
  {
    name: 'containers',
    expression: 'variables.allContainers.filter(c, !(c.name in variables.exemptContainerNames))',
  },
];

export const EXEMPT_IMAGES_PARAMETER = { exemptImages: STRING_LIST };

/** A CEL string literal. */
export function celString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** A CEL list literal of strings. */
export function celStringList(values: readonly string[]): string {
  return `[${values.map(celString).join(', ')}]`;
}

/**
 * A validation that fails when the named variable (a list of offending names) is not empty, unless
 * `exemptWhen` (a CEL condition) holds.
 */
export function noneOf(variable: string, message: string, exemptWhen?: string): CelValidation {
  const empty = `size(variables.${variable}) == 0`;
  return {
    expression: exemptWhen ? `(${exemptWhen}) || ${empty}` : empty,
    messageExpression: `${celString(message + ': ')} + variables.${variable}.join(', ')`,
  };
}
