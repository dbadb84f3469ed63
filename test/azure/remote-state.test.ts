import * as fs from 'fs';
import * as path from 'path';
import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { App, AzurermBackend, DataTerraformRemoteStateAzurerm, LocalBackend, S3Backend, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { CisAksPack, CisRke2Pack, Compliance, KubernetesBaselinePack, RemoteState, TerraformStatePack } from '../../lib';
import { HardenedK8sError } from '../../lib/errors';
import { STATE_RULES } from '../../lib/compliance/rules/state';
import { evaluateApp } from '../helpers/rule-harness';
import { filesBelow } from '../helpers/examples';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';

const ACCOUNT = { storageAccountName: 'sttfstatetest' };

/** Two stacks where `workloads` reads the resource group name of `network` (a cross-stack reference). */
function twoStacks(app: App = testApp()): { app: App; network: TerraformStack; workloads: TerraformStack } {
  const network = azureStack(app, 'network');
  const workloads = azureStack(app, 'workloads');
  const rg = new ResourceGroup(network, 'rg', { name: 'rg-network', location: 'westeurope' });
  new UserAssignedIdentity(workloads, 'id', { name: 'id-workloads', location: 'westeurope', resourceGroupName: rg.name });
  return { app, network, workloads };
}

const read = (app: App, stack: string) => JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', stack, 'cdk.tf.json'), 'utf-8'));

/**
 * The state rules' failing findings on an app prepared as synth prepares it, without writing it: cdktf's
 * cloud backend would run `terraform version` during a real synth.
 */
function stateProblems(app: App): string {
  return evaluateApp(app, STATE_RULES)
    .filter((f) => f.status !== 'compliant' && f.status !== 'not-applicable')
    .map((f) => `${f.ruleId}: ${f.message}`)
    .join('\n');
}

describe('RemoteState.azureStorage', () => {
  const { app } = twoStacks();
  const state = RemoteState.azureStorage(app, { ...ACCOUNT, keyPrefix: 'platform/westeurope', subscriptionId: '00000000-0000-0000-0000-0000000000aa', tenantId: '00000000-0000-0000-0000-0000000000bb' });
  app.synth();
  const network = read(app, 'network');
  const workloads = read(app, 'workloads');

  test('every stack gets an azurerm backend with Entra ID auth and its own key, no credential', () => {
    const backend = (key: string) => ({
      azurerm: {
        storage_account_name: 'sttfstatetest',
        container_name: 'tfstate',
        key,
        use_azuread_auth: true,
        subscription_id: '00000000-0000-0000-0000-0000000000aa',
        tenant_id: '00000000-0000-0000-0000-0000000000bb',
      },
    });
    expect(network.terraform.backend).toEqual(backend('platform/westeurope/network.tfstate'));
    expect(workloads.terraform.backend).toEqual(backend('platform/westeurope/workloads.tfstate'));
    expect(state.stacks.map((s) => state.locationOf(s))).toEqual(['platform/westeurope/network.tfstate', 'platform/westeurope/workloads.tfstate']);
  });

  test('the cross-stack read goes through the remote backend, to exactly where the producer writes', () => {
    const reads = workloads.data.terraform_remote_state;
    expect(Object.keys(reads)).toEqual(['cross-stack-reference-input-network']);
    expect(reads['cross-stack-reference-input-network']).toEqual({ backend: 'azurerm', config: network.terraform.backend.azurerm, workspace: '${terraform.workspace}' });
    expect(workloads.resource.azurerm_user_assigned_identity.id.resource_group_name).toMatch(/^\$\{data\.terraform_remote_state\.cross-stack-reference-input-network\.outputs\./);
  });

  test('no file of the output holds a path of this machine', () => {
    for (const file of filesBelow(app.outdir)) {
      const text = fs.readFileSync(path.join(app.outdir, file), 'utf-8');
      expect([file, text.includes(process.cwd()), text.includes(app.outdir)]).toEqual([file, false, false]);
    }
  });

  test('a stack this call did not configure has no location', () => {
    expect(() => state.locationOf(new TerraformStack(testApp(), 'other'))).toThrow(/stack "other" was not configured by this call. Allowed: one of "network", "workloads"/);
  });

  test('the container defaults to "tfstate", keys to "<stack>.tfstate" without a prefix, subscription and tenant to the runner\'s', () => {
    const other = twoStacks();
    const plain = RemoteState.azureStorage(other.app, ACCOUNT);
    expect(plain.stacks.map((s) => plain.locationOf(s))).toEqual(['network.tfstate', 'workloads.tfstate']);
    other.network.prepareStack();
    expect(other.network.toTerraform().terraform.backend).toEqual({ azurerm: { storage_account_name: 'sttfstatetest', container_name: 'tfstate', key: 'network.tfstate', use_azuread_auth: true } });
  });

  test('HCP Terraform defaults: workspaces named like the stacks, on app.terraform.io, in the default project', () => {
    const other = twoStacks();
    const hcp = RemoteState.hcpTerraform(other.app, { organization: 'platform-team' });
    expect(hcp.locationOf(other.workloads)).toBe('workloads');
    other.network.prepareStack();
    expect(other.network.toTerraform().terraform.cloud).toEqual({ organization: 'platform-team', workspaces: { name: 'network' } });
  });
});

describe('a fleet: groups of stacks in different accounts', () => {
  test('each call configures its own stacks; a read across groups goes to the producer\'s account', () => {
    const { app, network, workloads } = twoStacks();
    const dev = azureStack(app, 'dev-network');
    const prod = RemoteState.azureStorage(app, { storageAccountName: 'sttfstateprod', keyPrefix: 'prod', stacks: [network, workloads] });
    const nonProd = RemoteState.azureStorage(app, { storageAccountName: 'sttfstatedev', keyPrefix: 'dev' });
    expect(nonProd.stacks).toEqual([dev]);
    expect(prod.locationOf(workloads)).toBe('prod/workloads.tfstate');
    app.synth();
    expect(read(app, 'dev-network').terraform.backend.azurerm).toMatchObject({ storage_account_name: 'sttfstatedev', key: 'dev/dev-network.tfstate' });
    expect(read(app, 'workloads').data.terraform_remote_state['cross-stack-reference-input-network'].config).toMatchObject({ storage_account_name: 'sttfstateprod', key: 'prod/network.tfstate' });
  });
});

describe('RemoteState.hcpTerraform', () => {
  const { app } = twoStacks();
  const state = RemoteState.hcpTerraform(app, { organization: 'platform-team', workspacePrefix: 'aks-', project: 'platform', hostname: 'tfe.example.com' });
  const problems = stateProblems(app);
  const network = app.node.findChild('network') as TerraformStack;
  const workloads = app.node.findChild('workloads') as TerraformStack;

  test('each stack gets a cloud block with its own named workspace and no token', () => {
    expect(problems).toBe('');
    expect(network.toTerraform().terraform.cloud).toEqual({ organization: 'platform-team', hostname: 'tfe.example.com', workspaces: { name: 'aks-network', project: 'platform' } });
    expect(network.toTerraform().terraform.backend).toBeUndefined();
    expect(state.locationOf(workloads)).toBe('aks-workloads');
  });

  test('the cross-stack read uses the producer\'s workspace', () => {
    expect(workloads.toTerraform().data.terraform_remote_state['cross-stack-reference-input-network']).toMatchObject({
      backend: 'remote',
      config: { organization: 'platform-team', hostname: 'tfe.example.com', workspaces: { name: 'aks-network' } },
    });
  });

  test('a token added through an override fails the check, without printing it', () => {
    const other = twoStacks();
    RemoteState.hcpTerraform(other.app, { organization: 'platform-team' });
    other.network.addOverride('terraform.cloud.token', 'hcp-secret-token');
    const found = stateProblems(other.app);
    expect(found).toMatch(/state-backend-no-credentials: stack "network": the cloud block sets token/);
    expect(found).not.toMatch(/hcp-secret-token/);
  });

  test('workspaces selected by tags fail the check (a stack\'s state needs one workspace)', () => {
    const other = twoStacks();
    RemoteState.hcpTerraform(other.app, { organization: 'platform-team' });
    other.workloads.addOverride('terraform.cloud.workspaces.tags', ['platform']);
    expect(stateProblems(other.app)).toMatch(/state-backend-remote: stack "workloads": the cloud block selects workspaces by tags/);
  });
});

describe('RemoteState bad input at the call', () => {
  test.each<[string, any, RegExp]>([
    ['an account name Azure rejects', { storageAccountName: 'St-State' }, /RemoteState.azureStorage: invalid storageAccountName "St-State".*3-24 lower-case letters and digits/],
    ['no account name (JavaScript caller)', {}, /storageAccountName is required/],
    ['a container name Azure rejects', { ...ACCOUNT, containerName: 'TF' }, /invalid containerName "TF"/],
    ['a key prefix with a trailing slash', { ...ACCOUNT, keyPrefix: 'prod/' }, /invalid keyPrefix "prod\/"/],
    ['a tenant that is not a GUID', { ...ACCOUNT, tenantId: 'contoso' }, /invalid tenantId "contoso".*GUID/],
    ['an empty stack list', { ...ACCOUNT, stacks: [] }, /invalid stacks \[\].*non-empty list/],
  ])('%s', (_name, props, message) => {
    const { app } = twoStacks();
    expect(() => RemoteState.azureStorage(app, props)).toThrow(HardenedK8sError);
    expect(() => RemoteState.azureStorage(app, props)).toThrow(message);
  });

  test('an account name from a resource attribute (a backend block cannot hold references)', () => {
    const { app, network } = twoStacks();
    const rg = network.node.findChild('rg') as ResourceGroup;
    expect(() => RemoteState.azureStorage(app, { storageAccountName: rg.name })).toThrow(/storageAccountName must be a literal value/);
  });

  test('a stack of another app, the same stack twice, a stack that has a backend already', () => {
    const { app, network } = twoStacks();
    const foreign = twoStacks().network;
    expect(() => RemoteState.azureStorage(app, { ...ACCOUNT, stacks: [foreign] })).toThrow(/invalid stacks "network".*stacks of the app/);
    expect(() => RemoteState.azureStorage(app, { ...ACCOUNT, stacks: [network, network] })).toThrow(/each stack once/);
    RemoteState.azureStorage(app, { ...ACCOUNT, stacks: [network] });
    expect(() => RemoteState.azureStorage(app, { ...ACCOUNT, stacks: [network] })).toThrow(/already has a backend/);
  });

  test('nothing left to configure', () => {
    const { app } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    expect(() => RemoteState.azureStorage(app, { storageAccountName: 'sttfstateother' })).toThrow(/no stack without a backend to configure/);
  });

  test('two stacks that would share a state key fail where the call is made', () => {
    const app = testApp();
    azureStack(new Construct(app, 'prod') as any, 'infra');
    azureStack(new Construct(app, 'dev') as any, 'infra');
    expect(() => RemoteState.azureStorage(app, ACCOUNT)).toThrow(/stacks "prod\/infra" and "dev\/infra" would keep their state in the same place \(azurerm storage account "sttfstatetest", container "tfstate", key "infra.tfstate"\)/);
  });

  test('HCP Terraform names: organization, prefix, host, and a workspace name over 90 characters', () => {
    const { app } = twoStacks();
    expect(() => RemoteState.hcpTerraform(app, { organization: 'my org' })).toThrow(/invalid organization "my org"/);
    expect(() => RemoteState.hcpTerraform(app, { organization: 'org', workspacePrefix: 'a/b' })).toThrow(/invalid workspacePrefix "a\/b"/);
    expect(() => RemoteState.hcpTerraform(app, { organization: 'org', hostname: 'https://tfe.example.com' })).toThrow(/invalid hostname/);
    expect(() => RemoteState.hcpTerraform(app, { organization: 'org', workspacePrefix: 'x'.repeat(90) })).toThrow(/1-90 letters/);
  });

  test('no scope or no props (JavaScript callers)', () => {
    expect(() => RemoteState.azureStorage(undefined as any, ACCOUNT)).toThrow(/RemoteState.azureStorage: scope is required/);
    expect(() => RemoteState.hcpTerraform(testApp(), undefined as any)).toThrow(/RemoteState.hcpTerraform: props is required/);
  });
});

describe('TerraformStatePack judges the final state configuration at synth', () => {
  const synthFails = (app: App) => expect(() => synthWithPacks(app, [new TerraformStatePack()]));

  test('a backend given an access key literally fails synth, naming the setting and never the key', () => {
    const { app, network } = twoStacks();
    new AzurermBackend(network, { storageAccountName: 'sttfstatetest', containerName: 'tfstate', key: 'network.tfstate', accessKey: 'c2VjcmV0LWtleQ==' });
    RemoteState.azureStorage(app, ACCOUNT);
    synthFails(app).toThrow(/state-backend-no-credentials .*stack "network": the azurerm backend sets access_key \(a shared key, SAS token or client credential/);
    synthFails(twoStacksWithSas()).not.toThrow(/sv=2024/);
  });

  test('a SAS token added through an override fails synth and leaves no configuration to apply', () => {
    const app = twoStacksWithSas();
    synthFails(app).toThrow(/FAIL state-backend-no-credentials \[no CIS id\] workloads\/backend \(terraform\.backend\.azurerm\): non-compliant - stack "workloads": the azurerm backend sets sas_token/);
    expect(fs.existsSync(path.join(app.outdir, 'stacks', 'workloads', 'cdk.tf.json'))).toBe(false);
    expect(fs.existsSync(path.join(app.outdir, 'manifest.json'))).toBe(false);
  });

  test('a credential cannot be waived: the finding still blocks and the waiver is a set-up problem', () => {
    const app = twoStacksWithSas();
    Compliance.waive(app.node.findChild('workloads'), 'state-backend-no-credentials', 'the SAS token is rotated daily (SEC-1)');
    synthFails(app).toThrow(/FAIL state-backend-no-credentials[\s\S]*PROBLEM waiver of "state-backend-no-credentials" on workloads: the rule cannot be waived/);
  });

  test.each([
    ['CisAksPack', () => new CisAksPack()],
    ['CisRke2Pack', () => new CisRke2Pack()],
  ])('%s alone catches a credential in a backend too (an app that keeps its own backend, without RemoteState)', (_name, pack) => {
    const { app, network } = twoStacks();
    new AzurermBackend(network, { storageAccountName: 'sttfstatetest', containerName: 'tfstate', key: 'network.tfstate', accessKey: 'c2VjcmV0LWtleQ==' });
    expect(() => synthWithPacks(app, [pack()])).toThrow(/FAIL state-backend-no-credentials .*stack "network": the azurerm backend sets access_key/);
  });

  test('the baseline pack alone does not judge backends (the infrastructure packs do)', () => {
    expect(new KubernetesBaselinePack().rules.map((r) => r.metadata.id)).not.toContain('state-backend-no-credentials');
  });

  test('an override turning Entra ID auth off fails synth', () => {
    const { app, network } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    network.addOverride('terraform.backend.azurerm.use_azuread_auth', false);
    synthFails(app).toThrow(/use_azuread_auth = false: without it Terraform lists the account's shared keys/);
  });

  test("a stack created after the call fails synth, named, instead of getting this machine's path", () => {
    const { app } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    azureStack(app, 'late');
    synthFails(app).toThrow(/state-backend-remote .*stack "late": the local backend keeps its state in a local file at an absolute path of the machine that ran synth.*no RemoteState call configured the stack/);
  });

  test('a stack keeping state in a local file fails synth, even with a relative path', () => {
    const { app, network } = twoStacks();
    new LocalBackend(network, { path: 'network.tfstate' });
    RemoteState.azureStorage(app, ACCOUNT);
    synthFails(app).toThrow(/stack "network": the local backend keeps its state in a local file \("network.tfstate"\)/);
  });

  test('another backend type fails synth', () => {
    const { app, network } = twoStacks();
    new S3Backend(network, { bucket: 'state', key: 'network.tfstate', region: 'eu-west-1' });
    RemoteState.azureStorage(app, ACCOUNT);
    synthFails(app).toThrow(/stack "network": the s3 backend uses the s3 backend/);
  });

  test('an override giving two stacks the same key fails synth', () => {
    const { app, workloads } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    workloads.addOverride('terraform.backend.azurerm.key', 'network.tfstate');
    synthFails(app).toThrow(/state-location-unique .*stacks "network" and "workloads" both keep their state in azurerm storage account "sttfstatetest", container "tfstate", key "network.tfstate"/);
  });

  test("an override moving the producer's state breaks the cross-stack read, and synth says so", () => {
    const { app, network } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    network.addOverride('terraform.backend.azurerm.key', 'moved/network.tfstate');
    synthFails(app).toThrow(
      /state-remote-reads .*data.terraform_remote_state.cross-stack-reference-input-network reads stack "network"'s outputs from a azurerm location other than where that stack writes its state \(azurerm key "moved\/network.tfstate"\)/,
    );
  });

  test('a remote state read of another app with a shared key fails synth', () => {
    const { app, workloads } = twoStacks();
    new DataTerraformRemoteStateAzurerm(workloads, 'shared-services', { storageAccountName: 'stshared', containerName: 'tfstate', key: 'hub.tfstate', accessKey: 'c2VjcmV0' });
    RemoteState.azureStorage(app, ACCOUNT);
    synthFails(app).toThrow(/state-backend-no-credentials .*workloads\/shared-services \(data.terraform_remote_state.shared-services\).*sets access_key/);
  });

  test('two stacks with one name (nested in different constructs) fail synth: their output and state would clash', () => {
    const app = testApp();
    const prod = azureStack(new Construct(app, 'prod') as any, 'infra');
    const dev = azureStack(new Construct(app, 'dev') as any, 'infra');
    RemoteState.azureStorage(app, { ...ACCOUNT, keyPrefix: 'prod', stacks: [prod] });
    RemoteState.azureStorage(app, { ...ACCOUNT, keyPrefix: 'dev', stacks: [dev] });
    synthFails(app).toThrow(/PROBLEM stacks "prod\/infra" and "dev\/infra" share the name "infra"/);
  });

  test('the compliant configuration of RemoteState passes every state rule, and the app report says so', () => {
    const { app } = twoStacks();
    RemoteState.azureStorage(app, ACCOUNT);
    const result = synthWithPacks(app, [new TerraformStatePack()]);
    const state = ['state-backend-no-credentials', 'state-backend-remote', 'state-location-unique', 'state-remote-reads'];
    const findings = ['network', 'workloads'].flatMap((s) => result.report(s).findings).filter((f: any) => state.includes(f.ruleId));
    expect(findings.filter((f: any) => f.status !== 'compliant')).toEqual([]);
    expect(new Set(findings.map((f: any) => f.ruleId))).toEqual(new Set(state));
  });
});

function twoStacksWithSas(): App {
  const { app, workloads } = twoStacks();
  RemoteState.azureStorage(app, ACCOUNT);
  workloads.addOverride('terraform.backend.azurerm.sas_token', 'sv=2024-01-01&sig=secret');
  return app;
}
