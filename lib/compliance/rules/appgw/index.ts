import { IComplianceRule } from '../../types';
import { appGatewayHttpsOnly } from './https-only';
import { appGatewayTlsPolicy } from './tls-policy';
import { appGatewayWafV2 } from './waf-v2';
import { wafPolicyManagedRules } from './waf-managed-rules';
import { wafPolicyPrevention } from './waf-policy-prevention';

/** Every Application Gateway and WAF policy rule, in the order packs list them. */
export const APPGW_RULES: IComplianceRule[] = [appGatewayWafV2, appGatewayTlsPolicy, appGatewayHttpsOnly, wafPolicyPrevention, wafPolicyManagedRules];
