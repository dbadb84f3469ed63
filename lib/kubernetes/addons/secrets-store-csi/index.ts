export * from './versions';
export * from './secrets-store-csi-addon';
export * from './key-vault-secret-provider-class';
