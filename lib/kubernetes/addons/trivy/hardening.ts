import { HardeningKey } from '../helm-values';

// Keys of the trivy-operator chart 0.34.0 (deploy/helm/values.yaml and templates at operator v0.32.0) that
// turn scanners off, exempt what they scan, widen the pods' privileges and host mounts, or expose them.

const scanner = (name: string, what: string): HardeningKey => ({ path: `operator.${name}`, value: true, reason: what });
const noExemption = (path: string, value: any, what: string): HardeningKey => ({
  path,
  value,
  reason: `${what} go unscanned (CIS AKS 1.8 5.1.1: every running image is scanned)`,
});
const verifyTls = (path: string, value: any, what: string): HardeningKey => ({ path, value, reason: `${what} is reached over verified TLS` });

/** The operator container's security context in the chart (and what Pod Security restricted asks). */
const OPERATOR_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, privileged: false, readOnlyRootFilesystem: true };

/** Read-only host paths of the node collector (infrastructure assessment), as the chart mounts them. */
const NODE_COLLECTOR_PATHS: Array<[string, string]> = [
  ['var-lib-etcd', '/var/lib/etcd'],
  ['var-lib-kubelet', '/var/lib/kubelet'],
  ['var-lib-kube-scheduler', '/var/lib/kube-scheduler'],
  ['var-lib-kube-controller-manager', '/var/lib/kube-controller-manager'],
  ['etc-systemd', '/etc/systemd'],
  ['lib-systemd', '/lib/systemd'],
  ['etc-kubernetes', '/etc/kubernetes'],
  ['etc-cni-netd', '/etc/cni/net.d/'],
];
/** The chart mounts /lib/systemd at a path with a trailing slash. */
const mountPathOf = (path: string): string => (path === '/lib/systemd' ? '/lib/systemd/' : path);

/** Values of the trivy-operator chart that keep scanning on and the scan jobs locked down. */
export const TRIVY_OPERATOR_HARDENING: HardeningKey[] = [
  scanner('vulnerabilityScannerEnabled', 'image vulnerability scanning of running workloads (CIS AKS 1.8 5.1.1)'),
  scanner('configAuditScannerEnabled', 'configuration audit of workloads and services'),
  scanner('rbacAssessmentScannerEnabled', 'RBAC assessment (CIS AKS 1.8 4.1.x reviewed in-cluster)'),
  scanner('infraAssessmentScannerEnabled', 'node and control-plane infrastructure assessment'),
  scanner('clusterComplianceEnabled', 'CIS and Pod Security Standards compliance reports'),
  scanner('exposedSecretScannerEnabled', 'secrets baked into images'),
  noExemption('targetNamespaces', '', 'namespaces outside the target list'),
  noExemption('excludeNamespaces', '', 'excluded namespaces'),
  noExemption('targetWorkloads', 'pod,replicaset,replicationcontroller,statefulset,daemonset,cronjob,job', 'workload kinds left out of the list'),
  noExemption('trivyOperator.excludeImages', '', 'excluded images'),
  noExemption('trivyOperator.skipResourceByLabels', '', 'resources with the skip labels'),
  noExemption('trivyOperator.skipInitContainers', false, 'init containers'),
  noExemption('trivy.skipFiles', null, 'skipped files'),
  noExemption('trivy.skipDirs', null, 'skipped directories'),
  noExemption('trivy.ignoreFile', null, 'vulnerabilities listed in an ignore file'),
  noExemption('nodeCollector.excludeNodes', null, 'excluded nodes'),
  { path: 'trivyOperator.scanJobAutomountServiceAccountToken', value: false, reason: 'scan jobs need no API token (CIS AKS 1.8 4.1.6)' },
  {
    path: 'securityContext',
    value: OPERATOR_CONTAINER,
    reason: 'the operator runs unprivileged, with no privilege escalation, no capabilities and a read-only root filesystem (CIS AKS 1.8 4.2.1, 4.2.5)',
  },
  { path: 'podSecurityContext', value: {}, reason: "the operator pod keeps the chart's pod security context" },
  {
    path: 'trivyOperator.scanJobPodTemplateContainerSecurityContext',
    value: OPERATOR_CONTAINER,
    reason: 'scan job containers run unprivileged, with no privilege escalation, no capabilities and a read-only root filesystem (CIS AKS 1.8 4.2.1, 4.2.5)',
  },
  { path: 'trivyOperator.scanJobPodTemplatePodSecurityContext', value: {}, reason: "scan job pods keep the chart's pod security context" },
  { path: 'trivyOperator.scanJobCustomVolumes', value: [], reason: 'no extra volumes in scan jobs (a hostPath volume would expose the node)' },
  { path: 'trivyOperator.scanJobCustomVolumesMount', value: [], reason: 'no extra volume mounts in scan jobs' },
  {
    path: 'trivy.server.securityContext',
    value: { privileged: false, readOnlyRootFilesystem: true },
    reason: 'the built-in Trivy server (when used) runs unprivileged with a read-only root filesystem',
  },
  { path: 'trivy.server.podSecurityContext', value: { fsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 }, reason: 'the Trivy server runs as nobody' },
  {
    path: 'alternateReportStorage.podSecurityContext',
    value: { fsGroup: 10000, runAsUser: 10000 },
    reason: 'with report storage on a volume, the operator pod runs as a non-root user',
  },
  { path: 'trivy.server.extraServerVolumes', value: { volumeMounts: [], volumes: [] }, reason: 'no extra volumes in the Trivy server' },
  { path: 'volumes', value: [{ emptyDir: {}, name: 'cache-policies' }], reason: 'the operator pod mounts only its policy cache (no host path)' },
  { path: 'volumeMounts', value: [{ mountPath: '/tmp', name: 'cache-policies', readOnly: false }], reason: 'the operator container mounts only its policy cache' },
  {
    path: 'nodeCollector.volumes',
    value: NODE_COLLECTOR_PATHS.map(([name, path]) => ({ hostPath: { path }, name })),
    reason: 'the node collector mounts exactly the host paths the infrastructure checks read',
  },
  {
    path: 'nodeCollector.volumeMounts',
    value: NODE_COLLECTOR_PATHS.map(([name, path]) => ({ mountPath: mountPathOf(path), name, readOnly: true })),
    reason: 'the node collector mounts those host paths read-only',
  },
  { path: 'rbac.create', value: true, reason: "the chart's own RBAC, not one made elsewhere" },
  { path: 'serviceAccount.create', value: true, reason: "the chart's own service account, bound only to the chart's roles" },
  { path: 'service.type', value: 'ClusterIP', reason: 'the metrics service stays inside the cluster' },
  { path: 'service.nodePort', value: null, reason: 'no node port for the metrics service' },
  { path: 'operator.pprofBindAddress', value: '', reason: 'no profiling endpoint' },
  { path: 'operator.webhookBroadcastURL', value: '', reason: 'reports stay in the cluster (a broadcast URL sends every report elsewhere)' },
  verifyTls('trivy.insecureRegistries', {}, 'every registry'),
  verifyTls('trivy.nonSslRegistries', {}, 'every registry'),
  verifyTls('trivy.serverInsecure', false, 'the Trivy server'),
  verifyTls('operator.builtInServerRegistryInsecure', false, 'the registry of the built-in Trivy server'),
  verifyTls('trivy.dbRepositoryInsecure', 'false', 'the vulnerability database registry'),
  verifyTls('policiesBundle.insecure', false, 'the policies bundle registry'),
];
