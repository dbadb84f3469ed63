import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const REGISTRY = 'azurerm_container_registry';

/** The registry is reachable over its private endpoint only. */
export const acrPublicNetworkDisabled = defineRule(
  {
    id: 'acr-public-network-disabled',
    title: 'Container registry public network access is disabled',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedContainerRegistry publicNetworkAccessEnabled false and pull through its private endpoint (privateEndpointSubnetId).',
    remediationTargets: ['HardenedContainerRegistryProps.publicNetworkAccessEnabled', 'HardenedContainerRegistryProps.privateEndpointSubnetId'],
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: public_network_access_enabled = false',
  },
  (r) => check(valueOr(r, 'public_network_access_enabled', true) === false, 'public network access enabled (provider default)'),
);
