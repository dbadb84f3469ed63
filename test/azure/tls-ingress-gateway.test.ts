import { ApplicationGateway } from '@cdktf/provider-azurerm/lib/application-gateway';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { WebApplicationFirewallPolicy } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { Testing, TerraformStack } from 'cdktf';
import { CisAksPack, GatewayMode, TlsIngressGateway, TlsIngressGatewayProps, TlsMinimumVersion, TlsPolicy, WafMode } from '../../lib';
import { azureStack, synthWithPacks, testApp } from '../helpers/synth';

const props: TlsIngressGatewayProps = {
  name: 'prod',
  resourceGroupName: 'rg',
  location: 'westeurope',
  subnetId: 'snet-agw',
  certificateSecretId: 'https://kv-platform-prod.vault.azure.net/secrets/ingress-tls',
  keyVaultId: 'kv-id',
  backendAddresses: ['10.240.4.100', 'web.internal.example.com'],
};
const stack = () => new TerraformStack(Testing.app(), 'test');
const gatewayOf = (out: string) => Object.values<any>(JSON.parse(out).resource.azurerm_application_gateway)[0];

describe('TlsIngressGateway defaults', () => {
  const s = stack();
  new TlsIngressGateway(s, 'gw', props);
  const out = Testing.synth(s);
  const gw = gatewayOf(out);

  test('WAF_v2, zones, autoscale, WAF policy attached', () => {
    expect(out).toHaveResourceWithProperties(ApplicationGateway, {
      sku: { name: 'WAF_v2', tier: 'WAF_v2' },
      zones: ['1', '2', '3'],
      autoscale_configuration: { min_capacity: 2, max_capacity: 10 },
      force_firewall_policy_association: true,
    });
    expect(gw.firewall_policy_id).toMatch(/azurerm_web_application_firewall_policy\.gw_waf-policy_.*\.id/);
  });

  test('strict predefined TLS policy and the Key Vault certificate read by the gateway identity', () => {
    expect(gw.ssl_policy).toEqual({ policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' });
    expect(gw.ssl_certificate).toEqual([{ name: 'tls', key_vault_secret_id: props.certificateSecretId }]);
    expect(gw.identity.type).toBe('UserAssigned');
    expect(out).toHaveResourceWithProperties(RoleAssignment, { scope: 'kv-id', role_definition_name: 'Key Vault Secrets User' });
  });

  test('HTTP only redirects to HTTPS', () => {
    expect(gw.redirect_configuration).toEqual([{ name: 'http-to-https', redirect_type: 'Permanent', target_listener_name: 'https', include_path: true, include_query_string: true }]);
    expect(gw.request_routing_rule.find((r: any) => r.http_listener_name === 'http').redirect_configuration_name).toBe('http-to-https');
  });

  test('private backends over HTTP by default (TLS ends at the gateway)', () => {
    expect(gw.backend_address_pool).toEqual([{ name: 'backend', ip_addresses: ['10.240.4.100'], fqdns: ['web.internal.example.com'] }]);
    expect(gw.backend_http_settings[0]).toMatchObject({ protocol: 'Http', port: 80 });
  });

  test('WAF policy: enabled, Prevention, body check, OWASP 3.2 and bot manager', () => {
    expect(out).toHaveResourceWithProperties(WebApplicationFirewallPolicy, {
      policy_settings: { enabled: true, mode: 'Prevention', request_body_check: true, max_request_body_size_in_kb: 128, file_upload_limit_in_mb: 100 },
      managed_rules: { managed_rule_set: [{ type: 'OWASP', version: '3.2' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.0' }] },
    });
  });

  test('passes the CIS AKS pack rules for gateways and WAF', () => {
    const app = testApp();
    new TlsIngressGateway(azureStack(app, 'edge'), 'gw', props);
    const report = synthWithPacks(app, [new CisAksPack()]).report('edge');
    expect(report.findings.filter((f: any) => f.ruleId.startsWith('appgw-') || f.ruleId.startsWith('waf-')).map((f: any) => [f.ruleId, f.status])).toEqual([
      ['appgw-https-only', 'compliant'],
      ['appgw-tls-policy', 'compliant'],
      ['appgw-waf-v2', 'compliant'],
      ['waf-policy-managed-rules', 'compliant'],
      ['waf-policy-prevention', 'compliant'],
    ]);
  });
});

describe('TlsIngressGateway options', () => {
  test('AGIC mode: routing left to AGIC, grants for the AGIC identity', () => {
    const s = stack();
    const gw = new TlsIngressGateway(s, 'gw', { ...props, backendAddresses: undefined, mode: GatewayMode.AGIC });
    gw.grantAgic('agic-object-id', 'rg-id');
    const out = Testing.synth(s);
    expect(gatewayOf(out).lifecycle.ignore_changes).toContain('request_routing_rule');
    for (const [role, scope] of [['Contributor', undefined], ['Reader', 'rg-id'], ['Network Contributor', 'snet-agw']]) {
      expect(out).toHaveResourceWithProperties(RoleAssignment, { role_definition_name: role, principal_id: 'agic-object-id', ...(scope ? { scope } : {}) });
    }
  });

  test('backend re-encryption, SNI host name, private frontend, custom TLS policy', () => {
    const s = stack();
    new TlsIngressGateway(s, 'gw', {
      ...props,
      backendTls: true,
      hostName: 'app.example.com',
      privateFrontendIp: '10.240.8.10',
      tlsPolicy: TlsPolicy.custom(TlsMinimumVersion.TLS1_3),
    });
    const gw = gatewayOf(Testing.synth(s));
    expect(gw.backend_http_settings[0]).toMatchObject({ protocol: 'Https', port: 443, pick_host_name_from_backend_address: true });
    expect(gw.http_listener[0]).toMatchObject({ host_name: 'app.example.com', require_sni: true, frontend_ip_configuration_name: 'private' });
    expect(gw.ssl_policy).toMatchObject({ policy_type: 'CustomV2', min_protocol_version: 'TLSv1_3' });
  });

  test('Detection mode synthesizes as chosen and fails waf-policy-prevention unless waived', () => {
    const app = testApp();
    new TlsIngressGateway(azureStack(app, 'edge'), 'gw', { ...props, wafMode: WafMode.DETECTION });
    expect(() => synthWithPacks(app, [new CisAksPack()])).toThrow(/waf-policy-prevention .*Detection mode/);
  });
});

describe('TlsIngressGateway bad input', () => {
  test.each<[string, Partial<TlsIngressGatewayProps>, RegExp]>([
    ['a certificate id that is not a Key Vault secret URI', { certificateSecretId: 'https://kv.vault.azure.net/certificates/tls' }, /invalid certificateSecretId .*Key Vault secret URI/],
    ['a public backend IP', { backendAddresses: ['20.50.1.1'] }, /invalid backendAddresses "20.50.1.1".*private/],
    ['no backends in standalone mode', { backendAddresses: [] }, /backendAddresses is required/],
    ['min above max capacity', { minCapacity: 5, maxCapacity: 3 }, /invalid minCapacity\/maxCapacity/],
    ['an unknown WAF mode', { wafMode: 'Off' as WafMode }, /invalid wafMode "Off"/],
  ])('rejects %s', (_label, overrides, message) => {
    expect(() => new TlsIngressGateway(stack(), 'gw', { ...props, ...overrides })).toThrow(message);
  });

  test.each([
    ['TLS below 1.2', () => TlsPolicy.custom('TLSv1_1' as TlsMinimumVersion), /invalid minimumVersion "TLSv1_1"/],
    ['CBC ciphers', () => TlsPolicy.custom(TlsMinimumVersion.TLS1_2, ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384']), /invalid cipherSuites .*CBC/],
  ])('TlsPolicy.custom rejects %s', (_label, build, message) => {
    expect(build).toThrow(message);
  });
});
