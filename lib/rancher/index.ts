export * from './access';
export * from './bindings';
export * from './hardened-rke2-cluster';
export { Rke2NodeFiles } from './node-files';
export * from './rke2-settings';
export * from './rancher-compliance-scan';
