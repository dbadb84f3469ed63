// Registry access rules (CIS AKS 1.8 5.1.2): one small pure rule each.
import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const REGISTRY = 'azurerm_container_registry';

/** No shared admin username and password. */
export const acrAdminDisabled = defineRule(
  {
    id: 'acr-admin-disabled',
    title: 'Container registry admin user is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep adminEnabled false; grant Entra ID identities AcrPull/AcrPush instead.',
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: admin_enabled = false',
  },
  (r) => check(valueOr(r, 'admin_enabled', false) === false, 'admin_enabled = true'),
);

/** The registry is reachable over its private endpoint only. */
export const acrPublicNetworkDisabled = defineRule(
  {
    id: 'acr-public-network-disabled',
    title: 'Container registry public network access is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep publicNetworkAccessEnabled false and pull through the private endpoint.',
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: public_network_access_enabled = false',
  },
  (r) => check(valueOr(r, 'public_network_access_enabled', true) === false, 'public network access enabled (provider default)'),
);

/** Nobody pulls without authenticating. */
export const acrAnonymousPullDisabled = defineRule(
  {
    id: 'acr-anonymous-pull-disabled',
    title: 'Container registry anonymous pull is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Keep anonymous pull off.',
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: anonymous_pull_enabled = false',
  },
  (r) => check(valueOr(r, 'anonymous_pull_enabled', false) === false, 'anonymous_pull_enabled = true'),
);

/** Premium with quarantine, retention and content trust. */
export const acrHardenedFeatures = defineRule(
  {
    id: 'acr-hardened-features',
    title: 'Container registry is Premium with quarantine, retention and content trust',
    severity: RuleSeverity.WARNING,
    remediation: 'Use HardenedContainerRegistry (Premium, quarantine_policy_enabled, retention_policy_in_days, trust_policy_enabled).',
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
