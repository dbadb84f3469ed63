import { cisAks } from '../../../cis/refs';
import { check, compliant, defineRule, literalList, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const OPEN = new Set(['0.0.0.0/0', '0.0.0.0/1', '128.0.0.0/1', '*']);

/** The API server endpoint is private, or public but limited to authorized ranges that are not the internet. */
export const aksApiServerAccess = defineRule(
  {
    id: 'aks-api-server-access-restricted',
    title: 'AKS API server is private or restricted to authorized IP ranges',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep HardenedAksCluster apiServerAccess at ApiServerAccess.PRIVATE, or list narrow authorizedIpRanges (never 0.0.0.0/0).',
    remediationTargets: ['HardenedAksClusterProps.apiServerAccess', 'ApiServerAccess.PRIVATE', 'HardenedAksClusterProps.authorizedIpRanges'],
    cisControls: [cisAks('5.4.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: private_cluster_enabled = true',
  },
  (r) => {
    if (valueOr(r, 'private_cluster_enabled', false) === true) {
      return compliant('private API server');
    }
    const ranges = literalList(r, 'api_server_access_profile.authorized_ip_ranges');
    return check(
      ranges.length > 0 && !ranges.some((range) => OPEN.has(range)),
      ranges.length === 0 ? 'public API server without authorized IP ranges' : `authorized ranges open to the internet: ${ranges.join(', ')}`,
    );
  },
);
