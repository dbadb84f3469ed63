import { HardeningKey } from '../helm-values';

/** Values of the falco chart that keep runtime detection on and its privileges minimal. */
export const FALCO_HARDENING: HardeningKey[] = [
  { path: 'driver.enabled', value: true, reason: 'syscall capture is what detects runtime threats' },
  { path: 'driver.kind', value: 'modern_ebpf', reason: 'CO-RE eBPF probe: no kernel module and no driver-loader init container' },
  {
    path: 'driver.modernEbpf.leastPrivileged',
    value: true,
    reason: 'Falco gets BPF, PERFMON, SYS_RESOURCE and SYS_PTRACE capabilities instead of privileged: true (CIS AKS 1.8 4.2.1)',
  },
  { path: 'falco.stdout_output.enabled', value: true, reason: 'alerts reach the cluster logs' },
  { path: 'falco.json_output', value: true, reason: 'alerts are structured for log analytics' },
];
