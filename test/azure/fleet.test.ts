// A fleet: several platforms of the default example (environments, regions) in one app, each
// environment's state in its own account, synthesized once with the state checks on.
import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { addAksPlatform } from '../../examples/aks/platform';
import { addStateBackend } from '../../examples/aks/state';
import { RemoteState, TerraformStatePack } from '../../lib';
import { synthWithPacks, testApp } from '../helpers/synth';

describe('a fleet of platforms from one app', () => {
  const app = testApp();
  const state = addStateBackend(app);
  addAksPlatform(app, 'prodweu');
  // Each call takes the stacks that have no backend yet: first the production platform...
  const prod = state.useForEveryStack({ keyPrefix: 'prod' });
  addAksPlatform(app, 'devneu', 'northeurope');
  // ...then the development one, in another region, whose state lives in another account.
  const dev = RemoteState.azureStorage(app, { storageAccountName: 'sttfstatedev', keyPrefix: 'dev' });
  // The state rules judge every backend and cross-stack read; a problem would fail this synth.
  synthWithPacks(app, [new TerraformStatePack()]);
  const stacks = app.node.findAll().filter(TerraformStack.isStack);
  const tf = new Map(stacks.map((s) => [s.node.id, JSON.parse(fs.readFileSync(path.join(app.outdir, 'stacks', s.node.id, 'cdk.tf.json'), 'utf-8'))]));

  test('every platform has its own stacks, each with its own state key in its environment\'s account', () => {
    expect(prod.stacks.map((s) => prod.locationOf(s))).toEqual(
      ['infra', 'baseline-charts', 'baseline-objects', 'baseline-policies'].map((role) => `prod/prodweu-${role}.tfstate`),
    );
    expect(dev.stacks.map((s) => dev.locationOf(s))).toEqual(['infra', 'baseline-charts', 'baseline-objects', 'baseline-policies'].map((role) => `dev/devneu-${role}.tfstate`));
    const accounts = Object.fromEntries([...tf].map(([name, json]) => [name, json.terraform.backend.azurerm.storage_account_name]));
    expect(new Set(Object.values(accounts))).toEqual(new Set(['sttfstateplatform', 'sttfstatedev']));
    expect(accounts['devneu-infra']).toBe('sttfstatedev');
    expect(accounts.tfstate).toBe('sttfstateplatform');
  });

  test('each platform\'s baseline reads its own infrastructure stack\'s state, in the right account', () => {
    for (const platform of ['prodweu', 'devneu']) {
      const reads = tf.get(`${platform}-baseline-charts`).data.terraform_remote_state;
      expect(Object.keys(reads)).toEqual([`cross-stack-reference-input-${platform}-infra`]);
      expect(reads[`cross-stack-reference-input-${platform}-infra`].config).toEqual(tf.get(`${platform}-infra`).terraform.backend.azurerm);
    }
  });

  test('no two platforms share a globally unique Azure name (vault, registry, cluster, resource group)', () => {
    const types = ['azurerm_key_vault', 'azurerm_container_registry', 'azurerm_kubernetes_cluster', 'azurerm_resource_group'];
    for (const type of types) {
      const names = [...tf.values()].flatMap((json) => Object.values<any>(json.resource?.[type] ?? {}).map((r) => r.name));
      expect([type, names.length, new Set(names).size]).toEqual([type, names.length, names.length]);
    }
  });
});
