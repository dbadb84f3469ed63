export * from './workload-identity';
