export * from './enums';
export * from './aks-node-pool-options';
export * from './aks-node-pool';
export * from './hardened-aks-cluster';
