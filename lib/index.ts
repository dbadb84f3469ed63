export * from './cis';
export * from './compliance';
export * from './kubernetes';
export * from './rancher';
