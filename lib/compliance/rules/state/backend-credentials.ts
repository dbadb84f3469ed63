import { credentialProblems } from '../../../azure/state/backend-checks';
import { check, defineRule } from '../../define-rule';
import { BACKEND_TYPE, DATA_PREFIX } from '../../rule-context';
import { RuleSeverity } from '../../types';
import { backendOf, readOf, whereOf } from './backend-facts';

/**
 * No backend or remote state read carries a credential (a shared key, SAS token, client secret or API
 * token written into the configuration) and an azurerm one uses Entra ID. Not waivable: the credential
 * would sit in the configuration and the plan.
 */
export const stateBackendNoCredentials = defineRule(
  {
    id: 'state-backend-no-credentials',
    title: 'No backend or remote state read carries a credential; azurerm ones authenticate with Entra ID (not waivable)',
    severity: RuleSeverity.ERROR,
    waivable: false,
    remediation:
      "Remove the key, SAS token, client credential or token from the backend and the remote state reads, and let RemoteState.azureStorage set use_azuread_auth; the credential comes from the runner's environment (workload identity, managed identity, Azure CLI, or terraform login).",
    remediationTargets: ['RemoteState.azureStorage'],
    cisControls: [],
    resourceTypes: [BACKEND_TYPE, `${DATA_PREFIX}terraform_remote_state`],
    constructDefault: 'RemoteState: no credential in any backend or read; use_azuread_auth = true',
  },
  (item, context) => {
    const where = whereOf(item, context);
    const problems = item.terraformType === BACKEND_TYPE ? credentialProblems(where, item.name, backendOf(item).config) : credentialProblems(where, readOf(item).backend, readOf(item).config);
    return check(problems.length === 0, problems.join(' '));
  },
);
