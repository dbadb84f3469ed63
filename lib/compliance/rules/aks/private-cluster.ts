import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** The API server has no public endpoint: private cluster with no public FQDN. */
export const aksPrivateCluster = defineRule(
  {
    id: 'aks-private-cluster',
    title: 'AKS API server is private (private cluster, no public FQDN)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedAksCluster apiServerAccess at ApiServerAccess.PRIVATE, or waive with the reason the public endpoint is needed.',
    remediationTargets: ['HardenedAksClusterProps.apiServerAccess', 'ApiServerAccess.PRIVATE'],
    cisControls: [cisAks('5.4.2')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: private_cluster_enabled = true, private_cluster_public_fqdn_enabled = false',
  },
  (r) => {
    const privateCluster = valueOr(r, 'private_cluster_enabled', false);
    const publicFqdn = valueOr(r, 'private_cluster_public_fqdn_enabled', false);
    return check(
      privateCluster === true && publicFqdn === false,
      `private_cluster_enabled=${privateCluster}, private_cluster_public_fqdn_enabled=${publicFqdn}`,
    );
  },
);
