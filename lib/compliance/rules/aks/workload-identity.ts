import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Workloads use their own federated identities (workload identity + OIDC issuer), never the node identity. */
export const aksWorkloadIdentity = defineRule(
  {
    id: 'aks-workload-identity',
    title: 'AKS workload identity and OIDC issuer are enabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster workloadIdentityEnabled and oidcIssuerEnabled true; give each workload a WorkloadIdentity.',
    remediationTargets: ['HardenedAksClusterProps.workloadIdentityEnabled', 'HardenedAksClusterProps.oidcIssuerEnabled', 'WorkloadIdentity'],
    cisControls: [cisAks('5.2.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: oidc_issuer_enabled = true, workload_identity_enabled = true',
  },
  (r) => {
    const oidc = valueOr(r, 'oidc_issuer_enabled', false);
    const wi = valueOr(r, 'workload_identity_enabled', false);
    return check(oidc === true && wi === true, `oidc_issuer_enabled=${oidc}, workload_identity_enabled=${wi}`);
  },
);
