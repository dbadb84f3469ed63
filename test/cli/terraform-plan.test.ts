import * as fs from 'fs';
import * as path from 'path';
import { readTerraformPlan } from '../../lib/cli/terraform-plan';
import { tempDir, writeJson } from '../helpers/check-command';

const dir = tempDir('plan-read');
const rc = (address: string, actions: string[], extra: Record<string, unknown> = {}) => {
  const [type, name] = address.replace(/^data\./, '').split('.');
  return { address, mode: address.startsWith('data.') ? 'data' : 'managed', type, name: name.replace(/\[.*$/, ''), change: { actions, after: { name }, after_unknown: {}, after_sensitive: {} }, ...extra };
};
const plan = (changes: unknown[], configuration?: unknown) =>
  writeJson(path.join(dir, `plan-${fs.readdirSync(dir).length}.json`), { format_version: '1.2', terraform_version: '1.9.8', planned_values: { root_module: {} }, resource_changes: changes, ...(configuration ? { configuration } : {}) });

test('judges the instances that exist after apply: created, updated, replaced, unchanged', () => {
  const read = readTerraformPlan(
    plan([
      rc('azurerm_resource_group.a', ['create']),
      rc('azurerm_resource_group.b', ['update']),
      rc('azurerm_resource_group.c', ['delete', 'create']),
      rc('azurerm_resource_group.d', ['no-op']),
      rc('azurerm_resource_group.gone', ['delete']),
      rc('azurerm_resource_group.forgotten', ['forget']),
      rc('data.azurerm_client_config.client', ['read']),
      rc('module.net.azurerm_subnet.s', ['create'], { module_address: 'module.net' }),
      rc('azurerm_resource_group.e[0]', ['create'], { index: 0 }),
    ]),
  );
  expect(read.changes.map((c) => [c.address, c.resourceAddress])).toEqual([
    ['azurerm_resource_group.a', 'azurerm_resource_group.a'],
    ['azurerm_resource_group.b', 'azurerm_resource_group.b'],
    ['azurerm_resource_group.c', 'azurerm_resource_group.c'],
    ['azurerm_resource_group.d', 'azurerm_resource_group.d'],
    ['azurerm_resource_group.e[0]', 'azurerm_resource_group.e'],
  ]);
});

test("the configured resources come from the plan's configuration, or from its changes when it has none", () => {
  const configuration = { root_module: { resources: [{ address: 'azurerm_resource_group.a', mode: 'managed' }, { address: 'data.azurerm_client_config.c', mode: 'data' }] } };
  expect(readTerraformPlan(plan([rc('azurerm_resource_group.a', ['create'])], configuration)).configuredResources).toEqual(['azurerm_resource_group.a']);
  expect(readTerraformPlan(plan([rc('azurerm_resource_group.a', ['create']), rc('azurerm_resource_group.a2', ['no-op'])])).configuredResources).toEqual(['azurerm_resource_group.a', 'azurerm_resource_group.a2']);
});

test('a resource change without change.actions is not a plan Terraform wrote', () => {
  expect(() => readTerraformPlan(plan([{ address: 'azurerm_resource_group.a', type: 'azurerm_resource_group', name: 'a', change: {} }]))).toThrow(/resource_changes\[0\] of .* is not a resource change/);
});
