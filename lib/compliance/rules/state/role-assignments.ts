import { compliant, defineRule, nonCompliant, notApplicable, references } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { accountOfContainer, stateAccounts, STORAGE_CONTAINER } from './state-account';

/** Data roles a pipeline needs on the state container: read and write blobs, take leases (locks). */
const CONTAINER_ROLES = ['Storage Blob Data Contributor', 'Storage Blob Data Reader'];
const CONTAINER_PATH = /\/blobServices\/default\/containers\/[^/]+\/?$/;

/**
 * Access to state is a data role on the state container: no role on the account itself (Contributor
 * and the key roles can list keys or turn shared keys back on; account-wide data roles reach every
 * container), and no owner-level data role.
 */
export const stateLeastPrivilegeRoles = defineRule(
  {
    id: 'state-least-privilege-roles',
    title: 'Role assignments on state are Storage Blob Data Contributor or Reader on the state container only',
    severity: RuleSeverity.ERROR,
    remediation:
      'Grant pipeline identities through HardenedStateBackend pipelinePrincipalIds (Storage Blob Data Contributor on the container); remove roles assigned on the state account itself.',
    remediationTargets: ['HardenedStateBackendProps.pipelinePrincipalIds'],
    cisControls: [],
    resourceTypes: ['azurerm_role_assignment'],
    constructDefault: 'HardenedStateBackend pipelinePrincipalIds: Storage Blob Data Contributor on the container',
  },
  (assignment, context) => {
    const scope = assignment.config.scope;
    const account = stateAccounts(context).find((a) => references(scope, a));
    // "<account id>/blobServices/default/containers/<name>" is the container, written by hand.
    const onContainerPath = typeof scope === 'string' && CONTAINER_PATH.test(scope);
    const container = context.resourcesOfType(STORAGE_CONTAINER).find((c) => references(scope, c) && accountOfContainer(c, context));
    if (!account && !container) {
      return notApplicable('not scoped to a Terraform state account or container of this stack');
    }
    const role = assignment.get('role_definition_name');
    if (role === undefined) {
      return nonCompliant('role given by role_definition_id; assign a state role by name');
    }
    if (account && !onContainerPath) {
      return nonCompliant(`${role} on the state account itself; assign ${CONTAINER_ROLES.join(' or ')} on the container`);
    }
    return CONTAINER_ROLES.includes(role) ? compliant(role) : nonCompliant(`${role} on the state container; allowed: ${CONTAINER_ROLES.join(', ')}`);
  },
);
