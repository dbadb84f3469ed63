/** Azure built-in data-plane roles of a Key Vault with RBAC authorization. */
export enum KeyVaultRole {
  /** Reads secret contents (workload identities, Application Gateway reading a certificate's secret). */
  SECRETS_USER = 'Key Vault Secrets User',
  /** Creates and manages secrets (the deploying principal). */
  SECRETS_OFFICER = 'Key Vault Secrets Officer',
  /** Performs cryptographic operations with keys (KMS etcd encryption). */
  CRYPTO_USER = 'Key Vault Crypto User',
  /** Creates and manages keys (the deploying principal). */
  CRYPTO_OFFICER = 'Key Vault Crypto Officer',
  /** Reads certificate contents. */
  CERTIFICATE_USER = 'Key Vault Certificate User',
}
