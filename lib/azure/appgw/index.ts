export * from './gateway-tls-policy';
export * from './waf-options';
export * from './tls-ingress-gateway';
export * from './rate-limit-rule';
