// Internal: the update exemption of Pod Security Admission, as a Gatekeeper match condition.

/** A match condition of a K8sNativeValidation source (Gatekeeper's JSON field is `matchCondition`). */
export interface CelMatchCondition {
  readonly name: string;
  readonly expression: string;
}

const IMAGES = (pod: string, list: string) => `(has(${pod}.spec.${list}) ? ${pod}.spec.${list}.map(c, c.image) : [])`;

/**
 * Pod Security Admission does not re-judge an update that changes nothing it cares about
 * (`isSignificantPodUpdate` in pod-security-admission/admission): the same number of containers and
 * init containers with the same image at each position, and no ephemeral container added or given a new
 * image. The other fields the checks read are immutable on a Pod, and controllers must stay able to
 * relabel, annotate and remove finalizers from pods admitted before a policy tightened. Every request
 * that is not such an update (creates, Gatekeeper audit, which has no old object) is judged.
 */
export const SIGNIFICANT_POD_UPDATE: CelMatchCondition = {
  name: 'pod-security-significant-update',
  expression: [
    "request.operation != 'UPDATE'",
    'oldObject == null',
    'object.spec.containers.map(c, c.image) != oldObject.spec.containers.map(c, c.image)',
    `${IMAGES('object', 'initContainers')} != ${IMAGES('oldObject', 'initContainers')}`,
    '(has(object.spec.ephemeralContainers) ? object.spec.ephemeralContainers : []).exists(e, ' +
      '!(has(oldObject.spec.ephemeralContainers) && oldObject.spec.ephemeralContainers.exists(o, o.name == e.name && o.image == e.image)))',
  ].join(' || '),
};
