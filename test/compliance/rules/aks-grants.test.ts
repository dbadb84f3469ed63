// The rules that catch a platform that synthesizes but cannot work: the kubelet cannot pull, AGIC cannot
// program its gateway, or two diagnostic settings on one cluster conflict at apply time.
import { aksAgicPermissions } from '../../../lib/compliance/rules/aks/agic-permissions';
import { aksDiagnosticSettingsDistinct } from '../../../lib/compliance/rules/aks/diagnostic-settings-distinct';
import { aksKubeletAcrPull } from '../../../lib/compliance/rules/aks/kubelet-acr-pull';
import { evaluateRule } from '../../helpers/rule-harness';

const CLUSTER = 'azurerm_kubernetes_cluster';
const KUBELET = '${azurerm_user_assigned_identity.kubelet.principal_id}';
const USER_ASSIGNED_KUBELET = {
  kubelet_identity: { object_id: KUBELET, client_id: '${azurerm_user_assigned_identity.kubelet.client_id}', user_assigned_identity_id: '${azurerm_user_assigned_identity.kubelet.id}' },
};
const REGISTRY = { azurerm_container_registry: { acr: { name: 'acrprod', sku: 'Premium' } } };
const ACR_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/acrprod';

const assignment = (principal: string, role: Record<string, string>, scope = '${azurerm_container_registry.acr.id}') => ({ principal_id: principal, scope, ...role });
const assignments = (...list: any[]) => ({ azurerm_role_assignment: Object.fromEntries(list.map((a, i) => [`a${i}`, a])) });

