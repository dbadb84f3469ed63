import { appGatewayHttpsOnly } from '../../../lib/compliance/rules/appgw/https-only';
import { appGatewayTlsPolicy } from '../../../lib/compliance/rules/appgw/tls-policy';
import { wafPolicyManagedRules } from '../../../lib/compliance/rules/appgw/waf-managed-rules';
import { wafPolicyPrevention } from '../../../lib/compliance/rules/appgw/waf-policy-prevention';
import { appGatewayWafV2 } from '../../../lib/compliance/rules/appgw/waf-v2';
import { evaluateRule } from '../../helpers/rule-harness';

const AGW = 'azurerm_application_gateway';
const WAF = 'azurerm_web_application_firewall_policy';

test('appgw-waf-v2', () => {
  expect(evaluateRule(appGatewayWafV2, AGW, { sku: { tier: 'WAF_v2' }, firewall_policy_id: 'p' }).status).toBe('compliant');
  expect(evaluateRule(appGatewayWafV2, AGW, { sku: { tier: 'Standard_v2' } }).status).toBe('non-compliant');
  expect(evaluateRule(appGatewayWafV2, AGW, { sku: { tier: '${var.tier}' } }).status).toBe('unknown');
});

describe('appgw-tls-policy', () => {
  test.each([
    [{ ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20220101S' } }, 'compliant'],
    [{ ssl_policy: { policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'] } }, 'compliant'],
    [{}, 'non-compliant'],
    [{ ssl_policy: { policy_type: 'Predefined', policy_name: 'AppGwSslPolicy20150501' } }, 'non-compliant'],
    [{ ssl_policy: { policy_type: 'Custom', min_protocol_version: 'TLSv1_0' } }, 'non-compliant'],
    [{ ssl_policy: { policy_type: 'CustomV2', min_protocol_version: 'TLSv1_2', cipher_suites: ['TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384'] } }, 'non-compliant'],
    [{ ssl_policy: { policy_type: 'Predefined', policy_name: '${var.policy}' } }, 'unknown'],
  ])('%j is %s', (config, status) => {
    expect(evaluateRule(appGatewayTlsPolicy, AGW, config).status).toBe(status);
  });
});

describe('appgw-https-only', () => {
  const listeners = [
    { name: 'https', protocol: 'Https' },
    { name: 'http', protocol: 'Http' },
  ];
  test('compliant: HTTP only redirects to the HTTPS listener', () => {
    const config = {
      http_listener: listeners,
      redirect_configuration: [{ name: 'r', target_listener_name: 'https' }],
      request_routing_rule: [{ http_listener_name: 'http', redirect_configuration_name: 'r' }, { http_listener_name: 'https', backend_address_pool_name: 'b' }],
    };
    expect(evaluateRule(appGatewayHttpsOnly, AGW, config).status).toBe('compliant');
  });
  test('non-compliant: an HTTP listener serving a backend', () => {
    const config = { http_listener: listeners, request_routing_rule: [{ http_listener_name: 'http', backend_address_pool_name: 'b' }] };
    expect(evaluateRule(appGatewayHttpsOnly, AGW, config)).toEqual({ status: 'non-compliant', message: 'HTTP listeners serving content: http' });
  });
  test('non-compliant: HTTP only', () => {
    expect(evaluateRule(appGatewayHttpsOnly, AGW, { http_listener: [{ name: 'http', protocol: 'Http' }] }).status).toBe('non-compliant');
  });
  test('unknown: listeners from an expression', () => {
    expect(evaluateRule(appGatewayHttpsOnly, AGW, { http_listener: '${local.listeners}' }).status).toBe('unknown');
  });
});

test('waf-policy-prevention', () => {
  expect(evaluateRule(wafPolicyPrevention, WAF, { policy_settings: { enabled: true, mode: 'Prevention', request_body_check: true } }).status).toBe('compliant');
  expect(evaluateRule(wafPolicyPrevention, WAF, { policy_settings: { mode: 'Detection' } }).status).toBe('non-compliant');
  expect(evaluateRule(wafPolicyPrevention, WAF, { policy_settings: { enabled: false } }).status).toBe('non-compliant');
  expect(evaluateRule(wafPolicyPrevention, WAF, { policy_settings: { mode: '${var.mode}' } }).status).toBe('unknown');
});

test('waf-policy-managed-rules', () => {
  const sets = (...s: any[]) => ({ managed_rules: { managed_rule_set: s } });
  expect(evaluateRule(wafPolicyManagedRules, WAF, sets({ type: 'OWASP', version: '3.2' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.0' })).status).toBe('compliant');
  expect(evaluateRule(wafPolicyManagedRules, WAF, sets({ type: 'Microsoft_DefaultRuleSet', version: '2.1' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.1' })).status).toBe('compliant');
  expect(evaluateRule(wafPolicyManagedRules, WAF, sets({ type: 'OWASP', version: '3.1' }, { type: 'Microsoft_BotManagerRuleSet', version: '1.0' })).status).toBe('non-compliant');
  expect(evaluateRule(wafPolicyManagedRules, WAF, sets({ type: 'OWASP', version: '3.2' })).status).toBe('non-compliant');
  expect(evaluateRule(wafPolicyManagedRules, WAF, { managed_rules: { managed_rule_set: '${var.sets}' } }).status).toBe('unknown');
});
