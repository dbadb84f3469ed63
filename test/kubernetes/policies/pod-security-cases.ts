// Pod Security parity cases: pods and what Kubernetes Pod Security Admission (k8s.io/pod-security-admission
// v0.36, policy/check_*.go) decides for each level and version, written from a reading of its checks and
// of its own fixtures (test/fixtures_*.go).
import { GatekeeperPolicy, PodSecurityLevel } from '../../../lib';
import { PodSecurityProfile } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-definition';
import { container, ephemeralContainer, initContainer, pod, windowsPod } from './fixtures';

type When = (p: PodSecurityProfile) => boolean;

export const always: When = () => true;
export const never: When = () => false;
export const atRestricted: When = (p) => p.level === PodSecurityLevel.RESTRICTED;
export const atBaseline: When = (p) => p.level === PodSecurityLevel.BASELINE;
export const before = (minor: number): When => (p) => p.version.minor < minor;
export const from = (minor: number): When => (p) => p.version.minor >= minor;
export const both = (a: When, b: When): When => (p) => a(p) && b(p);

/** One pod and Pod Security Admission's verdict on it. */
export interface ParityCase {
  readonly name: string;
  readonly object: any;
  /** The Pod Security Admission check that judges this pod at the profile. */
  readonly check: (p: PodSecurityProfile) => string;
  /** True where Pod Security Admission refuses the pod. */
  readonly denied: When;
  /** The policies that must refuse it where it is denied (the first implements `check`). */
  readonly deniedBy: (p: PodSecurityProfile) => GatekeeperPolicy[];
}

const fixed = (check: string) => () => check;
const only = (policy: GatekeeperPolicy) => () => [policy];

/** Rows of [name, pod, where denied, other policies the pod also violates (a fixture Kubernetes would admit needs them)]. */
type Row = [string, any, When] | [string, any, When, GatekeeperPolicy[]];

function cases(check: string | ((p: PodSecurityProfile) => string), policy: GatekeeperPolicy | ((p: PodSecurityProfile) => GatekeeperPolicy[]), rows: Row[]): ParityCase[] {
  return rows.map(([name, object, denied, also]) => {
    const primary = typeof policy === 'string' ? only(policy) : policy;
    return {
      name,
      object,
      check: typeof check === 'string' ? fixed(check) : check,
      denied,
      deniedBy: (p: PodSecurityProfile) => [...primary(p), ...(also ?? [])],
    };
  });
}

const byLevel = (baseline: string, restricted: string) => (p: PodSecurityProfile) => (atRestricted(p) ? restricted : baseline);
const probe = (handler: any) => (c: any) => Object.assign(c, handler);
const selinux = (options: any) => (c: any) => (c.securityContext.seLinuxOptions = options);
const sysctl = (name: string) => pod((p) => (p.spec.securityContext.sysctls = [{ name, value: '1' }]));
const volume = (source: any) => pod((p) => p.spec.volumes.push({ name: 'extra', ...source }));
const userNamespace = (change: (p: any) => void) => pod((p) => ((p.spec.hostUsers = false), change(p)));

