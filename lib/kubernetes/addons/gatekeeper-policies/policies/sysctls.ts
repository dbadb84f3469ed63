import { GatekeeperPolicy } from '../gatekeeper-policy';
import { checkMessage, podSecurityPolicy } from '../pod-security-policy';
import { celStringList, noneOf, PolicyBuilder } from '../policy-definition';
import { PodSecurityVersion } from '../../../namespace/pod-security-version';

/** The safe sysctls (namespaced, isolated per pod) and the version each joined the baseline's list. */
const SAFE_SYSCTLS: ReadonlyArray<{ readonly name: string; readonly sinceMinor: number }> = [
  { name: 'kernel.shm_rmid_forced', sinceMinor: 0 },
  { name: 'net.ipv4.ip_local_port_range', sinceMinor: 0 },
  { name: 'net.ipv4.tcp_syncookies', sinceMinor: 0 },
  { name: 'net.ipv4.ping_group_range', sinceMinor: 0 },
  { name: 'net.ipv4.ip_unprivileged_port_start', sinceMinor: 0 },
  { name: 'net.ipv4.ip_local_reserved_ports', sinceMinor: 27 },
  { name: 'net.ipv4.tcp_keepalive_time', sinceMinor: 29 },
  { name: 'net.ipv4.tcp_fin_timeout', sinceMinor: 29 },
  { name: 'net.ipv4.tcp_keepalive_intvl', sinceMinor: 29 },
  { name: 'net.ipv4.tcp_keepalive_probes', sinceMinor: 29 },
  { name: 'net.ipv4.tcp_rmem', sinceMinor: 32 },
  { name: 'net.ipv4.tcp_wmem', sinceMinor: 32 },
];

/** The sysctls Pod Security baseline allows at `version` (exact names: the slash form is not on the list). */
export function safeSysctls(version: PodSecurityVersion): string[] {
  return SAFE_SYSCTLS.filter((s) => version.isAtLeast(s.sinceMinor)).map((s) => s.name);
}

/** Pod Security baseline `sysctls`: pods set only the safe sysctls of the version. */
export const sysctls: PolicyBuilder = (profile) =>
  podSecurityPolicy(profile, {
    policy: GatekeeperPolicy.SYSCTLS,
    kind: 'K8sHardenedSysctls',
    description: 'Pods may set only the safe sysctls.',
    checks: ['sysctls'],
    judgesContainers: false,
    variables: [
      {
        name: 'forbiddenSysctls',
        expression:
          `(has(object.spec.securityContext) && has(object.spec.securityContext.sysctls) ? object.spec.securityContext.sysctls : [])` +
          `.filter(s, !(s.name in ${celStringList(safeSysctls(profile.version))})).map(s, s.name)`,
      },
    ],
    validations: [noneOf('forbiddenSysctls', checkMessage(profile, 'sysctls', 'forbidden sysctls'))],
  });
