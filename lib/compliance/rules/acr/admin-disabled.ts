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
    remediation:
      'Keep HardenedContainerRegistry adminEnabled false; grant Entra ID identities AcrPull/AcrPush with HardenedContainerRegistry.grantPull and HardenedContainerRegistry.grantPush.',
    remediationTargets: ['HardenedContainerRegistryProps.adminEnabled', 'HardenedContainerRegistry.grantPull', 'HardenedContainerRegistry.grantPush'],
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: admin_enabled = false',
  },
  (r) => check(valueOr(r, 'admin_enabled', false) === false, 'admin_enabled = true'),
);
