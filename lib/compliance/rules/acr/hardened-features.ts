import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const REGISTRY = 'azurerm_container_registry';

/** Premium with quarantine, retention and content trust. */
export const acrHardenedFeatures = defineRule(
  {
    id: 'acr-hardened-features',
    title: 'Container registry is Premium with quarantine, retention and content trust',
    severity: RuleSeverity.WARNING,
    remediation:
      'Use HardenedContainerRegistry (Premium, with quarantinePolicyEnabled and retentionDays), or set quarantine_policy_enabled, retention_policy_in_days and trust_policy_enabled.',
    remediationTargets: ['HardenedContainerRegistryProps.quarantinePolicyEnabled', 'HardenedContainerRegistryProps.retentionDays'],
    cisControls: [],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: Premium, quarantine, 7-day retention, trust policy',
  },
  (r) => {
    const missing = [
      valueOr(r, 'sku', 'Basic') === 'Premium' ? undefined : 'Premium SKU',
      valueOr(r, 'quarantine_policy_enabled', false) === true ? undefined : 'quarantine',
      r.has('retention_policy_in_days') ? undefined : 'retention',
      valueOr(r, 'trust_policy_enabled', false) === true ? undefined : 'content trust',
    ].filter((m): m is string => !!m);
    return check(missing.length === 0, `missing: ${missing.join(', ')}`);
  },
);
