import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const REGISTRY = 'azurerm_container_registry';

/** Nobody pulls without authenticating. */
export const acrAnonymousPullDisabled = defineRule(
  {
    id: 'acr-anonymous-pull-disabled',
    title: 'Container registry anonymous pull is disabled',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedContainerRegistry (anonymous pull is always off), or set anonymous_pull_enabled = false.',
    remediationTargets: ['HardenedContainerRegistry'],
    cisControls: [cisAks('5.1.2')],
    resourceTypes: [REGISTRY],
    constructDefault: 'HardenedContainerRegistry: anonymous_pull_enabled = false',
  },
  (r) => check(valueOr(r, 'anonymous_pull_enabled', false) === false, 'anonymous_pull_enabled = true'),
);
