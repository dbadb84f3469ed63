/** Key Vault pricing tier. */
export enum KeyVaultSku {
  /** Software-protected keys only. */
  STANDARD = 'standard',
  /** HSM-protected keys (RSA-HSM, EC-HSM) available. */
  PREMIUM = 'premium',
}
