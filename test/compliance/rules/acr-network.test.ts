import { acrAdminDisabled } from '../../../lib/compliance/rules/acr/admin-disabled';
import { acrPublicNetworkDisabled } from '../../../lib/compliance/rules/acr/public-network-disabled';
import { acrAnonymousPullDisabled } from '../../../lib/compliance/rules/acr/anonymous-pull-disabled';
import { acrHardenedFeatures } from '../../../lib/compliance/rules/acr/hardened-features';
import { acrLeastPrivilegeRoles } from '../../../lib/compliance/rules/acr/role-assignments';
import { logAnalyticsRetention } from '../../../lib/compliance/rules/monitoring/workspace-retention';
import { nsgNoInternetInbound } from '../../../lib/compliance/rules/network/nsg-internet-inbound';
import { evaluateRule } from '../../helpers/rule-harness';

const ACR = 'azurerm_container_registry';

describe('registry access rules (CIS AKS 1.8 5.1.2)', () => {
  test.each([
    [acrAdminDisabled, { admin_enabled: false }, { admin_enabled: true }],
    [acrPublicNetworkDisabled, { public_network_access_enabled: false }, {}],
    [acrAnonymousPullDisabled, { anonymous_pull_enabled: false }, { anonymous_pull_enabled: true }],
    [
      acrHardenedFeatures,
      { sku: 'Premium', quarantine_policy_enabled: true, retention_policy_in_days: 7, trust_policy_enabled: true },
      { sku: 'Standard' },
    ],
  ])('%#: compliant and non-compliant', (rule, good, bad) => {
    expect(evaluateRule(rule, ACR, good).status).toBe('compliant');
    expect(evaluateRule(rule, ACR, bad).status).toBe('non-compliant');
  });

  test('unknown when the flag comes from a variable', () => {
    expect(evaluateRule(acrAdminDisabled, ACR, { admin_enabled: '${var.admin}' }).status).toBe('unknown');
  });
});

describe('acr-least-privilege-roles (CIS AKS 1.8 5.1.2, 5.1.3)', () => {
  const stack = (kubeletRef = true) => ({
    azurerm_container_registry: { acr: { sku: 'Premium' } },
    azurerm_user_assigned_identity: { kubelet: {}, ci: {} },
    azurerm_kubernetes_cluster: {
      aks: kubeletRef ? { kubelet_identity: { user_assigned_identity_id: '${azurerm_user_assigned_identity.kubelet.id}' } } : {},
    },
  });
  const assignment = (role: string, principal: string) => ({
    scope: '${azurerm_container_registry.acr.id}',
    role_definition_name: role,
    principal_id: `\${azurerm_user_assigned_identity.${principal}.principal_id}`,
  });

  test('compliant: AcrPull for the kubelet identity, AcrPush for CI', () => {
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', assignment('AcrPull', 'kubelet'), stack()).status).toBe('compliant');
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', assignment('AcrPush', 'ci'), stack()).status).toBe('compliant');
  });
  test('non-compliant: AcrPush for the kubelet identity (clusters only pull)', () => {
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', assignment('AcrPush', 'kubelet'), stack())).toMatchObject({
      status: 'non-compliant',
      message: 'kubelet identity has AcrPush; clusters only pull (AcrPull)',
    });
  });
  test('non-compliant: Contributor on a registry', () => {
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', assignment('Contributor', 'ci'), stack()).status).toBe('non-compliant');
  });
  test('not applicable: assignment on another scope', () => {
    const other = { ...assignment('Contributor', 'ci'), scope: '/subscriptions/s' };
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', other, stack()).status).toBe('not-applicable');
  });
  test('unknown: role name from a variable', () => {
    const dynamic = { ...assignment('x', 'ci'), role_definition_name: '${var.role}' };
    expect(evaluateRule(acrLeastPrivilegeRoles, 'azurerm_role_assignment', dynamic, stack()).status).toBe('unknown');
  });
});

describe('nsg-no-internet-inbound', () => {
  const rule = (extra: Record<string, unknown>) => ({ direction: 'Inbound', access: 'Allow', ...extra });
  test('compliant: internet to 443/80 only (Application Gateway)', () => {
    expect(evaluateRule(nsgNoInternetInbound, 'azurerm_network_security_rule', rule({ source_address_prefix: 'Internet', destination_port_ranges: ['443', '80'] })).status).toBe('compliant');
  });
  test('non-compliant: internet to SSH', () => {
    expect(evaluateRule(nsgNoInternetInbound, 'azurerm_network_security_rule', rule({ source_address_prefix: '*', destination_port_range: '22' })).status).toBe('non-compliant');
  });
  test('not applicable: a service tag source or an outbound rule', () => {
    expect(evaluateRule(nsgNoInternetInbound, 'azurerm_network_security_rule', rule({ source_address_prefix: 'GatewayManager', destination_port_ranges: ['65200-65535'] })).status).toBe(
      'not-applicable',
    );
    expect(evaluateRule(nsgNoInternetInbound, 'azurerm_network_security_rule', rule({ direction: 'Outbound', source_address_prefix: '*' })).status).toBe('not-applicable');
  });
  test('unknown: sources from a variable', () => {
    expect(evaluateRule(nsgNoInternetInbound, 'azurerm_network_security_rule', rule({ source_address_prefixes: ['${var.sources}'], destination_port_range: '22' })).status).toBe('unknown');
  });
});

describe('log-analytics-retention', () => {
  test('compliant at 90 days, non-compliant at the 30-day default, unknown from a variable', () => {
    expect(evaluateRule(logAnalyticsRetention, 'azurerm_log_analytics_workspace', { retention_in_days: 90 }).status).toBe('compliant');
    expect(evaluateRule(logAnalyticsRetention, 'azurerm_log_analytics_workspace', {}).status).toBe('non-compliant');
    expect(evaluateRule(logAnalyticsRetention, 'azurerm_log_analytics_workspace', { retention_in_days: '${var.days}' }).status).toBe('unknown');
  });
});
