export * from './rancher-access';
export * from './rancher-group';
export * from './rancher-roles';
