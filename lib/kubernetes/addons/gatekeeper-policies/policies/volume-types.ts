import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, isRestricted, podSecurityPolicy } from '../pod-security-policy';
import { noneOf, PolicyBuilder } from '../policy-definition';

/** The inline volume sources Pod Security restricted allows; a volume with none of them is refused (unknown types too). */
export const RESTRICTED_VOLUME_SOURCES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret'];

/**
 * Pod Security restricted `restrictedVolumes` (RKE2 CIS 1.8 5.2.12 for hostPath): every volume uses an
 * allowed source. Each source is tested by name, not by iterating the volume's keys, so the expression
 * type-checks against the Pod schema when Gatekeeper generates a ValidatingAdmissionPolicy.
 */
export const volumeTypes: PolicyBuilder = (profile) =>
  isRestricted(profile)
    ? podSecurityPolicy(profile, {
      policy: GatekeeperPolicy.VOLUME_TYPES,
      kind: 'K8sHardenedVolumeTypes',
      description: 'Pods may use only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.',
      checks: ['restrictedVolumes'],
      judgesContainers: false,
      variables: [
        {
          name: 'restrictedVolumes',
          expression: `(has(object.spec.volumes) ? object.spec.volumes : []).filter(v, !(${RESTRICTED_VOLUME_SOURCES.map((s) => `has(v.${s})`).join(' || ')})).map(v, v.name)`,
        },
      ],
      validations: [noneOf('restrictedVolumes', checkMessage(profile, 'restrictedVolumes', 'volumes of a restricted type'))],
    })
    : undefined;
