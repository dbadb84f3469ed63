// Internal: the backend and remote state reads of a checked stack, as the state rules see them.
import { FinalBackend, RemoteStateRead } from '../../../azure/state/backend-checks';
import { BACKEND_TYPE } from '../../rule-context';
import { IResolvedResource, IRuleContext } from '../../types';

/** The backend an item of type `terraform_backend` stands for (its name is the type, or `cloud`). */
export function backendOf(item: IResolvedResource): FinalBackend {
  return { type: item.name, config: item.config ?? {} };
}

/** The backends of a stack. */
export function backendsOfStack(context: IRuleContext): FinalBackend[] {
  return context.resourcesOfType(BACKEND_TYPE).map(backendOf);
}

/** The read a `data.terraform_remote_state` item stands for. */
export function readOf(item: IResolvedResource): RemoteStateRead {
  return { backend: String(item.config.backend), config: item.config.config ?? {} };
}

/** `stack "network": the azurerm backend`, `stack "network": data.terraform_remote_state.x`: where a problem is. */
export function whereOf(item: IResolvedResource, context: IRuleContext): string {
  const stack = `stack ${JSON.stringify(context.stackName)}`;
  return item.terraformType === BACKEND_TYPE ? `${stack}: the ${item.name} ${item.name === 'cloud' ? 'block' : 'backend'}` : `${stack}: ${item.address}`;
}
