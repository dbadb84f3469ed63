import { check, defineRule, notApplicable, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { accountOfContainer, STORAGE_CONTAINER } from './state-account';

/** The state container admits no anonymous reads. */
export const stateContainerPrivate = defineRule(
  {
    id: 'state-container-private',
    title: 'State container access type is private',
    severity: RuleSeverity.ERROR,
    remediation: 'Use HardenedStateBackend, or set container_access_type = "private" on the azurerm_storage_container.',
    remediationTargets: ['HardenedStateBackend'],
    cisControls: [],
    resourceTypes: [STORAGE_CONTAINER],
    constructDefault: 'HardenedStateBackend: container_access_type = "private"',
  },
  (container, context) => {
    if (!accountOfContainer(container, context)) {
      return notApplicable('not a container of a Terraform state account in this stack');
    }
    const access = valueOr(container, 'container_access_type', 'private');
    return check(access === 'private', `container_access_type=${access}`);
  },
);
