export * from './cis';
export * from './compliance';
