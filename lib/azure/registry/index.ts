export * from './hardened-container-registry';
export * from './registry-replicas';
