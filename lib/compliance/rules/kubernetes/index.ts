import { IComplianceRule } from '../../types';
import { k8sCisNodeScan } from './cis-node-scan';
import { k8sDefaultServiceAccountToken } from './default-service-account-token';
import { gatekeeperAllowedRegistries } from './gatekeeper-allowed-registries';
import { gatekeeperConstraintExemptions } from './gatekeeper-constraint-exemptions';
import { gatekeeperConstraintEnforced } from './gatekeeper-constraint-enforced';
import { helmHardenedValues } from './helm-hardened-values';
import { k8sImageVulnerabilityScanning } from './image-vulnerability-scanning';
import { istioAllowNothing } from './istio-allow-nothing';
import { istioMtlsStrict } from './istio-mtls-strict';
import { k8sNamespaceNetworkPolicy } from './namespace-network-policy';
import { k8sNamespacePodSecurity } from './namespace-pod-security';
import { k8sRuntimeThreatDetection } from './runtime-threat-detection';

/** Every kubernetes rule, in the order packs list them. */
export const KUBERNETES_RULES: IComplianceRule[] = [
  k8sNamespacePodSecurity,
  k8sNamespaceNetworkPolicy,
  k8sDefaultServiceAccountToken,
  gatekeeperConstraintEnforced,
  gatekeeperAllowedRegistries,
  gatekeeperConstraintExemptions,
  istioMtlsStrict,
  istioAllowNothing,
  k8sImageVulnerabilityScanning,
  k8sRuntimeThreatDetection,
  k8sCisNodeScan,
  helmHardenedValues,
];
