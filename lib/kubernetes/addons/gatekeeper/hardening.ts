import { HardeningKey } from '../helm-values';

/** Values of the gatekeeper chart that keep it hardened (checked by the helm-hardened-values rule). */
export const GATEKEEPER_HARDENING: HardeningKey[] = [
  { path: 'enableK8sNativeValidation', value: true, reason: 'the policy library is written in CEL (K8sNativeValidation engine)' },
  { path: 'disableValidatingWebhook', value: false, reason: 'the validating webhook enforces the constraints' },
  { path: 'disableAudit', value: false, reason: 'audit reports violations of objects admitted before a constraint existed' },
  { path: 'controllerManager.hostNetwork', value: false, reason: 'the webhook needs no access to the node network' },
  { path: 'controllerManager.tlsMinVersion', value: '1.3', reason: 'the webhook serves TLS 1.3 only' },
  { path: 'enableRuntimeDefaultSeccompProfile', value: true, reason: 'Gatekeeper pods run with the RuntimeDefault seccomp profile (Pod Security restricted)' },
  { path: 'controllerManager.securityContext.allowPrivilegeEscalation', value: false, reason: 'no privilege escalation (CIS AKS 1.8 4.2.5)' },
  { path: 'audit.securityContext.allowPrivilegeEscalation', value: false, reason: 'no privilege escalation (CIS AKS 1.8 4.2.5)' },
];
