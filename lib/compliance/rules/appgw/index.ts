import { IComplianceRule } from '../../types';
import { gatewayBackendPrivate } from './gateway-backend-private';
import { gatewayFirewallPolicy } from './gateway-firewall-policy';
import { gatewayFrontendExposure } from './gateway-frontend-exposure';
import { gatewayHttpRedirect } from './gateway-http-redirect';
import { gatewayTlsPolicy } from './gateway-tls-policy';
import { gatewayWafSku } from './gateway-waf-sku';
import { wafPolicyBotManager } from './waf-policy-bot-manager';
import { wafPolicyCoreRuleSet } from './waf-policy-core-rule-set';
import { wafPolicyEnabled } from './waf-policy-enabled';
import { wafPolicyNoBypass } from './waf-policy-no-bypass';
import { wafPolicyPrevention } from './waf-policy-prevention';
import { wafPolicyRateLimit } from './waf-policy-rate-limit';
import { wafPolicyRequestBodyCheck } from './waf-policy-request-body-check';

/** Every appgw rule, in the order packs list them. */
export const APPGW_RULES: IComplianceRule[] = [
  wafPolicyEnabled,
  wafPolicyPrevention,
  wafPolicyCoreRuleSet,
  wafPolicyRequestBodyCheck,
  wafPolicyBotManager,
  wafPolicyRateLimit,
  wafPolicyNoBypass,
  gatewayWafSku,
  gatewayTlsPolicy,
  gatewayHttpRedirect,
  gatewayFirewallPolicy,
  gatewayBackendPrivate,
  gatewayFrontendExposure,
];
