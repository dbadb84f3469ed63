import { StackResources } from '../../lib/compliance/rule-context';
import { plannedStackJson } from '../../lib/cli/planned-stack';
import { existenceDecidedAtPlan } from '../../lib/compliance/resource-existence';
import { PlannedChange, TerraformPlan } from '../../lib/cli/terraform-plan';

const meta = (p: string) => ({ '//': { metadata: { path: p, uniqueId: p.split('/').pop() } } });

/** A stack with a cluster, its identity and an NSG, as cdktf synthesizes them (single blocks as objects). */
const STACK = {
  resource: {
    azurerm_kubernetes_cluster: {
      aks: {
        ...meta('infra/aks/cluster'),
        private_cluster_enabled: true,
        sku_tier: '${var.tier}',
        identity: { type: 'UserAssigned', identity_ids: ['${azurerm_user_assigned_identity.id.id}'] },
        default_node_pool: { name: 'system', max_pods: 50 },
        depends_on: ['azurerm_user_assigned_identity.id'],
      },
    },
    azurerm_user_assigned_identity: { id: { ...meta('infra/aks/identity'), name: 'id-aks' } },
    azurerm_network_security_group: {
      nsg: {
        ...meta('infra/nsg'),
        security_rule: [
          { name: 'allow-gateway', priority: 100, source_address_prefix: '${azurerm_user_assigned_identity.id.principal_id}' },
          { name: 'deny-internet', priority: 4000, source_address_prefix: 'Internet' },
        ],
      },
    },
  },
};

function change(address: string, after: unknown, afterUnknown: unknown = {}, afterSensitive: unknown = {}): PlannedChange {
  const [type, name] = address.split('.');
  return { address, resourceAddress: `${type}.${name.replace(/\[.*$/, '')}`, type, name: name.replace(/\[.*$/, ''), actions: ['create'], after, afterUnknown, afterSensitive };
}

function planned(...changes: PlannedChange[]) {
  const plan: TerraformPlan = { file: 'plan.json', terraformVersion: '1.9.8', configuredResources: [], changes };
  return new StackResources('infra', plannedStackJson(STACK, plan));
}

const clusterAfter = {
  private_cluster_enabled: false,
  sku_tier: 'Standard',
  identity: [{ type: 'UserAssigned' }],
  default_node_pool: [{ name: 'system', max_pods: 50, os_disk_type: 'Ephemeral' }],
  kube_config: [{ host: 'https://aks' }],
};

describe('a stack judged on its plan', () => {
  const resources = planned(
    change('azurerm_kubernetes_cluster.aks', clusterAfter, { identity: [{ identity_ids: true, principal_id: true }], id: true, kube_config: true }, { kube_config: true }),
    change('azurerm_user_assigned_identity.id', { name: 'id-aks' }, { id: true, principal_id: true }),
  );
  const cluster = resources.resourcesOfType('azurerm_kubernetes_cluster')[0];

  test('a value the plan knows replaces the synthesized literal and the variable', () => {
    expect(cluster.get('private_cluster_enabled')).toBe(false);
    expect(cluster.get('sku_tier')).toBe('Standard');
  });

  test('attributes the provider fills in are there; single blocks keep the shape synth gave them', () => {
    expect(cluster.get('default_node_pool.os_disk_type')).toBe('Ephemeral');
    expect(cluster.config.default_node_pool).toEqual({ name: 'system', max_pods: 50, os_disk_type: 'Ephemeral' });
  });

  test('a value known only after apply stays unknown, and says so', () => {
    expect(() => cluster.get('id')).toThrow('id is known only after apply (the plan leaves it unknown)');
  });

  test('a reference to another resource of the stack stays the reference rules read', () => {
    expect(cluster.get('identity.type')).toBe('UserAssigned');
    expect(cluster.config.identity.identity_ids).toEqual(['${azurerm_user_assigned_identity.id.id}']);
  });

  test('a sensitive value is never read: unresolved, and not in the configuration', () => {
    expect(() => cluster.get('kube_config')).toThrow('kube_config is sensitive in the plan and not read');
    expect(JSON.stringify(cluster.config)).not.toContain('https://aks');
  });

  test('cdktf metadata stays, so findings keep their construct paths', () => {
    expect([cluster.constructPath, cluster.config.depends_on]).toEqual(['infra/aks/cluster', ['azurerm_user_assigned_identity.id']]);
  });
});

describe('list elements', () => {
  test('a set the plan reorders pairs each element with the synthesized one it agrees with', () => {
    const resources = planned(
      change('azurerm_network_security_group.nsg', {
        security_rule: [
          { name: 'deny-internet', priority: 4000, source_address_prefix: 'Internet', access: 'Deny' },
          { name: 'allow-gateway', priority: 100, source_address_prefix: '10.0.0.7', access: 'Allow' },
        ],
      }),
    );
    const rules = resources.resourcesOfType('azurerm_network_security_group')[0].config.security_rule;
    expect(rules).toEqual([
      { name: 'deny-internet', priority: 4000, source_address_prefix: 'Internet', access: 'Deny' },
      { name: 'allow-gateway', priority: 100, source_address_prefix: '${azurerm_user_assigned_identity.id.principal_id}', access: 'Allow' },
    ]);
  });

  test('instances of a counted resource are judged each, by their own address', () => {
    const resources = planned(change('azurerm_user_assigned_identity.id[0]', { name: 'a' }), change('azurerm_user_assigned_identity.id[1]', { name: 'b' }));
    const identities = resources.resourcesOfType('azurerm_user_assigned_identity');
    expect(identities.map((i) => [i.address, i.constructPath, i.get('name')])).toEqual([
      ['azurerm_user_assigned_identity.id[0]', 'infra/aks/identity', 'a'],
      ['azurerm_user_assigned_identity.id[1]', 'infra/aks/identity', 'b'],
    ]);
  });

  test('a planned instance exists: the count or for_each that decided it at plan is settled', () => {
    const stack = { resource: { azurerm_user_assigned_identity: { id: { ...meta('infra/id'), name: 'id', count: '${var.n}' }, ids: { ...meta('infra/ids'), for_each: '${var.m}' } } } };
    const plan: TerraformPlan = { file: 'plan.json', terraformVersion: '1.9.8', configuredResources: [], changes: [change('azurerm_user_assigned_identity.id[0]', { name: 'id' }), change('azurerm_user_assigned_identity.ids["a"]', { name: 'a' })] };
    const instances = new StackResources('infra', plannedStackJson(stack, plan)).resourcesOfType('azurerm_user_assigned_identity');
    expect(instances.map((i) => [i.address, existenceDecidedAtPlan(i.config)])).toEqual([
      ['azurerm_user_assigned_identity.id[0]', undefined],
      ['azurerm_user_assigned_identity.ids["a"]', undefined],
    ]);
    expect(existenceDecidedAtPlan(stack.resource.azurerm_user_assigned_identity.id)).toBe('count = ${var.n}');
  });
});
