// Internal: validates RateLimitRule input and renders it as azurerm WAF policy custom_rules.
import { WebApplicationFirewallPolicyCustomRules } from '@cdktf/provider-azurerm/lib/web-application-firewall-policy';
import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../../errors';
import { validateIntegerRange } from '../../validation';
import { RateLimitAction, RateLimitDuration, RateLimitGrouping, RateLimitRule } from './rate-limit-rule';

const RULE_NAME = /^[A-Za-z][A-Za-z0-9]{0,127}$/;
const FIRST_PRIORITY = 10;

function member<T extends string>(construct: string, prop: string, value: T, values: Record<string, T>, fallback: T): T {
  const chosen = value ?? fallback;
  if (!Object.values(values).includes(chosen)) {
    throw invalidProp(construct, prop, chosen, Object.values(values).join(', '), 'use a member of the enum');
  }
  return chosen;
}

function pathPrefixes(construct: string, prop: string, given: string[] | undefined): string[] {
  if (given !== undefined && given !== null && (!Array.isArray(given) || given.length === 0)) {
    throw invalidProp(construct, prop, given, 'one or more paths beginning with "/"', 'leave pathPrefixes unset to limit every path');
  }
  const prefixes = given ?? ['/'];
  for (const prefix of prefixes) {
    if (Token.isUnresolved(prefix)) {
      continue;
    }
    if (typeof prefix !== 'string' || !prefix.startsWith('/') || /\s/.test(prefix)) {
      throw invalidProp(construct, prop, prefix, 'a path beginning with "/" and without spaces, e.g. "/api/"', 'write the path as the client sends it');
    }
  }
  // The rule lower-cases and URL-decodes the request path before comparing: compare with lower-case prefixes.
  return [...new Set(prefixes.map((p) => (Token.isUnresolved(p) ? p : p.toLowerCase())))].sort();
}

/** The custom_rules blocks of the rate limits (validated: names, priorities, thresholds, paths). */
export function renderRateLimitRules(construct: string, rules: RateLimitRule[] | undefined): WebApplicationFirewallPolicyCustomRules[] {
  if (rules === null || (rules !== undefined && !Array.isArray(rules))) {
    throw invalidProp(construct, 'rateLimitRules', rules, 'a list of RateLimitRule', 'leave rateLimitRules unset for the default limit, or pass [] to turn rate limiting off (the rule then fails synth unless waived)');
  }
  const names = new Set<string>();
  const priorities = new Set<number>();
  return (rules ?? []).map((rule, i) => {
    const at = `rateLimitRules[${i}]`;
    if (!rule || typeof rule !== 'object') {
      throw invalidProp(construct, at, rule, 'a RateLimitRule { name, threshold, ... }', 'pass an object per rule');
    }
    if (rule.name === undefined || rule.name === null || rule.name === '') {
      throw missingProp(construct, `${at}.name`, 'name the rule, e.g. "perClientPerMinute"');
    }
    if (!Token.isUnresolved(rule.name) && (typeof rule.name !== 'string' || !RULE_NAME.test(rule.name))) {
      throw invalidProp(construct, `${at}.name`, rule.name, 'a letter followed by letters and digits, at most 128 characters', 'use a name such as "apiPerClient"');
    }
    if (names.has(rule.name)) {
      throw invalidProp(construct, `${at}.name`, rule.name, 'a name no other rate limit of the gateway uses', 'give each rule its own name');
    }
    names.add(rule.name);
    if (rule.threshold === undefined || rule.threshold === null) {
      throw missingProp(construct, `${at}.threshold`, 'give the number of requests allowed per window, e.g. 1000');
    }
    validateIntegerRange(construct, `${at}.threshold`, rule.threshold, 1, 2_147_483_647, 'allow at least 1 request per window (a limit of 0 would block everything; to block, use a WAF match rule)');
    const priority = rule.priority ?? FIRST_PRIORITY + i;
    validateIntegerRange(construct, `${at}.priority`, priority, 1, 100, 'Application Gateway custom rules take priorities 1-100');
    if (priorities.has(priority)) {
      throw invalidProp(construct, `${at}.priority`, priority, 'a priority no other rate limit of the gateway uses', 'give each rule its own priority');
    }
    priorities.add(priority);
    return {
      name: rule.name,
      priority,
      ruleType: 'RateLimitRule',
      action: member(construct, `${at}.action`, rule.action as RateLimitAction, RateLimitAction, RateLimitAction.BLOCK),
      enabled: true,
      rateLimitDuration: member(construct, `${at}.duration`, rule.duration as RateLimitDuration, RateLimitDuration, RateLimitDuration.ONE_MINUTE),
      rateLimitThreshold: rule.threshold,
      groupRateLimitBy: member(construct, `${at}.groupBy`, rule.groupBy as RateLimitGrouping, RateLimitGrouping, RateLimitGrouping.CLIENT_ADDRESS),
      matchConditions: [
        {
          matchVariables: [{ variableName: 'RequestUri' }],
          operator: 'BeginsWith',
          matchValues: pathPrefixes(construct, `${at}.pathPrefixes`, rule.pathPrefixes),
          // Decoded and lower-cased, so encoding or case does not slip past the limit.
          transforms: ['Lowercase', 'UrlDecode'],
        },
      ],
    };
  });
}
