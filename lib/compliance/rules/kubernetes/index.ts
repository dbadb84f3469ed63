import { IComplianceRule } from '../../types';
import { k8sDefaultServiceAccountToken } from './default-service-account-token';
import { gatekeeperAllowedRegistries } from './gatekeeper-allowed-registries';
import { gatekeeperConstraintEnforced } from './gatekeeper-constraint-enforced';
import { helmHardenedValues } from './helm-hardened-values';
import { istioMtlsStrict } from './istio-mtls-strict';
import { k8sNamespaceNetworkPolicy } from './namespace-network-policy';
import { k8sNamespacePodSecurity } from './namespace-pod-security';
import { kubeBenchJobLeastPrivilege } from './kube-bench-job';

/** Every kubernetes rule, in the order packs list them. */
export const KUBERNETES_RULES: IComplianceRule[] = [
  k8sNamespacePodSecurity,
  k8sNamespaceNetworkPolicy,
  k8sDefaultServiceAccountToken,
  gatekeeperConstraintEnforced,
  gatekeeperAllowedRegistries,
  istioMtlsStrict,
  helmHardenedValues,
  kubeBenchJobLeastPrivilege,
];
