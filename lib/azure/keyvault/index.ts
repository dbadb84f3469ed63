export * from './hardened-key-vault';
