import { APPGW_RULES } from '../../../lib/compliance/rules/appgw';
import { gatewayBackendPrivate } from '../../../lib/compliance/rules/appgw/gateway-backend-private';
import { gatewayFirewallPolicy } from '../../../lib/compliance/rules/appgw/gateway-firewall-policy';
import { gatewayFrontendExposure } from '../../../lib/compliance/rules/appgw/gateway-frontend-exposure';
import { gatewayHttpRedirect } from '../../../lib/compliance/rules/appgw/gateway-http-redirect';
import { gatewayTlsPolicy } from '../../../lib/compliance/rules/appgw/gateway-tls-policy';
import { gatewayWafSku } from '../../../lib/compliance/rules/appgw/gateway-waf-sku';
import { wafPolicyBotManager } from '../../../lib/compliance/rules/appgw/waf-policy-bot-manager';
import { wafPolicyCoreRuleSet } from '../../../lib/compliance/rules/appgw/waf-policy-core-rule-set';
import { wafPolicyEnabled } from '../../../lib/compliance/rules/appgw/waf-policy-enabled';
import { wafPolicyNoBypass } from '../../../lib/compliance/rules/appgw/waf-policy-no-bypass';
import { wafPolicyPrevention } from '../../../lib/compliance/rules/appgw/waf-policy-prevention';
import { wafPolicyRateLimit } from '../../../lib/compliance/rules/appgw/waf-policy-rate-limit';
import { wafPolicyRequestBodyCheck } from '../../../lib/compliance/rules/appgw/waf-policy-request-body-check';
import { evaluateRule } from '../../helpers/rule-harness';

const WAF = 'azurerm_web_application_firewall_policy';
const GW = 'azurerm_application_gateway';
const status = (rule: any, type: string, config: any) => evaluateRule(rule, type, config).status;
const sets = (...s: any[]) => ({ managed_rules: { managed_rule_set: s } });

test('APPGW_RULES lists every gateway and WAF rule once', () => {
  const ids = APPGW_RULES.map((r) => r.metadata.id);
  expect(new Set(ids).size).toBe(ids.length);
  expect(ids).toHaveLength(13);
});

describe('appgw-waf-policy-enabled', () => {
  test('compliant: explicit', () => expect(status(wafPolicyEnabled, WAF, { policy_settings: { enabled: true } })).toBe('compliant'));
  test('compliant: provider default (enabled)', () => expect(status(wafPolicyEnabled, WAF, {})).toBe('compliant'));
  test('non-compliant: disabled', () => expect(status(wafPolicyEnabled, WAF, { policy_settings: { enabled: false } })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(wafPolicyEnabled, WAF, { policy_settings: { enabled: '${var.on}' } })).toBe('unknown'));
});

describe('appgw-waf-policy-prevention', () => {
  test('compliant', () => expect(status(wafPolicyPrevention, WAF, { policy_settings: { mode: 'Prevention' } })).toBe('compliant'));
  test('non-compliant: Detection', () => expect(status(wafPolicyPrevention, WAF, { policy_settings: { mode: 'Detection' } })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(wafPolicyPrevention, WAF, { policy_settings: { mode: '${var.mode}' } })).toBe('unknown'));
});

describe('appgw-waf-policy-request-body-check', () => {
  test('compliant', () => expect(status(wafPolicyRequestBodyCheck, WAF, { policy_settings: { request_body_check: true } })).toBe('compliant'));
  test('non-compliant: off', () => expect(status(wafPolicyRequestBodyCheck, WAF, { policy_settings: { request_body_check: false } })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(wafPolicyRequestBodyCheck, WAF, { policy_settings: { request_body_check: '${var.b}' } })).toBe('unknown'));
});

describe('appgw-waf-policy-owasp-rule-set', () => {
  test('compliant: OWASP 3.2', () => expect(status(wafPolicyCoreRuleSet, WAF, sets({ type: 'OWASP', version: '3.2' }))).toBe('compliant'));
  test('compliant: type defaults to OWASP', () => expect(status(wafPolicyCoreRuleSet, WAF, sets({ version: '3.2' }))).toBe('compliant'));
  test('compliant: Microsoft_DefaultRuleSet 2.1', () => expect(status(wafPolicyCoreRuleSet, WAF, sets({ type: 'Microsoft_DefaultRuleSet', version: '2.1' }))).toBe('compliant'));
  test('non-compliant: OWASP 3.1', () => expect(status(wafPolicyCoreRuleSet, WAF, sets({ type: 'OWASP', version: '3.1' }))).toBe('non-compliant'));
  test('non-compliant: bot manager only', () =>
    expect(status(wafPolicyCoreRuleSet, WAF, sets({ type: 'Microsoft_BotManagerRuleSet', version: '1.0' }))).toBe('non-compliant'));
  test('unknown: version from a variable', () => expect(status(wafPolicyCoreRuleSet, WAF, sets({ type: 'OWASP', version: '${var.v}' }))).toBe('unknown'));
});