export const PARITY_CASES: ParityCase[] = [
  ...cases('privileged', GatekeeperPolicy.PRIVILEGED_CONTAINER, [
    ['privileged container', container((c) => (c.securityContext.privileged = true)), always],
    ['privileged init container', initContainer((c) => (c.securityContext.privileged = true)), always],
    ['privileged ephemeral container', ephemeralContainer((c) => (c.securityContext.privileged = true)), always],
    ['privileged: false', container((c) => (c.securityContext.privileged = false)), never],
  ]),
  ...cases('hostNamespaces', GatekeeperPolicy.HOST_NAMESPACES, [
    ['hostPID', pod((p) => (p.spec.hostPID = true)), always],
    ['hostIPC', pod((p) => (p.spec.hostIPC = true)), always],
    ['hostNetwork', pod((p) => (p.spec.hostNetwork = true)), always],
    ['hostNetwork, hostPID and hostIPC false', pod((p) => Object.assign(p.spec, { hostNetwork: false, hostPID: false, hostIPC: false })), never],
  ]),
  ...cases('hostPorts', GatekeeperPolicy.HOST_PORTS, [
    ['hostPort on a container', container((c) => (c.ports[0].hostPort = 8080)), always],
    ['hostPort on an init container', initContainer((c) => (c.ports = [{ containerPort: 9000, hostPort: 9000 }])), always],
    ['hostPort 0', container((c) => (c.ports[0].hostPort = 0)), never],
  ]),
  ...cases(byLevel('hostPathVolumes', 'restrictedVolumes'), (p) => (atRestricted(p) ? [GatekeeperPolicy.VOLUME_TYPES, GatekeeperPolicy.HOST_PATHS] : [GatekeeperPolicy.HOST_PATHS]), [
    ['hostPath volume', volume({ hostPath: { path: '/etc' } }), always],
    ['hostPath of a socket', volume({ hostPath: { path: '/var/run/docker.sock', type: 'Socket' } }), always],
    ['emptyDir and secret volumes only', pod(() => undefined), never],
  ]),
  ...cases('windowsHostProcess', GatekeeperPolicy.HOST_PROCESS, [
    // Kubernetes requires hostNetwork for HostProcess pods, which hostNamespaces refuses as well.
    ['HostProcess pod', windowsPod((p) => ((p.spec.hostNetwork = true), (p.spec.securityContext.windowsOptions.hostProcess = true))), always, [GatekeeperPolicy.HOST_NAMESPACES]],
    ['HostProcess container', windowsPod((p) => ((p.spec.hostNetwork = true), (p.spec.containers[0].securityContext = { windowsOptions: { hostProcess: true } }))), always, [GatekeeperPolicy.HOST_NAMESPACES]],
    ['hostProcess false on pod and container', windowsPod((p) => ((p.spec.securityContext.windowsOptions.hostProcess = false), (p.spec.containers[0].securityContext = { windowsOptions: { hostProcess: false } }))), never],
  ]),
  ...cases('hostProbesAndHostLifecycle', GatekeeperPolicy.HOST_PROBES, [
    ['livenessProbe httpGet host', container(probe({ livenessProbe: { httpGet: { host: 'bad.host', port: 8080 } } })), from(34)],
    ['startupProbe httpGet host 127.0.0.1', container(probe({ startupProbe: { httpGet: { host: '127.0.0.1', port: 8080, path: '/' } } })), from(34)],
    ['readinessProbe tcpSocket host ::1', container(probe({ readinessProbe: { tcpSocket: { host: '::1', port: 8080 } } })), from(34)],
    ['sidecar init container readinessProbe tcpSocket host', initContainer((c) => ((c.restartPolicy = 'Always'), (c.readinessProbe = { tcpSocket: { host: '8.8.8.8', port: 8080 } }))), from(34)],
    ['postStart httpGet host', container(probe({ lifecycle: { postStart: { httpGet: { host: 'metadata.internal', port: 80 } } } })), from(34)],
    ['preStop tcpSocket host (deprecated handler)', container(probe({ lifecycle: { preStop: { tcpSocket: { host: '10.0.0.1', port: 22 } } } })), from(34)],
    ['probes without host', container(probe({ livenessProbe: { httpGet: { port: 8080 } }, readinessProbe: { tcpSocket: { port: 8080 } } })), never],
    ['probe host empty', container(probe({ livenessProbe: { httpGet: { host: '', port: 8080 } } })), never],
  ]),
  ...cases(byLevel('capabilities_baseline', 'capabilities_restricted'), GatekeeperPolicy.CAPABILITIES, [
    ['add NET_RAW', container((c) => (c.securityContext.capabilities.add = ['NET_RAW'])), always],
    ['add SYS_ADMIN on an init container', initContainer((c) => (c.securityContext.capabilities.add = ['SYS_ADMIN'])), always],
    ['add CHOWN (default set)', container((c) => (c.securityContext.capabilities.add = ['CHOWN'])), atRestricted],
    ['add NET_BIND_SERVICE', container((c) => (c.securityContext.capabilities.add = ['NET_BIND_SERVICE'])), never],
    ['no capabilities', container((c) => delete c.securityContext.capabilities), atRestricted],
    ['drop NET_RAW only', container((c) => (c.securityContext.capabilities.drop = ['NET_RAW'])), atRestricted],
    ['drop "all" in lower case', container((c) => (c.securityContext.capabilities.drop = ['all'])), atRestricted],
    ['ephemeral container without capabilities', ephemeralContainer((c) => delete c.securityContext.capabilities), atRestricted],
    ['Windows pod adding SYS_ADMIN (restricted exempts Windows pods and overrides the baseline check)', windowsPod((p) => (p.spec.containers[0].securityContext = { capabilities: { add: ['SYS_ADMIN'] } })), atBaseline],
  ]),
  ...cases('runAsNonRoot', GatekeeperPolicy.RUN_AS_NON_ROOT, [
    ['runAsNonRoot set nowhere', pod((p) => (delete p.spec.securityContext.runAsNonRoot, delete p.spec.containers[0].securityContext.runAsNonRoot)), atRestricted],
    ['pod false, container true', pod((p) => (p.spec.securityContext.runAsNonRoot = false)), atRestricted],
    ['container false', container((c) => (c.securityContext.runAsNonRoot = false)), atRestricted],
    ['init container false', initContainer((c) => (c.securityContext.runAsNonRoot = false)), atRestricted],
    ['pod unset, init container unset', pod((p) => {
      delete p.spec.securityContext.runAsNonRoot;
      p.spec.initContainers = [{ name: 'migrate', image: 'acrplatformprod.azurecr.io/payments/migrate:1.0.0', securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } }];
    }), atRestricted],
    ['pod true only', container((c) => delete c.securityContext.runAsNonRoot), never],
    ['containers true, pod unset', pod((p) => delete p.spec.securityContext.runAsNonRoot), never],
    ['user namespace, runAsNonRoot set nowhere', userNamespace((p) => (delete p.spec.securityContext.runAsNonRoot, delete p.spec.containers[0].securityContext.runAsNonRoot)), both(atRestricted, before(35))],
    ['user namespace, pod false', userNamespace((p) => (p.spec.securityContext.runAsNonRoot = false)), both(atRestricted, before(35))],
    ['hostUsers true, runAsNonRoot false', pod((p) => ((p.spec.hostUsers = true), (p.spec.securityContext.runAsNonRoot = false))), atRestricted],
    ['Windows pod without runAsNonRoot (no Windows exemption)', windowsPod((p) => delete p.spec.securityContext.runAsNonRoot), atRestricted],
  ]),
  ...cases('runAsUser', GatekeeperPolicy.RUN_AS_USER, [
    ['pod runAsUser 0 while every container sets a non-zero user', pod((p) => ((p.spec.securityContext.runAsUser = 0), (p.spec.containers[0].securityContext.runAsUser = 1000))), atRestricted],
    ['container runAsUser 0', container((c) => (c.securityContext.runAsUser = 0)), atRestricted],
    ['init container runAsUser 0', initContainer((c) => (c.securityContext.runAsUser = 0)), atRestricted],
    ['non-zero users everywhere', pod((p) => (p.spec.containers[0].securityContext.runAsUser = 1000)), never],
    ['runAsUser unset', pod((p) => delete p.spec.securityContext.runAsUser), never],
    ['user namespace, pod runAsUser 0', userNamespace((p) => (p.spec.securityContext.runAsUser = 0)), both(atRestricted, before(35))],
  ]),
  ...cases(byLevel('seccompProfile_baseline', 'seccompProfile_restricted'), GatekeeperPolicy.SECCOMP, [
    ['container Unconfined', container((c) => (c.securityContext.seccompProfile = { type: 'Unconfined' })), always],
    ['pod Unconfined, container RuntimeDefault', pod((p) => ((p.spec.securityContext.seccompProfile = { type: 'Unconfined' }), (p.spec.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' }))), always],
    ['ephemeral container Unconfined', ephemeralContainer((c) => (c.securityContext.seccompProfile = { type: 'Unconfined' })), always],
    ['no profile anywhere', pod((p) => delete p.spec.securityContext.seccompProfile), atRestricted],
    ['pod unset, container RuntimeDefault, init container unset', pod((p) => {
      delete p.spec.securityContext.seccompProfile;
      p.spec.containers[0].securityContext.seccompProfile = { type: 'RuntimeDefault' };
      p.spec.initContainers = [{ name: 'migrate', image: 'acrplatformprod.azurecr.io/payments/migrate:1.0.0', securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } } }];
    }), atRestricted],
    ['container Localhost, pod unset', pod((p) => (delete p.spec.securityContext.seccompProfile, (p.spec.containers[0].securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' }))), never],
    ['pod Localhost', pod((p) => (p.spec.securityContext.seccompProfile = { type: 'Localhost', localhostProfile: 'profiles/app.json' })), never],
    ['Windows pod with an Unconfined container (restricted exempts Windows pods and overrides the baseline check)', windowsPod((p) => (p.spec.containers[0].securityContext = { seccompProfile: { type: 'Unconfined' } })), atBaseline],
  ]),
  ...cases('appArmorProfile', GatekeeperPolicy.APPARMOR, [
    ['container field Unconfined', container((c) => (c.securityContext.appArmorProfile = { type: 'Unconfined' })), always],
    ['pod field Unconfined, container RuntimeDefault', pod((p) => ((p.spec.securityContext.appArmorProfile = { type: 'Unconfined' }), (p.spec.containers[0].securityContext.appArmorProfile = { type: 'RuntimeDefault' }))), always],
    ['annotation unconfined', pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' })), always],
    ['annotation with a custom value for a container not in the pod', pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/other': 'custom' })), always],
    ['field RuntimeDefault', container((c) => (c.securityContext.appArmorProfile = { type: 'RuntimeDefault' })), never],
    ['pod field Localhost', pod((p) => (p.spec.securityContext.appArmorProfile = { type: 'Localhost', localhostProfile: 'k8s-app' })), never],
    ['annotation runtime/default', pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'runtime/default' })), never],
    ['annotation localhost/', pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': 'localhost/k8s-app' })), never],
    ['annotation empty', pod((p) => (p.metadata.annotations = { 'container.apparmor.security.beta.kubernetes.io/app': '' })), never],
  ]),
  ...cases('seLinuxOptions', GatekeeperPolicy.SELINUX_OPTIONS, [
    ['pod type spc_t', pod((p) => (p.spec.securityContext.seLinuxOptions = { type: 'spc_t' })), always],
    ['container type unconfined_t', container(selinux({ type: 'unconfined_t' })), always],
    ['init container custom type', initContainer(selinux({ type: 'somevalue' })), always],
    ['pod user', pod((p) => (p.spec.securityContext.seLinuxOptions = { user: 'system_u' })), always],
    ['container role', container(selinux({ role: 'object_r' })), always],
    ['container_engine_t', container(selinux({ type: 'container_engine_t' })), before(31)],
    ['container types and any level', pod((p) => {
      p.spec.securityContext.seLinuxOptions = { type: 'container_t', level: 's0:c123,c456' };
      p.spec.containers[0].securityContext.seLinuxOptions = { type: 'container_init_t', level: 'somevalue' };
    }), never],
    ['container_kvm_t on an init container, empty options on the container', pod((p) => {
      p.spec.containers[0].securityContext.seLinuxOptions = {};
      p.spec.initContainers = [{ name: 'migrate', image: 'acrplatformprod.azurecr.io/payments/migrate:1.0.0', securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] }, seLinuxOptions: { type: 'container_kvm_t' } } }];
    }), never],
    ['empty type, user and role', container(selinux({ type: '', user: '', role: '' })), never],
  ]),
  ...cases((p) => (atRestricted(p) && from(35)(p) ? 'procMount_restricted' : 'procMount'), GatekeeperPolicy.PROC_MOUNT, [
    ['Unmasked', container((c) => (c.securityContext.procMount = 'Unmasked')), always],
    ['Unmasked on an init container', initContainer((c) => (c.securityContext.procMount = 'Unmasked')), always],
    ['Unmasked with hostUsers true', pod((p) => ((p.spec.hostUsers = true), (p.spec.containers[0].securityContext.procMount = 'Unmasked'))), always],
    ['Unmasked in a user namespace', userNamespace((p) => (p.spec.containers[0].securityContext.procMount = 'Unmasked')), (p) => atRestricted(p) || before(35)(p)],
    ['Default', container((c) => (c.securityContext.procMount = 'Default')), never],
    ['Default in a user namespace', userNamespace((p) => (p.spec.containers[0].securityContext.procMount = 'Default')), never],
  ]),
  ...cases('sysctls', GatekeeperPolicy.SYSCTLS, [
    ['kernel.msgmax', sysctl('kernel.msgmax'), always],
    ['net.ipv4.ip_forward', sysctl('net.ipv4.ip_forward'), always],
    ['a safe sysctl in slash form', sysctl('net/ipv4/ip_local_port_range'), always],
    ['net.ipv4.tcp_slow_start_after_idle (safe only from v1.37)', sysctl('net.ipv4.tcp_slow_start_after_idle'), always],
    ['net.ipv4.tcp_notsent_lowat (safe only from v1.37)', sysctl('net.ipv4.tcp_notsent_lowat'), always],
    ['net.ipv4.tcp_keepalive_time', sysctl('net.ipv4.tcp_keepalive_time'), before(29)],
    ['net.ipv4.tcp_fin_timeout', sysctl('net.ipv4.tcp_fin_timeout'), before(29)],
    ['net.ipv4.tcp_keepalive_intvl', sysctl('net.ipv4.tcp_keepalive_intvl'), before(29)],
    ['net.ipv4.tcp_keepalive_probes', sysctl('net.ipv4.tcp_keepalive_probes'), before(29)],
    ['net.ipv4.tcp_rmem', sysctl('net.ipv4.tcp_rmem'), before(32)],
    ['net.ipv4.tcp_wmem', sysctl('net.ipv4.tcp_wmem'), before(32)],
    ['net.ipv4.ip_local_reserved_ports', sysctl('net.ipv4.ip_local_reserved_ports'), never],
    ['kernel.shm_rmid_forced, ip_local_port_range, tcp_syncookies, ping_group_range, ip_unprivileged_port_start', pod((p) => (p.spec.securityContext.sysctls = [
      'kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start',
    ].map((name) => ({ name, value: '1' })))), never],
  ]),
  ...cases('restrictedVolumes', GatekeeperPolicy.VOLUME_TYPES, [
    ['nfs', volume({ nfs: { server: 'nfs.example', path: '/export' } }), atRestricted],
    ['gitRepo', volume({ gitRepo: { repository: 'https://example/repo.git' } }), atRestricted],
    ['azureDisk', volume({ azureDisk: { diskName: 'data', diskURI: '/subscriptions/s/resourceGroups/r/providers/Microsoft.Compute/disks/data' } }), atRestricted],
    ['azureFile', volume({ azureFile: { secretName: 'share', shareName: 'share' } }), atRestricted],
    ['iscsi', volume({ iscsi: { targetPortal: '10.0.0.1:3260', iqn: 'iqn.2001-04.com.example:storage', lun: 0 } }), atRestricted],
    ['a volume naming no source', volume({}), atRestricted],
    ['configMap, csi, downwardAPI, ephemeral, image, persistentVolumeClaim and projected', pod((p) => p.spec.volumes.push(
      { name: 'config', configMap: { name: 'config' } },
      { name: 'kv', csi: { driver: 'secrets-store.csi.k8s.io', readOnly: true, volumeAttributes: { secretProviderClass: 'kv' } } },
      { name: 'podinfo', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
      { name: 'scratch', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
      { name: 'model', image: { reference: 'acrplatformprod.azurecr.io/models/fraud:3.2.0' } },
      { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
      { name: 'token', projected: { sources: [{ serviceAccountToken: { path: 'token', audience: 'api' } }] } },
    )), never],
  ]),
  ...cases('allowPrivilegeEscalation', GatekeeperPolicy.PRIVILEGE_ESCALATION, [
    ['allowPrivilegeEscalation true', container((c) => (c.securityContext.allowPrivilegeEscalation = true)), atRestricted],
    ['allowPrivilegeEscalation unset', container((c) => delete c.securityContext.allowPrivilegeEscalation), atRestricted],
    ['init container with allowPrivilegeEscalation unset', initContainer((c) => delete c.securityContext.allowPrivilegeEscalation), atRestricted],
    ['ephemeral container with allowPrivilegeEscalation unset', ephemeralContainer((c) => delete c.securityContext.allowPrivilegeEscalation), atRestricted],
    ['ephemeral container without securityContext', ephemeralContainer((c) => delete c.securityContext), atRestricted, [GatekeeperPolicy.CAPABILITIES]],
    ['Windows pod without allowPrivilegeEscalation', windowsPod(), never],
  ]),
];
