import { backendSettingProblems } from '../../../azure/state/backend-checks';
import { check, defineRule, nonCompliant } from '../../define-rule';
import { BACKEND_TYPE } from '../../rule-context';
import { RuleSeverity } from '../../types';
import { backendOf, backendsOfStack, whereOf } from './backend-facts';
import { stateAccounts } from './state-account';

/**
 * Every stack keeps its state in one remote backend (azurerm with Entra ID, or an HCP Terraform cloud
 * block with one named workspace), with no path of the machine that ran synth. Only the stack that
 * creates the state account may keep its state in a relative local file, until it migrates.
 */
export const stateBackendRemote = defineRule(
  {
    id: 'state-backend-remote',
    title: 'Every stack keeps its state in one remote backend (azurerm or HCP Terraform), never a local file or a machine path',
    severity: RuleSeverity.ERROR,
    remediation:
      'Call RemoteState.azureStorage or RemoteState.hcpTerraform (or HardenedStateBackend.useForEveryStack) once every stack exists, and change backends through them only, not with overrides.',
    remediationTargets: ['RemoteState.azureStorage', 'RemoteState.hcpTerraform', 'HardenedStateBackend.useForEveryStack'],
    cisControls: [],
    resourceTypes: [BACKEND_TYPE],
    constructDefault: 'RemoteState: azurerm backend with use_azuread_auth and one key per stack, or a cloud block with one workspace per stack',
  },
  (item, context) => {
    const backends = backendsOfStack(context);
    if (backends.length > 1) {
      return nonCompliant(
        `stack ${JSON.stringify(context.stackName)} has several backends (${backends.map((b) => b.type).join(', ')}). Allowed: exactly one. Fix: remove the other backends or overrides.`,
      );
    }
    // The bootstrap (HardenedStateBackend) creates the state account, so its own state starts local.
    const problems = backendSettingProblems(whereOf(item, context), backendOf(item), stateAccounts(context).length > 0);
    return check(problems.length === 0, problems.join(' '));
  },
);
