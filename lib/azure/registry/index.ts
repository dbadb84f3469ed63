export * from './hardened-container-registry';
