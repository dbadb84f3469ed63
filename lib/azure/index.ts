// Azure constructs. Each area has its own barrel.
export * from './aks';
export * from './network';
export * from './registry';
export * from './monitoring';
export * from './keyvault';
export * from './identity';
export * from './appgw';
export * from './state';
