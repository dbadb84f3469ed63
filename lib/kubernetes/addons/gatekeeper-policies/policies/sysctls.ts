import { GatekeeperPolicy } from '../gatekeeper-policy';
import { noneOf, paramList, PolicyDefinition, STRING_LIST } from '../policy-definition';

/** The sysctls Pod Security baseline calls safe (namespaced, isolated per pod). */
export const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ping_group_range',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_syncookies',
];

/** Pods set only allowed sysctls. */
export const SYSCTLS: PolicyDefinition = {
  policy: GatekeeperPolicy.SYSCTLS,
  kind: 'K8sHardenedSysctls',
  description: 'Pods may set only the allowed (safe) sysctls.',
  parameters: { allowedSysctls: STRING_LIST },
  defaultParameters: { allowedSysctls: SAFE_SYSCTLS },
  variables: [
    paramList('allowedSysctls'),
    {
      name: 'disallowedSysctls',
      expression:
        '(has(object.spec.securityContext) && has(object.spec.securityContext.sysctls) ? object.spec.securityContext.sysctls : []).filter(s, !(s.name in variables.allowedSysctls)).map(s, s.name)',
    },
  ],
  validations: [noneOf('disallowedSysctls', 'sysctls that are not allowed')],
};
