export * from './types';
export * from './rule-pack';
export * from './compliance';
export * from './packs';
