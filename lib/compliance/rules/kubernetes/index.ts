import { IComplianceRule } from '../../types';
import { k8sCisNodeScan } from './cis-node-scan';
import { k8sDefaultServiceAccountToken } from './default-service-account-token';
import { gatekeeperAllowedRegistries } from './gatekeeper-allowed-registries';
import { gatekeeperConstraintExemptions } from './gatekeeper-constraint-exemptions';
import { gatekeeperConstraintEnforced } from './gatekeeper-constraint-enforced';
import { gatekeeperTemplateUnchanged } from './gatekeeper-template-unchanged';
import { helmHardenedValues } from './helm-hardened-values';
import { k8sImageVulnerabilityScanning } from './image-vulnerability-scanning';
import { istioAllowNothing } from './istio-allow-nothing';
import { istioMtlsStrict } from './istio-mtls-strict';
import { istioOutboundRegistryOnly } from './istio-outbound-registry-only';
import { istioServiceEntryNamedHosts } from './istio-service-entry-named-hosts';
import { k8sNamespaceNetworkPolicy } from './namespace-network-policy';
import { k8sNamespacePodSecurity } from './namespace-pod-security';
import { kubeBenchJobLeastPrivilege } from './kube-bench-job';
import { k8sRbacAdmissionConfiguration } from './rbac-admission-configuration';
import { k8sRbacClusterAdmin } from './rbac-cluster-admin';
import { k8sRbacCsrApproval } from './rbac-csr-approval';
import { k8sRbacEscalation } from './rbac-escalation';
import { k8sRbacNodeProxy } from './rbac-node-proxy';
import { k8sRbacPersistentVolumeCreate } from './rbac-persistent-volume-create';
import { k8sRbacPodCreate } from './rbac-pod-create';
import { k8sRbacSecretsRead } from './rbac-secrets-read';
import { k8sRbacServiceAccountToken } from './rbac-service-account-token';
import { k8sRbacWildcards } from './rbac-wildcards';
import { k8sRuntimeThreatDetection } from './runtime-threat-detection';

/** Every kubernetes rule, in the order packs list them. */
export const KUBERNETES_RULES: IComplianceRule[] = [
  k8sNamespacePodSecurity,
  k8sNamespaceNetworkPolicy,
  k8sDefaultServiceAccountToken,
  gatekeeperConstraintEnforced,
  gatekeeperAllowedRegistries,
  gatekeeperConstraintExemptions,
  gatekeeperTemplateUnchanged,
  istioMtlsStrict,
  istioAllowNothing,
  istioOutboundRegistryOnly,
  istioServiceEntryNamedHosts,
  k8sImageVulnerabilityScanning,
  k8sRuntimeThreatDetection,
  k8sCisNodeScan,
  helmHardenedValues,
  kubeBenchJobLeastPrivilege,
  k8sRbacClusterAdmin,
  k8sRbacSecretsRead,
  k8sRbacWildcards,
  k8sRbacPodCreate,
  k8sRbacEscalation,
  k8sRbacPersistentVolumeCreate,
  k8sRbacNodeProxy,
  k8sRbacCsrApproval,
  k8sRbacAdmissionConfiguration,
  k8sRbacServiceAccountToken,
];
