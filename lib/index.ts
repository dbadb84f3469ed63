export * from './cis';
export * from './compliance';
export * from './kubernetes';
export * from './azure';
export * from './rancher';
export * from './error-check';
