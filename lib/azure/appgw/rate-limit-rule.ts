/** Window a WAF rate-limit rule counts requests in (azurerm `rate_limit_duration`). */
export enum RateLimitDuration {
  /** One minute. */
  ONE_MINUTE = 'OneMin',
  /** Five minutes. */
  FIVE_MINUTES = 'FiveMins',
}

/** What a WAF rate-limit rule counts requests per (azurerm `group_rate_limit_by`). */
export enum RateLimitGrouping {
  /** Per client IP address as the gateway sees it. */
  CLIENT_ADDRESS = 'ClientAddr',
  /** Per client IP address from the X-Forwarded-For header (only behind a trusted proxy or CDN that sets it). */
  CLIENT_ADDRESS_FROM_X_FORWARDED_FOR = 'ClientAddrXFFHeader',
  /** Per client country. */
  GEO_LOCATION = 'GeoLocation',
  /** Per client country from the X-Forwarded-For header. */
  GEO_LOCATION_FROM_X_FORWARDED_FOR = 'GeoLocationXFFHeader',
  /** All matching requests together. */
  NONE = 'None',
}

/** What the WAF does with requests beyond a rate limit. */
export enum RateLimitAction {
  /** Reject them (HTTP 403). */
  BLOCK = 'Block',
  /** Only log them. Nothing is limited: the `appgw-waf-policy-rate-limit` rule fails synth unless waived. */
  LOG = 'Log',
}

/**
 * A rate limit the Application Gateway WAF enforces before requests reach the backends: at most `threshold`
 * requests per `duration` for each group of requests (e.g. per client address), on the paths that begin with
 * one of `pathPrefixes`.
 */
export interface RateLimitRule {
  /** Custom rule name: a letter, then letters and digits (at most 128 characters), unique in the policy. */
  readonly name: string;
  /** Requests allowed per group in one window; at least 1. */
  readonly threshold: number;
  /**
   * Window the requests are counted in.
   * @default RateLimitDuration.ONE_MINUTE
   */
  readonly duration?: RateLimitDuration;
  /**
   * What requests are counted per.
   * @default RateLimitGrouping.CLIENT_ADDRESS
   */
  readonly groupBy?: RateLimitGrouping;
  /**
   * Request paths the limit applies to, each beginning with `/` (compared URL-decoded and lower-cased, so
   * `/API` and `/%61pi` count against `/api`).
   * @default ['/'] (every path)
   */
  readonly pathPrefixes?: string[];
  /**
   * Custom rule priority, 1-100 (lower runs first), unique in the policy.
   * @default - 10 for the first rule, 11 for the next, and so on
   */
  readonly priority?: number;
  /**
   * What happens to requests beyond the limit.
   * @default RateLimitAction.BLOCK
   */
  readonly action?: RateLimitAction;
}
