import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { noneOf, PolicyBuilder } from '../policy-definition';

/**
 * Pod Security baseline `hostPathVolumes`: no hostPath volumes. At restricted, Pod Security Admission
 * runs `restrictedVolumes` instead (VOLUME_TYPES, which refuses hostPath too); this policy stays on so
 * that excluding a namespace from VOLUME_TYPES does not admit host paths there.
 */
export const hostPaths: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.HOST_PATHS,
    kind: 'K8sHardenedHostPaths',
    description: 'Pods may not mount hostPath volumes.',
    checks: ['hostPathVolumes'],
    judgesContainers: false,
    variables: [
      {
        name: 'hostPathVolumes',
        expression: '(has(object.spec.volumes) ? object.spec.volumes : []).filter(v, has(v.hostPath)).map(v, v.name)',
      },
    ],
    validations: [noneOf('hostPathVolumes', checkMessage(profile, 'hostPathVolumes', 'hostPath volumes are not allowed'))],
  });
