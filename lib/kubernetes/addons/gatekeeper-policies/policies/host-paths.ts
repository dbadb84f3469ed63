import { GatekeeperPolicy } from '../gatekeeper-policy';
import { noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** No hostPath volumes, except under the path prefixes listed in `allowedHostPaths`. */
export const HOST_PATHS: PolicyDefinition = {
  policy: GatekeeperPolicy.HOST_PATHS,
  kind: 'K8sHardenedHostPaths',
  description: 'Pods may not mount hostPath volumes outside the allowed path prefixes.',
  parameters: { allowedHostPaths: STRING_LIST },
  defaultParameters: {},
  variables: [
    paramList('allowedHostPaths'),
    {
      name: 'hostPathVolumes',
      expression:
        "(has(object.spec.volumes) ? object.spec.volumes : []).filter(v, has(v.hostPath) && !variables.allowedHostPaths.exists(p, v.hostPath.path == p || v.hostPath.path.startsWith(p.endsWith('/') ? p : p + '/'))).map(v, v.name)",
    },
  ],
  validations: [noneOf('hostPathVolumes', 'hostPath volumes are not allowed')],
};
