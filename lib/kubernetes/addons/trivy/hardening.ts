import { HardeningKey } from '../helm-values';

const scanner = (name: string, what: string): HardeningKey => ({ path: `operator.${name}`, value: true, reason: what });

/** Values of the trivy-operator chart that keep scanning on and the scan jobs locked down. */
export const TRIVY_OPERATOR_HARDENING: HardeningKey[] = [
  scanner('vulnerabilityScannerEnabled', 'image vulnerability scanning of running workloads (CIS AKS 1.8 5.1.1)'),
  scanner('configAuditScannerEnabled', 'configuration audit of workloads and services'),
  scanner('rbacAssessmentScannerEnabled', 'RBAC assessment (CIS AKS 1.8 4.1.x reviewed in-cluster)'),
  scanner('infraAssessmentScannerEnabled', 'node and control-plane infrastructure assessment'),
  scanner('clusterComplianceEnabled', 'CIS and Pod Security Standards compliance reports'),
  scanner('exposedSecretScannerEnabled', 'secrets baked into images'),
  { path: 'trivyOperator.scanJobAutomountServiceAccountToken', value: false, reason: 'scan jobs need no API token (CIS AKS 1.8 4.1.6)' },
  { path: 'securityContext.privileged', value: false, reason: 'the operator never runs privileged (CIS AKS 1.8 4.2.1)' },
  { path: 'securityContext.allowPrivilegeEscalation', value: false, reason: 'no privilege escalation (CIS AKS 1.8 4.2.5)' },
  { path: 'securityContext.readOnlyRootFilesystem', value: true, reason: 'read-only root filesystem' },
];
