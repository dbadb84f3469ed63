export * from './cluster-baseline';
