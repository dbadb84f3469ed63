import { stateLocationId } from '../../../azure/state/backend-checks';
import { check, defineRule, notApplicable } from '../../define-rule';
import { BACKEND_TYPE } from '../../rule-context';
import { RuleSeverity } from '../../types';
import { backendOf, backendsOfStack } from './backend-facts';

const REMOTE = ['azurerm', 'cloud'];

/** No two stacks of the app keep their state in one place (each apply would overwrite the other's state). */
export const stateLocationUnique = defineRule(
  {
    id: 'state-location-unique',
    title: 'Every stack keeps its state in a place of its own (one key or workspace per stack)',
    severity: RuleSeverity.ERROR,
    remediation: 'Remove the override that changed the key or workspace, or give the stacks different names (RemoteState derives the key from the stack name).',
    remediationTargets: ['RemoteState.azureStorage', 'RemoteState.hcpTerraform'],
    cisControls: [],
    resourceTypes: [BACKEND_TYPE],
    constructDefault: 'RemoteState: <keyPrefix>/<stack>.tfstate, or one workspace per stack',
  },
  (item, context) => {
    const backend = backendOf(item);
    if (!REMOTE.includes(backend.type)) {
      return notApplicable(`a ${backend.type} backend (judged by state-backend-remote)`);
    }
    const location = stateLocationId(backend);
    const others = context
      .appStacks()
      .filter((s) => s.stackName !== context.stackName && backendsOfStack(s).some((b) => REMOTE.includes(b.type) && stateLocationId(b) === location))
      .map((s) => JSON.stringify(s.stackName));
    return check(
      others.length === 0,
      `stacks ${[JSON.stringify(context.stackName), ...others].sort().join(' and ')} both keep their state in ${location}. Allowed: one state key (or workspace) per stack.`,
    );
  },
);