describe('appgw-waf-policy-bot-manager', () => {
  test('compliant', () =>
    expect(status(wafPolicyBotManager, WAF, sets({ type: 'OWASP', version: '3.2' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.1' }))).toBe('compliant'));
  test('non-compliant: OWASP only', () => expect(status(wafPolicyBotManager, WAF, sets({ type: 'OWASP', version: '3.2' }))).toBe('non-compliant'));
  test('unknown: type from a variable', () => expect(status(wafPolicyBotManager, WAF, sets({ type: '${var.t}', version: '1.0' }))).toBe('unknown'));
});

describe('appgw-waf-policy-rate-limit', () => {
  const limit = (overrides: any = {}) => ({
    name: 'perClient',
    priority: 10,
    rule_type: 'RateLimitRule',
    action: 'Block',
    enabled: true,
    rate_limit_duration: 'OneMin',
    rate_limit_threshold: 1000,
    group_rate_limit_by: 'ClientAddr',
    match_conditions: [{ match_variables: [{ variable_name: 'RequestUri' }], operator: 'BeginsWith', match_values: ['/'] }],
    ...overrides,
  });
  const result = (...rules: any[]) => evaluateRule(wafPolicyRateLimit, WAF, { custom_rules: rules });
  test('compliant: an enforcing rate limit', () => expect(result(limit()).status).toBe('compliant'));
  test('compliant: enabled is the provider default; a log-only rule beside a blocking one', () =>
    expect(result(limit({ enabled: undefined }), limit({ name: 'audit', action: 'Log' })).status).toBe('compliant'));
  test('non-compliant: no custom rules at all', () => expect(evaluateRule(wafPolicyRateLimit, WAF, {})).toEqual({ status: 'non-compliant', message: 'no custom_rules' }));
  test('non-compliant: a match rule only, however it blocks', () =>
    expect(result(limit({ rule_type: 'MatchRule', rate_limit_threshold: undefined })).message).toMatch(/perClient: rule_type MatchRule/));
  test('non-compliant: a log-only rate limit limits nothing', () => expect(result(limit({ action: 'Log' })).message).toMatch(/action Log does not stop requests/));
  test('non-compliant: a disabled rate limit', () => expect(result(limit({ enabled: false })).message).toMatch(/perClient: disabled/));
  test('non-compliant: a rate limit without threshold', () => expect(result(limit({ rate_limit_threshold: undefined })).status).toBe('non-compliant'));
  test('unknown: action from a variable', () => expect(result(limit({ action: '${var.action}' })).status).toBe('unknown'));
  test('unknown: the rules from a dynamic expression', () => expect(status(wafPolicyRateLimit, WAF, { custom_rules: '${local.rules}' })).toBe('unknown'));
});

describe('appgw-waf-policy-no-bypass', () => {
  const allowAll = { name: 'allowOffice', priority: 1, rule_type: 'MatchRule', action: 'Allow', match_conditions: [{ match_variables: [{ variable_name: 'RemoteAddr' }], operator: 'IPMatch', match_values: ['0.0.0.0/0'] }] };
  const judge = (config: any) => evaluateRule(wafPolicyNoBypass, WAF, config);
  const exclusion = (operator: string) => ({ managed_rules: { managed_rule_set: [{ type: 'OWASP', version: '3.2' }], exclusion: [{ match_variable: 'RequestHeaderNames', selector: 'x-trace', selector_match_operator: operator }] } });
  test('compliant: rate limits, blocking and log-only rules, a disabled Allow rule, an exclusion of one named header', () => {
    expect(judge({}).status).toBe('compliant');
    expect(judge({ custom_rules: [{ ...allowAll, action: 'Block' }, { ...allowAll, action: 'Log' }, { ...allowAll, enabled: false }] }).status).toBe('compliant');
    expect(judge(exclusion('Equals')).status).toBe('compliant');
  });
  test('non-compliant: an Allow custom rule; an exclusion of every header', () => {
    expect(judge({ custom_rules: [allowAll] })).toEqual({ status: 'non-compliant', message: 'custom rule allowOffice allows the requests it matches past every managed rule' });
    expect(judge(exclusion('EqualsAny')).message).toBe('exclusion 0 leaves every RequestHeaderNames uninspected (selector_match_operator EqualsAny)');
  });
  test('unknown: an action or operator from a variable', () => {
    expect(judge({ custom_rules: [{ ...allowAll, action: '${var.action}' }] }).status).toBe('unknown');
    expect(judge(exclusion('${var.op}')).status).toBe('unknown');
  });
});

describe('appgw-waf-v2-sku', () => {
  test('compliant', () => expect(status(gatewayWafSku, GW, { sku: { name: 'WAF_v2', tier: 'WAF_v2' } })).toBe('compliant'));
  test('non-compliant: Standard_v2', () => expect(status(gatewayWafSku, GW, { sku: { name: 'Standard_v2', tier: 'Standard_v2' } })).toBe('non-compliant'));
  test('unknown: from a variable', () => expect(status(gatewayWafSku, GW, { sku: { tier: '${var.tier}' } })).toBe('unknown'));
});

describe('appgw-firewall-policy-attached', () => {
  test('compliant', () => expect(status(gatewayFirewallPolicy, GW, { firewall_policy_id: '${azurerm_web_application_firewall_policy.w.id}' })).toBe('compliant'));
  test('non-compliant: none', () => expect(status(gatewayFirewallPolicy, GW, {})).toBe('non-compliant'));
  test('non-compliant: empty', () => expect(status(gatewayFirewallPolicy, GW, { firewall_policy_id: '' })).toBe('non-compliant'));
});

describe('appgw-tls-policy', () => {
  test('compliant: AppGwSslPolicy20220101S', () =>
    expect(status(gatewayTlsPolicy, GW, { ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' } })).toBe('compliant'));
  test('compliant: CustomV2 TLS 1.2 with GCM suites', () =>
    expect(
      status(gatewayTlsPolicy, GW, {
        ssl_policy: { policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] },
      }),
    ).toBe('compliant'));
  test('non-compliant: no ssl_policy', () => expect(status(gatewayTlsPolicy, GW, {})).toBe('non-compliant'));
  test('non-compliant: older predefined policy', () =>
    expect(status(gatewayTlsPolicy, GW, { ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20170401' } })).toBe('non-compliant'));
  test('non-compliant: custom TLS 1.1', () =>
    expect(status(gatewayTlsPolicy, GW, { ssl_policy: { policy_type: 'Custom', min_protocol_version: 'TLSv1_1', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'] } })).toBe(
      'non-compliant',
    ));
  test('non-compliant: custom with a CBC suite', () =>
    expect(
      status(gatewayTlsPolicy, GW, {
        ssl_policy: { policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'] },
      }),
    ).toBe('non-compliant'));
  test('non-compliant: an SSL profile with a weak policy', () =>
    expect(
      status(gatewayTlsPolicy, GW, {
        ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' },
        ssl_profile: [{ name: 'legacy', ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' } }],
      }),
    ).toBe('non-compliant'));
  test('unknown: policy name from a variable', () =>
    expect(status(gatewayTlsPolicy, GW, { ssl_policy: { policy_type: 'Predefined', policy_name: '${var.policy}' } })).toBe('unknown'));
});

describe('appgw-http-listener-redirect', () => {
  const listeners = [
    { name: 'http', protocol: 'Http' },
    { name: 'https', protocol: 'Https' },
  ];
  const redirect = [{ name: 'to-https', redirect_type: 'Permanent', target_listener_name: 'https' }];
  test('compliant: HTTP listener redirects to the HTTPS listener', () =>
    expect(
      status(gatewayHttpRedirect, GW, {
        http_listener: listeners,
        redirect_configuration: redirect,
        request_routing_rule: [
          { name: 'r1', http_listener_name: 'http', redirect_configuration_name: 'to-https' },
          { name: 'r2', http_listener_name: 'https', backend_address_pool_name: 'pool' },
        ],
      }),
    ).toBe('compliant'));
  test('compliant: redirect to an https:// URL', () =>
    expect(
      status(gatewayHttpRedirect, GW, {
        http_listener: [{ name: 'http', protocol: 'Http' }],
        redirect_configuration: [{ name: 'to-url', target_url: 'https://app.example.com' }],
        request_routing_rule: [{ name: 'r1', http_listener_name: 'http', redirect_configuration_name: 'to-url' }],
      }),
    ).toBe('compliant'));
  test('not applicable: HTTPS listeners only', () =>
    expect(status(gatewayHttpRedirect, GW, { http_listener: [{ name: 'https', protocol: 'Https' }] })).toBe('not-applicable'));
  test('non-compliant: HTTP listener serving a backend pool', () =>
    expect(
      status(gatewayHttpRedirect, GW, {
        http_listener: listeners,
        request_routing_rule: [{ name: 'r1', http_listener_name: 'http', backend_address_pool_name: 'pool' }],
      }),
    ).toBe('non-compliant'));
  test('non-compliant: redirect to another HTTP listener', () =>
    expect(
      status(gatewayHttpRedirect, GW, {
        http_listener: [...listeners, { name: 'http2', protocol: 'Http' }],
        redirect_configuration: [{ name: 'loop', target_listener_name: 'http2' }],
        request_routing_rule: [
          { name: 'r1', http_listener_name: 'http', redirect_configuration_name: 'loop' },
          { name: 'r2', http_listener_name: 'http2', redirect_configuration_name: 'loop' },
        ],
      }),
    ).toBe('non-compliant'));
  test('unknown: listeners from a dynamic expression', () => expect(status(gatewayHttpRedirect, GW, { http_listener: '${local.listeners}' })).toBe('unknown'));
});

describe('appgw-backend-private', () => {
  const pool = (ip_addresses?: any, fqdns?: any) => ({ backend_address_pool: [{ name: 'backend', ip_addresses, fqdns }] });
  test('compliant: RFC 1918 addresses, internal names, private address attributes', () => {
    expect(status(gatewayBackendPrivate, GW, pool(['10.240.0.10', '172.16.0.4', '192.168.1.4'], ['app.internal.example.com']))).toBe('compliant');
    expect(status(gatewayBackendPrivate, GW, pool(['${azurerm_lb.ilb.private_ip_address}']))).toBe('compliant');
    expect(status(gatewayBackendPrivate, GW, pool(['fd00::10']))).toBe('compliant');
  });
  test('non-compliant: a public IP, also one written as a name, also IPv6', () => {
    expect(evaluateRule(gatewayBackendPrivate, GW, pool(['10.0.0.1', '20.50.1.2'])).message).toBe('public backend address(es): 20.50.1.2 (pool backend)');
    expect(status(gatewayBackendPrivate, GW, pool(undefined, ['8.8.8.8']))).toBe('non-compliant');
    expect(status(gatewayBackendPrivate, GW, pool(['2001:db8::1']))).toBe('non-compliant');
    expect(status(gatewayBackendPrivate, GW, pool(['172.32.0.1']))).toBe('non-compliant');
  });
  test('unknown: an address from a variable or another attribute', () => {
    expect(status(gatewayBackendPrivate, GW, pool(['${var.backend}']))).toBe('unknown');
    expect(status(gatewayBackendPrivate, GW, pool('${var.backends}'))).toBe('unknown');
    expect(status(gatewayBackendPrivate, GW, pool(['${azurerm_public_ip.x.ip_address}']))).toBe('unknown');
  });
  test('not applicable: no backend pool', () => expect(status(gatewayBackendPrivate, GW, {})).toBe('not-applicable'));
});

describe('appgw-frontend-exposure', () => {
  const frontends = (...f: any[]) => f.map((x, i) => ({ name: `fe-${i}`, ...x }));
  const tagged = (exposure: any, ...f: any[]) => ({ tags: { 'hardened-k8s-frontend': exposure }, frontend_ip_configuration: frontends(...f) });
  test('compliant: built private with a private frontend; built public', () => {
    expect(status(gatewayFrontendExposure, GW, tagged('private', { subnet_id: 's', private_ip_address: '10.0.0.10' }))).toBe('compliant');
    expect(status(gatewayFrontendExposure, GW, tagged('public', { public_ip_address_id: '${azurerm_public_ip.p.id}' }))).toBe('compliant');
  });
  test('non-compliant: a public frontend on a gateway built private; an unknown exposure', () => {
    const result = evaluateRule(gatewayFrontendExposure, GW, tagged('private', { subnet_id: 's' }, { public_ip_address_id: '${azurerm_public_ip.p.id}' }));
    expect(result).toEqual({ status: 'non-compliant', message: 'public frontend(s) on a gateway built private: fe-1' });
    expect(status(gatewayFrontendExposure, GW, tagged('internal'))).toBe('non-compliant');
  });
  test('unknown: exposure from a variable', () => expect(status(gatewayFrontendExposure, GW, tagged('${var.exposure}'))).toBe('unknown'));
  test('not applicable: a gateway without the tag', () => expect(status(gatewayFrontendExposure, GW, { frontend_ip_configuration: frontends({ public_ip_address_id: 'x' }) })).toBe('not-applicable'));
});
