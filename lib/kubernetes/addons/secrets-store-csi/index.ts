export * from './secrets-store-csi-driver-version';
export * from './azure-key-vault-provider-version';
export * from './secrets-store-csi-addon';
export * from './key-vault-secret-provider-class';