describe('aks-kubelet-acr-pull', () => {
  const status = (cluster: any, others: any) => evaluateRule(aksKubeletAcrPull, CLUSTER, cluster, others).status;

  test.each<[string, any, any]>([
    ['AcrPull by name for the user-assigned kubelet identity', USER_ASSIGNED_KUBELET, assignments(assignment(KUBELET, { role_definition_name: 'AcrPull' }))],
    [
      'AcrPull by built-in role id',
      USER_ASSIGNED_KUBELET,
      assignments(assignment(KUBELET, { role_definition_id: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/7f951dda-4ed3-4680-a7ca-43fe172d538d' })),
    ],
    [
      'AcrPull for the kubelet identity AKS manages',
      {},
      assignments(assignment('${azurerm_kubernetes_cluster.subject.kubelet_identity[0].object_id}', { role_definition_name: 'AcrPull' })),
    ],
    ['AcrPull on a registry created elsewhere', { kubelet_identity: { object_id: '11111111-2222-3333-4444-555555555555' } }, assignments(assignment('11111111-2222-3333-4444-555555555555', { role_definition_name: 'AcrPull' }, ACR_ID))],
  ])('compliant: %s', (_label, cluster, others) => {
    expect(status(cluster, { ...REGISTRY, ...others })).toBe('compliant');
  });

  test.each<[string, any]>([
    ['no role assignment at all', {}],
    ['AcrPull for another identity', assignments(assignment('${azurerm_user_assigned_identity.ci.principal_id}', { role_definition_name: 'AcrPull' }))],
    ['another role for the kubelet identity', assignments(assignment(KUBELET, { role_definition_name: 'Reader' }))],
    ['AcrPull for another cluster', assignments(assignment('${azurerm_kubernetes_cluster.other.kubelet_identity[0].object_id}', { role_definition_name: 'AcrPull' }))],
  ])('non-compliant: a registry in the stack and %s', (_label, others) => {
    const result = evaluateRule(aksKubeletAcrPull, CLUSTER, USER_ASSIGNED_KUBELET, { ...REGISTRY, ...others });
    expect(result).toEqual({ status: 'non-compliant', message: 'the kubelet identity has no AcrPull: the nodes cannot pull from azurerm_container_registry.acr' });
  });

  test('not applicable: no registry in the stack and no pull grant', () => {
    expect(status(USER_ASSIGNED_KUBELET, {})).toBe('not-applicable');
  });

  test('unknown: the only candidate grant has a role known at apply time', () => {
    expect(status(USER_ASSIGNED_KUBELET, { ...REGISTRY, ...assignments(assignment(KUBELET, { role_definition_name: '${var.role}' })) })).toBe('unknown');
  });
});

describe('aks-agic-permissions', () => {
  const AGIC = '${azurerm_kubernetes_cluster.subject.ingress_application_gateway[0].ingress_application_gateway_identity[0].object_id}';
  const GATEWAY_ID = '${azurerm_application_gateway.gw.id}';
  const SUBNET = '${azurerm_subnet.appgw.id}';
  const GATEWAY_IDENTITY = '${azurerm_user_assigned_identity.gw.id}';
  const gatewayInStack = {
    azurerm_application_gateway: {
      gw: {
        resource_group_name: '${azurerm_resource_group.rg.name}',
        gateway_ip_configuration: [{ name: 'ip', subnet_id: SUBNET }],
        identity: { type: 'UserAssigned', identity_ids: [GATEWAY_IDENTITY] },
      },
    },
  };
  const wired = {
    contributor: assignment(AGIC, { role_definition_name: 'Contributor' }, GATEWAY_ID),
    reader: assignment(AGIC, { role_definition_name: 'Reader' }, '${regex("^/subscriptions/[^/]+/resourceGroups/[^/]+", azurerm_application_gateway.gw.id)}'),
    subnet: assignment(AGIC, { role_definition_name: 'Network Contributor' }, SUBNET),
    identity: assignment(AGIC, { role_definition_name: 'Managed Identity Operator' }, GATEWAY_IDENTITY),
  };
  const cluster = { ingress_application_gateway: { gateway_id: GATEWAY_ID } };
  const evaluate = (others: any, subject: any = cluster) => evaluateRule(aksAgicPermissions, CLUSTER, subject, others);

  test('compliant: the four grants HardenedAksCluster writes for a gateway of the stack', () => {
    expect(evaluate({ ...gatewayInStack, ...assignments(...Object.values(wired)) }).status).toBe('compliant');
  });

  test('Reader on a resource group resource: only the one the gateway is in, by reference or by name', () => {
    const groups = { azurerm_resource_group: { rg: { name: 'rg-platform' }, other: { name: 'rg-other' } } };
    const readerOn = (scope: string, gateway = gatewayInStack.azurerm_application_gateway.gw) =>
      evaluate({ ...groups, azurerm_application_gateway: { gw: gateway }, ...assignments(wired.contributor, wired.subnet, wired.identity, assignment(AGIC, { role_definition_name: 'Reader' }, scope)) }).status;
    expect(readerOn('${azurerm_resource_group.rg.id}')).toBe('compliant');
    expect(readerOn('${azurerm_resource_group.other.id}')).toBe('non-compliant');
    const byName = { ...gatewayInStack.azurerm_application_gateway.gw, resource_group_name: 'rg-platform' };
    expect(readerOn('${azurerm_resource_group.rg.id}', byName)).toBe('compliant');
    expect(readerOn('${azurerm_resource_group.other.id}', byName)).toBe('non-compliant');
  });

  test('Reader by literal id: only on the group the gateway is in', () => {
    const literalGroup = { azurerm_application_gateway: { gw: { ...gatewayInStack.azurerm_application_gateway.gw, resource_group_name: 'rg-platform' } } };
    const readerOn = (scope: string) => evaluate({ ...literalGroup, ...assignments(wired.contributor, wired.subnet, wired.identity, assignment(AGIC, { role_definition_name: 'Reader' }, scope)) }).status;
    expect(readerOn('/subscriptions/s/resourceGroups/RG-Platform')).toBe('compliant');
    expect(readerOn('/subscriptions/s/resourceGroups/rg-other')).toBe('non-compliant');
    expect(readerOn('/subscriptions/s/resourceGroups/rg-platform/providers/Microsoft.Network/virtualNetworks/vnet')).toBe('non-compliant');
  });

  test('compliant: a gateway created elsewhere needs Contributor on its id', () => {
    const id = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/applicationGateways/agw';
    const subject = { ingress_application_gateway: { gateway_id: id } };
    expect(evaluate(assignments(assignment(AGIC, { role_definition_name: 'Contributor' }, id.toUpperCase())), subject).status).toBe('compliant');
    expect(evaluate({}, subject)).toEqual({ status: 'non-compliant', message: 'the AGIC identity lacks Contributor on the gateway' });
  });

  test.each<[string, string]>([
    ['contributor', 'Contributor on the gateway'],
    ['reader', 'Reader on the gateway resource group'],
    ['subnet', 'Network Contributor on the gateway subnet'],
    ['identity', 'Managed Identity Operator on the gateway identity'],
  ])('non-compliant: without the %s grant', (left, missing) => {
    const others = Object.entries(wired)
      .filter(([name]) => name !== left)
      .map(([, a]) => a);
    expect(evaluate({ ...gatewayInStack, ...assignments(...others) })).toEqual({ status: 'non-compliant', message: `the AGIC identity lacks ${missing}` });
  });

  test('non-compliant: the grants belong to another cluster', () => {
    const other = Object.values(wired).map((a) => ({ ...a, principal_id: a.principal_id.replace('subject', 'other') }));
    expect(evaluate({ ...gatewayInStack, ...assignments(...other) }).status).toBe('non-compliant');
  });

  test('non-compliant: a greenfield gateway in your subnet needs Network Contributor there', () => {
    const subject = { ingress_application_gateway: { subnet_id: SUBNET, gateway_name: 'agw' } };
    expect(evaluate({}, subject).status).toBe('non-compliant');
    expect(evaluate(assignments(wired.subnet), subject).status).toBe('compliant');
  });

  test('not applicable: AGIC off, or AKS creates the gateway in its own network', () => {
    expect(evaluate({}, {}).status).toBe('not-applicable');
    expect(evaluate({}, { ingress_application_gateway: { subnet_cidr: '10.225.0.0/16' } }).status).toBe('not-applicable');
  });

  test('unknown: the Contributor grant has a role known at apply time', () => {
    const dynamic = { ...wired, contributor: assignment(AGIC, { role_definition_name: '${var.role}' }, GATEWAY_ID) };
    expect(evaluate({ ...gatewayInStack, ...assignments(...Object.values(dynamic)) }).status).toBe('unknown');
  });
});

describe('aks-diagnostic-settings-distinct', () => {
  const setting = (name: string, categories: string[], workspace = '${azurerm_log_analytics_workspace.logs.id}') => ({
    name,
    target_resource_id: '${azurerm_kubernetes_cluster.subject.id}',
    log_analytics_workspace_id: workspace,
    enabled_log: categories.map((category) => ({ category })),
  });
  const settings = (...list: any[]) => ({ azurerm_monitor_diagnostic_setting: Object.fromEntries(list.map((s, i) => [`s${i}`, s])) });
  const evaluate = (others: any) => evaluateRule(aksDiagnosticSettingsDistinct, CLUSTER, {}, others);

  test('compliant: one audit setting, or two that send different categories or to different workspaces', () => {
    expect(evaluate(settings(setting('control-plane-audit', ['guard', 'kube-audit-admin']))).status).toBe('compliant');
    expect(evaluate(settings(setting('audit', ['kube-audit-admin']), setting('scheduler', ['kube-scheduler']))).status).toBe('compliant');
    expect(evaluate(settings(setting('audit', ['kube-audit-admin']), setting('soc', ['kube-audit-admin'], '/subscriptions/s/soc-workspace'))).status).toBe('compliant');
  });

  test('non-compliant: two settings with one name (the second overwrites the first)', () => {
    expect(evaluate(settings(setting('control-plane-audit', ['guard']), setting('control-plane-audit', ['kube-scheduler'], '/other')))).toEqual({
      status: 'non-compliant',
      message: 'azurerm_monitor_diagnostic_setting.s0 and azurerm_monitor_diagnostic_setting.s1 are both named "control-plane-audit"',
    });
  });

  test('non-compliant: one category sent to the same workspace twice (Azure rejects the second)', () => {
    expect(evaluate(settings(setting('control-plane-audit', ['guard', 'kube-audit-admin']), setting('audit-by-hand', ['kube-audit-admin']))).message).toBe(
      'azurerm_monitor_diagnostic_setting.s0 and azurerm_monitor_diagnostic_setting.s1 both send kube-audit-admin to ${azurerm_log_analytics_workspace.logs.id}',
    );
  });

  test('not applicable: no setting targets the cluster', () => {
    expect(evaluate(settings({ ...setting('x', ['guard']), target_resource_id: '${azurerm_kubernetes_cluster.other.id}' })).status).toBe('not-applicable');
  });

  test('unknown: categories come from an expression', () => {
    expect(evaluate(settings(setting('a', ['guard']), { ...setting('b', []), enabled_log: '${local.logs}' })).status).toBe('unknown');
  });
});
