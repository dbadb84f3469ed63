// Internal: the host paths the kube-bench job mounts read-only (what its node checks read).

export interface HostMount {
  readonly name: string;
  readonly path: string;
}

/** Host paths the node checks read (mounted read-only at the same path). */
export const COMMON_MOUNTS: HostMount[] = [
  { name: 'var-lib-kubelet', path: '/var/lib/kubelet' },
  { name: 'etc-systemd', path: '/etc/systemd' },
  { name: 'etc-default', path: '/etc/default' },
  { name: 'etc-kubernetes', path: '/etc/kubernetes' },
];
/** RKE2 keeps kubelet config, certificates and manifests under /var/lib/rancher and /etc/rancher. */
export const RKE2_MOUNTS: HostMount[] = [
  { name: 'var-lib-rancher', path: '/var/lib/rancher' },
  { name: 'etc-rancher', path: '/etc/rancher' },
];

/** Every host path the kube-bench job may mount (read-only), on any distribution. */
export const KUBE_BENCH_HOST_PATHS = [...COMMON_MOUNTS, ...RKE2_MOUNTS].map((m) => m.path);
