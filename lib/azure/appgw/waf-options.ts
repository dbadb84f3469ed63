/** Mode of the Web Application Firewall policy. */
export enum WafMode {
  /** Block matching requests. */
  PREVENTION = 'Prevention',
  /** Only log matching requests. Insecure: the `appgw-waf-policy-prevention` rule fails synth unless waived. */
  DETECTION = 'Detection',
}

/** Versions of the Microsoft_BotManagerRuleSet managed rule set. */
export enum BotManagerRuleSetVersion {
  /** Version 1.0. */
  V1_0 = '1.0',
  /** Version 1.1. */
  V1_1 = '1.1',
}

/** How the gateway's listeners, rules and backends are managed after creation. */
export enum IngressGatewayMode {
  /**
   * The AKS Application Gateway Ingress Controller (AGIC) add-on programs listeners, rules and backends
   * from Ingress objects; Terraform creates the gateway with placeholders and ignores later changes.
   */
  AGIC = 'agic',
  /** Terraform owns everything: one HTTPS listener forwarding to a backend pool of private addresses. */
  STANDALONE = 'standalone',
}
