export * from './key-vault-role';
export * from './key-vault-sku';
export * from './kms-key';
export * from './vault-secret';
export * from './hardened-key-vault';
