// The API server admission configuration HardenedRke2Cluster installs: Pod Security Admission
// (restricted, CIS RKE2 1.8 5.2.x) and EventRateLimit (CIS RKE2 1.8 1.2.9) in one file, because the API
// server takes a single --admission-control-config-file.
import { RKE2_SYSTEM_NAMESPACES } from '../kubernetes/exemptions';
import { PodSecurityVersion } from '../kubernetes/namespace/pod-security-version';

/** Namespaces of RKE2, Rancher, Calico and the compliance operator, exempt from Pod Security like Rancher's rancher-restricted template does. */
export const SYSTEM_NAMESPACES: readonly string[] = RKE2_SYSTEM_NAMESPACES;

/** The AdmissionConfiguration document. */
export function admissionConfiguration(exemptNamespaces: string[], eventRateLimit: boolean, version: PodSecurityVersion): any {
  const plugins: any[] = [
    {
      name: 'PodSecurity',
      configuration: {
        apiVersion: 'pod-security.admission.config.k8s.io/v1',
        kind: 'PodSecurityConfiguration',
        // Pinned like the namespaces' labels: "latest" would let a cluster upgrade change what is admitted.
        defaults: {
          enforce: 'restricted',
          'enforce-version': version.label,
          audit: 'restricted',
          'audit-version': version.label,
          warn: 'restricted',
          'warn-version': version.label,
        },
        exemptions: { usernames: [], runtimeClasses: [], namespaces: [...exemptNamespaces] },
      },
    },
  ];
  if (eventRateLimit) {
    plugins.push({
      name: 'EventRateLimit',
      configuration: {
        apiVersion: 'eventratelimit.admission.k8s.io/v1alpha1',
        kind: 'Configuration',
        // A server-wide ceiling protects etcd; a per-namespace bucket stops one noisy tenant starving the rest.
        limits: [
          { type: 'Server', qps: 5000, burst: 20000 },
          { type: 'Namespace', qps: 50, burst: 100, cacheSize: 2000 },
        ],
      },
    });
  }
  return { apiVersion: 'apiserver.config.k8s.io/v1', kind: 'AdmissionConfiguration', plugins };
}
