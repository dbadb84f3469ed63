export * from './cis-aks-pack';
export * from './cis-rke2-pack';
export * from './kubernetes-baseline-pack';
export * from './rke-cluster-policy-pack';
export * from './terraform-state-pack';
