// Azure constructs. Each area has its own barrel.
export * from './keyvault';
export * from './identity';
export * from './appgw';
