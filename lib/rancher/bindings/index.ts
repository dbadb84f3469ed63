export * from './app-v2';
export * from './cloud-credential';
export * from './cluster-v2';
export * from './cluster-v2-structs';
export * from './machine-config-v2';
export * from './provider';
export * from './timeouts';
