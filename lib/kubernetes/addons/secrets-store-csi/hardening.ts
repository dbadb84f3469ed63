import { HardeningKey } from '../helm-values';

/** Values of the secrets-store-csi-driver chart that keep mounted secrets current and tied to workload identity. */
export const SECRETS_STORE_CSI_DRIVER_HARDENING: HardeningKey[] = [
  {
    path: 'enableSecretRotation',
    value: true,
    reason: 'rotated or revoked Key Vault secrets reach the pods that mount them (CIS AKS 1.8 4.5.2)',
  },
  {
    path: 'tokenRequests',
    value: [{ audience: 'api://AzureADTokenExchange' }],
    reason: "the driver hands the pod's service account token to the provider, so access uses the workload's own identity, not the node's",
  },
];

/** Values of the csi-secrets-store-provider-azure chart that keep the provider unprivileged. */
export const AZURE_KEY_VAULT_PROVIDER_HARDENING: HardeningKey[] = [
  { path: 'linux.privileged', value: false, reason: 'the provider only talks to the driver over a socket; it needs no privileged container' },
];
