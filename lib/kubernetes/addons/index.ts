export * from './addon';
export * from './chart-pin';
export * from './helm-values';
export * from './hardened-values-registry';
export * from './hardened-helm-release';
