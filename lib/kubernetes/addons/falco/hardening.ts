import { HardeningKey } from '../helm-values';

// Keys of the falco chart 9.1.0 (charts/falco/values.yaml and templates) that turn detection off, give
// Falco more than the capabilities it needs, mount more of the node, or expose it.

/** Container runtime sockets the container plugin mounts from the node (the chart's lists). */
const ENGINE_SOCKETS: Record<string, string[]> = {
  docker: ['/var/run/docker.sock'],
  podman: ['/run/podman/podman.sock'],
  containerd: ['/run/host-containerd/containerd.sock'],
  cri: ['/run/containerd/containerd.sock', '/run/crio/crio.sock', '/run/k3s/containerd/containerd.sock', '/run/host-containerd/containerd.sock'],
};

const noSecurityContext = (path: string, container: string): HardeningKey => ({
  path,
  value: {},
  reason: `the ${container} keeps the chart's security context; a non-empty one replaces it (and can make it privileged, CIS AKS 1.8 4.2.1)`,
});

/** Values of the falco chart that keep runtime detection on and its privileges minimal. */
export const FALCO_HARDENING: HardeningKey[] = [
  { path: 'driver.enabled', value: true, reason: 'syscall capture is what detects runtime threats' },
  {
    path: 'driver.kind',
    value: 'modern_ebpf',
    equivalentValues: ['modern-bpf'],
    reason: 'CO-RE eBPF probe: no kernel module and no driver-loader init container',
  },
  {
    path: 'driver.modernEbpf.leastPrivileged',
    value: true,
    reason: 'Falco gets BPF, PERFMON, SYS_RESOURCE and SYS_PTRACE capabilities instead of privileged: true (CIS AKS 1.8 4.2.1)',
  },
  { path: 'falco.stdout_output.enabled', value: true, reason: 'alerts reach the cluster logs' },
  { path: 'falco.json_output', value: true, reason: 'alerts are structured for log analytics' },
  {
    path: 'falco.rules_files',
    value: ['/etc/falco/falco_rules.yaml', '/etc/falco/falco_rules.local.yaml', '/etc/falco/rules.d'],
    reason: 'Falco loads its default rules, local overrides and the rules falcoctl installs; dropping one turns those detections off',
  },
  { path: 'falco.base_syscalls.custom_set', value: [], reason: 'Falco captures every syscall its rules need (a custom set blinds the rules outside it)' },
  noSecurityContext('containerSecurityContext', 'Falco container'),
  noSecurityContext('driver.loader.initContainer.securityContext', 'driver loader'),
  noSecurityContext('falcoctl.artifact.install.securityContext', 'falcoctl init container'),
  noSecurityContext('falcoctl.artifact.follow.securityContext', 'falcoctl sidecar'),
  { path: 'podSecurityContext', value: {}, reason: "the pod keeps the chart's pod security context" },
  { path: 'extra.initContainers', value: [], reason: 'no extra init containers in the privileged Falco pod' },
  { path: 'mounts.volumes', value: [], reason: 'no extra volumes beyond the read-only host paths Falco reads' },
  { path: 'mounts.volumeMounts', value: [], reason: 'no extra volume mounts in the Falco container' },
  { path: 'falcoctl.artifact.install.mounts.volumeMounts', value: [], reason: 'no extra volume mounts in the falcoctl init container' },
  { path: 'falcoctl.artifact.follow.mounts.volumeMounts', value: [], reason: 'no extra volume mounts in the falcoctl sidecar' },
  ...Object.entries(ENGINE_SOCKETS).map(([engine, sockets]) => ({
    path: `collectors.containerEngine.engines.${engine}.sockets`,
    value: sockets,
    reason: 'the container plugin mounts exactly these runtime sockets from the node (another path mounts that path of the node)',
  })),
  { path: 'rbac.create', value: true, reason: "the chart's own read-only RBAC, not one made elsewhere" },
  { path: 'serviceAccount.create', value: true, reason: "the chart's own service account, bound only to the chart's roles" },
  { path: 'services', value: null, equivalentValues: [[]], reason: 'no extra Service in front of Falco (e.g. a NodePort for a webhook plugin)' },
  { path: 'metrics.service.type', value: 'ClusterIP', reason: 'the metrics service stays inside the cluster' },
  { path: 'falco.http_output.insecure', value: false, reason: 'the HTTP output verifies the TLS certificate of the endpoint it sends alerts to' },
];
