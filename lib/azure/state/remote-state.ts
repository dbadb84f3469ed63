import { App, AzurermBackend, CloudBackend, NamedCloudWorkspace, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { HardenedK8sError, invalidProp, missingProp } from '../../errors';
import { libraryApp, requireLibraryStack } from '../../scope';
import { optionalGuid, requireLiteral, stateKey, validateContainerName, validateKeyPrefix, validateStorageAccountName, validateWorkspaceName } from './state-names';
import { stateLocationId } from './backend-checks';
import { backendsOf, StateRegistry } from './state-registry';

/** Props of {@link RemoteState.azureStorage}. */
export interface AzureStorageStateProps {
  /**
   * The state storage account: 3-24 lower-case letters and digits, a literal (Terraform reads backend
   * settings before any expression), e.g. `HardenedStateBackend.storageAccountName`.
   */
  readonly storageAccountName: string;
  /**
   * Blob container holding the state files.
   * @default "tfstate"
   */
  readonly containerName?: string;
  /**
   * Prefix of every state key, e.g. `prod/westeurope`: keys become `<prefix>/<stack>.tfstate`. Give
   * each app (repository) that shares a container its own prefix.
   * @default - no prefix: keys are `<stack>.tfstate`
   */
  readonly keyPrefix?: string;
  /**
   * Subscription of the storage account (a literal GUID).
   * @default - the runner's ARM_SUBSCRIPTION_ID
   */
  readonly subscriptionId?: string;
  /**
   * Entra ID tenant of the storage account (a literal GUID).
   * @default - the runner's ARM_TENANT_ID
   */
  readonly tenantId?: string;
  /**
   * The stacks to configure, e.g. those of one environment of a fleet when environments keep state in
   * different accounts.
   * @default - every stack of the app that has no backend yet
   */
  readonly stacks?: TerraformStack[];
}

/** Props of {@link RemoteState.hcpTerraform}. */
export interface HcpTerraformStateProps {
  /** HCP Terraform (or Terraform Enterprise) organization. */
  readonly organization: string;
  /**
   * Prefix of every workspace name: each stack gets the workspace `<prefix><stack>`.
   * @default - no prefix: each workspace is named like its stack
   */
  readonly workspacePrefix?: string;
  /**
   * HCP Terraform project of the workspaces.
   * @default - the organization's default project
   */
  readonly project?: string;
  /**
   * Host of Terraform Enterprise.
   * @default "app.terraform.io"
   */
  readonly hostname?: string;
  /**
   * The stacks to configure.
   * @default - every stack of the app that has no backend yet
   */
  readonly stacks?: TerraformStack[];
}

const ORGANIZATION = /^[A-Za-z0-9_-]+$/;
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?$/;
const WORKSPACE_PREFIX = /^[A-Za-z0-9_-]*$/;

/**
 * Remote state for every stack of an app, in one call: an `azurerm` backend with Entra ID auth and one
 * state key per stack (`RemoteState.azureStorage`), or an HCP Terraform workspace per stack
 * (`RemoteState.hcpTerraform`). No access key, SAS token or API token is ever written: at synth every
 * stack's final backend and every cross-stack read (`terraform_remote_state`) is checked, and a
 * credential, a local state file, a machine path, a shared key or a read from the wrong place fails
 * synth. Call it after creating every stack.
 */
export class RemoteState {
  /** Keeps the state of the app's stacks in blobs of an Azure storage account, read and written with Entra ID. */
  public static azureStorage(scope: IConstruct, props: AzureStorageStateProps): RemoteState {
    const construct = 'RemoteState.azureStorage';
    const p = requireProps(construct, scope, props);
    const account = validateStorageAccountName(construct, 'storageAccountName', p.storageAccountName);
    const container = validateContainerName(construct, 'containerName', p.containerName ?? 'tfstate');
    const prefix = p.keyPrefix === undefined ? undefined : validateKeyPrefix(construct, 'keyPrefix', p.keyPrefix);
    const subscriptionId = optionalGuid(construct, 'subscriptionId', p.subscriptionId);
    const tenantId = optionalGuid(construct, 'tenantId', p.tenantId);
    const registry = StateRegistry.of(scope);
    const stacks = selectStacks(construct, scope, registry, p.stacks);
    const locations = new Map<TerraformStack, string>();
    for (const stack of stacks) {
      const key = stateKey(prefix, stack.node.id);
      registry.claim(construct, stateLocationId({ type: 'azurerm', config: { storage_account_name: account, container_name: container, key } }), stack);
      new AzurermBackend(stack, { storageAccountName: account, containerName: container, key, useAzureadAuth: true, subscriptionId, tenantId });
      registry.add(stack, false);
      locations.set(stack, key);
    }
    return new RemoteState(locations);
  }

  /** Keeps the state of each of the app's stacks in its own HCP Terraform workspace (a `cloud` block). */
  public static hcpTerraform(scope: IConstruct, props: HcpTerraformStateProps): RemoteState {
    const construct = 'RemoteState.hcpTerraform';
    const p = requireProps(construct, scope, props);
    const organization = requireLiteral(construct, 'organization', p.organization, 'name the HCP Terraform organization');
    if (!ORGANIZATION.test(organization)) {
      throw invalidProp(construct, 'organization', organization, 'letters, digits, "_" and "-"', 'use the organization name as HCP Terraform shows it');
    }
    const prefix = p.workspacePrefix === undefined ? '' : requireLiteral(construct, 'workspacePrefix', p.workspacePrefix, 'give a prefix such as "platform-", or leave it out');
    if (!WORKSPACE_PREFIX.test(prefix)) {
      throw invalidProp(construct, 'workspacePrefix', prefix, 'letters, digits, "_" and "-"', 'use a prefix such as "platform-"');
    }
    const hostname = p.hostname === undefined ? undefined : requireLiteral(construct, 'hostname', p.hostname, 'give the Terraform Enterprise host, or leave it out');
    if (hostname !== undefined && !HOSTNAME.test(hostname)) {
      throw invalidProp(construct, 'hostname', hostname, 'a host name, optionally with a port (no scheme or path)', 'use a host such as "tfe.example.com"');
    }
    const project = p.project === undefined ? undefined : requireLiteral(construct, 'project', p.project, 'name the HCP Terraform project, or leave it out');
    const registry = StateRegistry.of(scope);
    const stacks = selectStacks(construct, scope, registry, p.stacks);
    const locations = new Map<TerraformStack, string>();
    for (const stack of stacks) {
      const workspace = validateWorkspaceName(construct, 'workspacePrefix', `${prefix}${stack.node.id}`);
      registry.claim(construct, stateLocationId({ type: 'cloud', config: { hostname, organization, workspaces: { name: workspace } } }), stack);
      new CloudBackend(stack, { organization, hostname, workspaces: new NamedCloudWorkspace(workspace, project) });
      registry.add(stack, false);
      locations.set(stack, workspace);
    }
    return new RemoteState(locations);
  }

  private readonly locations: Map<TerraformStack, string>;

  private constructor(locations: Map<TerraformStack, string>) {
    this.locations = locations;
  }

  /** The stacks this call configured. */
  public get stacks(): TerraformStack[] {
    return [...this.locations.keys()];
  }

  /** Where a stack configured by this call keeps its state: the blob key, or the HCP Terraform workspace. */
  public locationOf(stack: TerraformStack): string {
    const location = this.locations.get(stack);
    if (location === undefined) {
      throw new HardenedK8sError(
        `RemoteState.locationOf: stack ${JSON.stringify(stack?.node?.path ?? stack)} was not configured by this call. Allowed: one of ${this.stacks.map((s) => JSON.stringify(s.node.id)).join(', ')}. Fix: ask the RemoteState that configured the stack.`,
      );
    }
    return location;
  }
}

function requireProps<T>(construct: string, scope: IConstruct, props: T): T {
  if (!scope || !scope.node) {
    throw missingProp(construct, 'scope', 'pass the app, or any construct in it');
  }
  // A cdktn app (or a second cdktf) would take the backends and fail at synth with a TypeError.
  libraryApp(scope, construct);
  if (!props || typeof props !== 'object') {
    throw missingProp(construct, 'props', 'pass the state settings');
  }
  return props;
}

/**
 * The stacks a call configures: the given ones, or every stack of the app without a backend. Stacks
 * that already have one (the user's own, or a state bootstrap stack) are checked all the same.
 */
function selectStacks(construct: string, scope: IConstruct, registry: StateRegistry, given: TerraformStack[] | undefined): TerraformStack[] {
  const app = App.of(scope);
  const all = app.node.findAll().filter(TerraformStack.isStack);
  // Every stack gets a backend or is checked, so each must be of the library's framework.
  all.forEach((stack) => requireLibraryStack(stack, construct));
  for (const stack of all.filter((s) => backendsOf(s).length > 0)) {
    registry.add(stack, false);
  }
  if (given === undefined) {
    const open = all.filter((s) => backendsOf(s).length === 0);
    if (open.length === 0) {
      throw new HardenedK8sError(
        `${construct}: the app has no stack without a backend to configure. Allowed: call it after creating the stacks, once for each group of stacks. Fix: create the stacks first, or pass them in the stacks prop.`,
      );
    }
    return open;
  }
  if (!Array.isArray(given) || given.length === 0) {
    throw invalidProp(construct, 'stacks', given, 'a non-empty list of stacks of this app', 'list the stacks, or leave stacks out to configure every stack without a backend');
  }
  const seen = new Set<TerraformStack>();
  for (const stack of given) {
    if (!TerraformStack.isStack(stack) || !all.includes(stack)) {
      throw invalidProp(construct, 'stacks', (stack as any)?.node?.path ?? stack, 'stacks of the app this call configures', 'pass TerraformStack instances created in this app');
    }
    if (seen.has(stack)) {
      throw invalidProp(construct, 'stacks', stack.node.path, 'each stack once', 'remove the repeated stack');
    }
    seen.add(stack);
    if (backendsOf(stack).length > 0) {
      throw invalidProp(
        construct,
        'stacks',
        stack.node.path,
        'stacks without a backend',
        `stack ${JSON.stringify(stack.node.path)} already has a backend: remove it, or leave the stack out (its backend is checked either way)`,
      );
    }
  }
  return [...given];
}
