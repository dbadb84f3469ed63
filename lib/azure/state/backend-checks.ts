// Internal: what the state settings of a synthesized stack must look like, the facts the state rules of
// TerraformStatePack judge. Pure functions over the final Terraform JSON (overrides included), so an
// escape hatch cannot hide a shared key, a SAS token, a machine path or a cross-stack read from the
// wrong place.

/** Backend types a stack may keep its state in once remote state is configured. */
const REMOTE_BACKENDS = ['azurerm', 'cloud'];

/** azurerm backend settings that carry a credential: Entra ID makes every one of them unnecessary. */
const AZURERM_CREDENTIALS = ['access_key', 'sas_token', 'client_secret', 'client_certificate', 'client_certificate_password', 'oidc_token', 'oidc_request_token'];

/** The HCP Terraform host a cloud block or remote backend uses when it names none. */
const HCP_DEFAULT_HOST = 'app.terraform.io';

/** The backend of a stack as Terraform will see it; `cloud` stands for the `terraform.cloud` block. */
export interface FinalBackend {
  readonly type: string;
  readonly config: Record<string, any>;
}

/** The backend (or cloud block) of a synthesized stack; several when the configuration is ambiguous. */
export function finalBackends(stackJson: any): FinalBackend[] {
  const backends: FinalBackend[] = Object.entries<any>(stackJson?.terraform?.backend ?? {}).map(([type, config]) => ({ type, config: config ?? {} }));
  if (stackJson?.terraform?.cloud) {
    backends.push({ type: 'cloud', config: stackJson.terraform.cloud });
  }
  return backends;
}

/** True for a path that names a place on one machine (`/home/...`, `C:\...`, `\\server\...`). */
export function isMachinePath(value: unknown): boolean {
  return typeof value === 'string' && /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value);
}

/** Settings of a backend block (or remote state config) whose value is a path on the machine that ran synth. */
function machinePaths(config: Record<string, any>): string[] {
  return Object.keys(config)
    .filter((key) => isMachinePath(config[key]))
    .sort();
}

/** A credential or shared-key setting in a backend or remote state read: never acceptable, waiver or not. */
export function credentialProblems(where: string, type: string, config: Record<string, any>): string[] {
  const problems: string[] = [];
  const credentials = type === 'azurerm' ? AZURERM_CREDENTIALS.filter((key) => config[key] !== undefined && config[key] !== null) : [];
  if (credentials.length) {
    problems.push(
      `${where} sets ${credentials.join(', ')} (a shared key, SAS token or client credential written into the configuration and the plan). ` +
        'Allowed: Entra ID with use_azuread_auth = true and the credential from the runner\'s environment (workload identity / OIDC, managed identity or Azure CLI). ' +
        'Fix: remove the setting and give the pipeline identity Storage Blob Data Contributor on the state container.',
    );
  }
  if ((type === 'cloud' || type === 'remote') && config.token !== undefined && config.token !== null) {
    problems.push(
      `${where} sets token (an HCP Terraform API token written into the configuration). ` +
        'Allowed: the token from `terraform login` or the TF_TOKEN_<host> environment variable. Fix: remove token.',
    );
  }
  if (type === 'azurerm' && config.use_azuread_auth !== true) {
    problems.push(
      `${where} has use_azuread_auth = ${JSON.stringify(config.use_azuread_auth ?? null)}: without it Terraform lists the account's shared keys to read the state. ` +
        'Allowed: use_azuread_auth = true. Fix: set it (RemoteState.azureStorage does).',
    );
  }
  return problems;
}

function machinePathProblem(where: string, paths: string[]): string {
  return (
    `${where} sets ${paths.join(', ')} to an absolute path of the machine that ran synth, so the configuration works on that machine only. ` +
    'Allowed: remote state, or a path relative to the stack directory. Fix: use RemoteState, or give a relative path.'
  );
}

/**
 * Problems of one backend block of a stack, credentials aside (see `credentialProblems`).
 * `localStateAllowed` is true for a state bootstrap stack before its state moves into the account it
 * creates.
 */
