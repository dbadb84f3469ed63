import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** A financially backed API server SLA for production. */
export const aksStandardTier = defineRule(
  {
    id: 'aks-standard-tier',
    title: 'AKS runs on the Standard or Premium tier (API server SLA)',
    severity: RuleSeverity.WARNING,
    remediation: 'Keep HardenedAksCluster skuTier at AksSkuTier.STANDARD (or AksSkuTier.PREMIUM).',
    remediationTargets: ['HardenedAksClusterProps.skuTier', 'AksSkuTier.STANDARD', 'AksSkuTier.PREMIUM'],
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: sku_tier = Standard',
  },
  (r) => {
    const tier = valueOr(r, 'sku_tier', 'Free');
    return check(tier === 'Standard' || tier === 'Premium', `sku_tier = ${tier}`);
  },
);
