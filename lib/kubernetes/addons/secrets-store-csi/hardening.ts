import { HardeningKey } from '../helm-values';

// Keys of the secrets-store-csi-driver chart 1.6.0 and the csi-secrets-store-provider-azure chart 1.8.2
// (values.yaml and templates) that mount more of the node into the privileged driver, give the provider
// privileges, or install a second, unhardened driver.

const hostDirectory = (path: string, value: any, what: string): HardeningKey => ({
  path,
  value,
  reason: `the ${what} is the node directory the chart mounts (another path mounts that part of the node into a privileged container)`,
});

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
  { path: 'linux.volumes', value: null, reason: 'no extra volumes in the privileged driver pod' },
  { path: 'linux.volumeMounts', value: null, reason: 'no extra volume mounts in the privileged driver container' },
  { path: 'windows.volumes', value: null, reason: 'no extra volumes in the Windows driver pod' },
  { path: 'windows.volumeMounts', value: null, reason: 'no extra volume mounts in the Windows driver container' },
  hostDirectory('linux.kubeletRootDir', '/var/lib/kubelet', 'kubelet directory'),
  hostDirectory('linux.providersDir', '/var/run/secrets-store-csi-providers', 'provider socket directory'),
  hostDirectory('linux.additionalProvidersDirs', ['/etc/kubernetes/secrets-store-csi-providers'], 'additional provider socket directory'),
  { path: 'rbac.install', value: true, reason: "the chart's own RBAC, not one made elsewhere" },
];

/** Values of the csi-secrets-store-provider-azure chart that keep the provider unprivileged. */
export const AZURE_KEY_VAULT_PROVIDER_HARDENING: HardeningKey[] = [
  { path: 'linux.privileged', value: false, reason: 'the provider only talks to the driver over a socket; it needs no privileged container' },
  { path: 'linux.volumes', value: [], reason: 'no extra volumes in the provider pod (it runs on the host network)' },
  { path: 'linux.volumeMounts', value: [], reason: 'no extra volume mounts in the provider container' },
  { path: 'windows.volumes', value: [], reason: 'no extra volumes in the Windows provider pod' },
  { path: 'windows.volumeMounts', value: [], reason: 'no extra volume mounts in the Windows provider container' },
  hostDirectory('linux.kubeletRootDir', '/var/lib/kubelet', 'kubelet directory'),
  hostDirectory('linux.providersDir', '/var/run/secrets-store-csi-providers', 'provider socket directory'),
  { path: 'enableArcExtension', value: false, reason: 'no Arc monitoring containers (they run privileged)' },
  {
    path: 'secrets-store-csi-driver.install',
    value: false,
    reason: 'the driver comes from its own hardened release; the bundled one (1.5.6) would be a second driver without rotation',
  },
  { path: 'rbac.install', value: true, reason: "the chart's own RBAC, not one made elsewhere" },
];