export function backendSettingProblems(where: string, backend: FinalBackend, localStateAllowed: boolean): string[] {
  const problems: string[] = [];
  if (backend.type === 'local') {
    if (isMachinePath(backend.config.path)) {
      problems.push(
        `${where} keeps its state in a local file at an absolute path of the machine that ran synth (${JSON.stringify(backend.config.path)}): ` +
          'cdktf writes that when no RemoteState call configured the stack (it was created after the call, or the call was never made), so the configuration works on that machine only. ' +
          'Allowed: an azurerm backend with Entra ID auth or an HCP Terraform cloud block. ' +
          'Fix: call RemoteState.azureStorage / hcpTerraform (or HardenedStateBackend.useForEveryStack) after creating every stack, or pass the stack in its stacks prop.',
      );
      return problems;
    }
    if (!localStateAllowed) {
      problems.push(
        `${where} keeps its state in a local file (${JSON.stringify(backend.config.path ?? null)}): not shared between runners, not locked, not versioned. ` +
          'Allowed: an azurerm backend with Entra ID auth or an HCP Terraform cloud block; only a HardenedStateBackend stack keeps local state, until its first apply. ' +
          'Fix: create the stack before calling RemoteState.azureStorage / hcpTerraform, or pass it in their stacks prop.',
      );
    }
    return problems;
  }
  if (!REMOTE_BACKENDS.includes(backend.type)) {
    problems.push(
      `${where} uses the ${backend.type} backend. Allowed: azurerm (Entra ID auth) or an HCP Terraform cloud block. Fix: configure the stack with RemoteState.azureStorage or RemoteState.hcpTerraform.`,
    );
  }
  const paths = machinePaths(backend.config);
  if (paths.length) {
    problems.push(machinePathProblem(where, paths));
  }
  if (backend.type === 'azurerm' && typeof backend.config.key !== 'string') {
    problems.push(`${where} has no literal key. Allowed: one state key per stack. Fix: let RemoteState.azureStorage set the key.`);
  }
  if (backend.type === 'cloud' && (typeof backend.config.workspaces?.name !== 'string' || backend.config.workspaces?.tags !== undefined)) {
    problems.push(
      `${where} selects workspaces by tags, so the stack's state (and the cross-stack reads of it) has no single workspace. ` +
        'Allowed: one named workspace per stack. Fix: let RemoteState.hcpTerraform name the workspace.',
    );
  }
  return problems;
}

/** The id cdktf gives the remote state data source through which a stack reads another stack's outputs. */
export const CROSS_STACK_READ_PREFIX = 'cross-stack-reference-input-';

/** A `terraform_remote_state` data source: the backend it reads and that backend's settings. */
export interface RemoteStateRead {
  readonly backend: string;
  readonly config: Record<string, any>;
}

/** True when a read reads exactly where the producing stack writes its state. */
export function sameLocation(read: RemoteStateRead, producer: FinalBackend): boolean {
  if (producer.type === 'cloud') {
    const host = (c: Record<string, any>) => c.hostname ?? HCP_DEFAULT_HOST;
    return read.backend === 'remote' && read.config.organization === producer.config.organization && read.config.workspaces?.name === producer.config.workspaces?.name && host(read.config) === host(producer.config);
  }
  const keys = [...new Set([...Object.keys(read.config), ...Object.keys(producer.config)])].sort();
  return read.backend === producer.type && keys.every((key) => JSON.stringify(read.config[key]) === JSON.stringify(producer.config[key]));
}

/**
 * Problems of one `terraform_remote_state` read, credentials aside: no machine path, and a cross-stack
 * read (cdktf's `cross-stack-reference-input-<producer>`) reads exactly where the producing stack
 * writes; `producer` is that stack's final backend when the app has it.
 */
export function remoteReadProblems(where: string, name: string, read: RemoteStateRead, producer: FinalBackend | undefined): string[] {
  const problems: string[] = [];
  const paths = machinePaths(read.config);
  if (paths.length) {
    problems.push(machinePathProblem(where, paths));
  }
  if (name.startsWith(CROSS_STACK_READ_PREFIX) && producer && !sameLocation(read, producer)) {
    problems.push(
      `${where} reads stack ${JSON.stringify(name.slice(CROSS_STACK_READ_PREFIX.length))}'s outputs from a ${read.backend} location other than where that stack writes its state ` +
        `(${producer.type}${producer.config.key ? ' key ' + JSON.stringify(producer.config.key) : ''}). ` +
        "Allowed: the producer's own backend settings. Fix: change backends through RemoteState only, not with overrides on one side.",
    );
  }
  return problems;
}

/** Where a backend keeps state, as one comparable string; two stacks must never share one. */
export function stateLocationId(backend: FinalBackend): string {
  const c = backend.config;
  switch (backend.type) {
    case 'azurerm':
      return `azurerm storage account ${JSON.stringify(c.storage_account_name)}, container ${JSON.stringify(c.container_name)}, key ${JSON.stringify(c.key)}`;
    case 'cloud':
      return `HCP Terraform ${JSON.stringify(c.hostname ?? 'app.terraform.io')} organization ${JSON.stringify(c.organization)}, workspace ${JSON.stringify(c.workspaces?.name)}`;
    default:
      return `${backend.type} backend ${JSON.stringify(c)}`;
  }
}
