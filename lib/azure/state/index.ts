export * from './state-replication';
export * from './remote-state';
export * from './hardened-state-backend';
