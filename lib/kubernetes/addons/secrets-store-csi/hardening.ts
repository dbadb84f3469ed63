import { HardeningKey } from '../helm-values';

/** Driver values that keep secrets fresh and authenticated with workload identity tokens. */
export const SECRETS_STORE_DRIVER_HARDENING: HardeningKey[] = [
  { path: 'enableSecretRotation', value: true, reason: 'mounted secrets follow Key Vault rotations (CIS AKS 1.8 4.5.2)' },
  { path: 'rotationPollInterval', value: '2m', reason: 'rotated secrets reach pods within minutes' },
  { path: 'tokenRequests', value: [{ audience: 'api://AzureADTokenExchange' }], reason: 'pods authenticate to Key Vault with workload identity, not node identities (CIS AKS 1.8 5.2.1)' },
];

/** Azure provider values: unprivileged, and the driver comes from its own pinned chart. */
export const AZURE_PROVIDER_HARDENING: HardeningKey[] = [
  { path: 'linux.privileged', value: false, reason: 'the provider needs no privileges (CIS AKS 1.8 4.2.1)' },
  { path: 'secrets-store-csi-driver.install', value: false, reason: 'the driver is installed once, from its own pinned chart' },
];
