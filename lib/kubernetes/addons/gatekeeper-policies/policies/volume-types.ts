import { GatekeeperPolicy } from '../gatekeeper-policy';
import { noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** Every volume source field of a Pod volume (core/v1 Volume). */
const VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'configMap', 'csi', 'downwardAPI', 'emptyDir',
  'ephemeral', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath', 'image', 'iscsi',
  'nfs', 'persistentVolumeClaim', 'photonPersistentDisk', 'portworxVolume', 'projected', 'quobyte', 'rbd', 'scaleIO',
  'secret', 'storageos', 'vsphereVolume',
];

/** The volume types Pod Security restricted allows. */
export const RESTRICTED_VOLUME_TYPES = ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret'];

/**
 * Volumes use only the allowed types. Each source field is tested by name (not by iterating the volume's
 * keys) so the expression also type-checks against the Pod schema when Gatekeeper generates a
 * ValidatingAdmissionPolicy.
 */
export const VOLUME_TYPES: PolicyDefinition = {
  policy: GatekeeperPolicy.VOLUME_TYPES,
  kind: 'K8sHardenedVolumeTypes',
  description: 'Pods may use only the allowed volume types (Pod Security restricted set by default).',
  parameters: { allowedVolumeTypes: STRING_LIST },
  defaultParameters: { allowedVolumeTypes: RESTRICTED_VOLUME_TYPES },
  variables: [
    paramList('allowedVolumeTypes'),
    {
      name: 'disallowedVolumes',
      expression:
        '(has(object.spec.volumes) ? object.spec.volumes : []).filter(v, ' +
        VOLUME_SOURCES.map((s) => `(has(v.${s}) && !('${s}' in variables.allowedVolumeTypes))`).join(' || ') +
        ').map(v, v.name)',
    },
  ],
  validations: [noneOf('disallowedVolumes', 'volumes of a type that is not allowed')],
};
