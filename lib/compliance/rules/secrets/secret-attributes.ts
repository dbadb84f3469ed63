// The attributes of the synthesized configuration that carry a secret, one table the rule and its
// tests share. A path is dotted; `*` stands for every key of a map (a Kubernetes Secret's data) and a
// list is stepped through (every `set_sensitive` entry).

/** One secret-bearing attribute: where it is and which construct prop fills it. */
export interface SecretAttribute {
  /** Terraform type of the item, a resource type or `provider.<name>` / `data.<type>`. */
  readonly type: string;
  /** Dotted attribute path; `*` for every key of a map. */
  readonly path: string;
  /** What the secret is and where the library takes it from. */
  readonly what: string;
}

export const SECRET_ATTRIBUTES: SecretAttribute[] = [
  { type: 'rancher2_cloud_credential', path: 'azure_credential_config.client_secret', what: 'the Azure service principal secret (HardenedRke2Cluster azureClientSecret)' },
  { type: 'rancher2_machine_config_v2', path: 'azure_config.client_secret', what: 'the Azure service principal secret of a machine config' },
  { type: 'provider.rancher2', path: 'token_key', what: 'the Rancher API token (Rancher2Provider tokenKey)' },
  { type: 'provider.rancher2', path: 'secret_key', what: 'the Rancher API secret key (Rancher2Provider secretKey)' },
  { type: 'provider.rancher2', path: 'access_key', what: 'the Rancher API access key (Rancher2Provider accessKey)' },
  { type: 'provider.kubernetes', path: 'token', what: 'the API server bearer token (ClusterEndpoint token)' },
  { type: 'provider.kubernetes', path: 'client_key', what: 'a kubeconfig client key' },
  { type: 'provider.kubernetes', path: 'password', what: 'an API server basic-auth password' },
  { type: 'provider.helm', path: 'kubernetes.token', what: 'the API server bearer token of the helm provider (ClusterEndpoint token)' },
  { type: 'provider.helm', path: 'kubernetes.client_key', what: 'a kubeconfig client key of the helm provider' },
  { type: 'provider.helm', path: 'kubernetes.password', what: 'an API server basic-auth password of the helm provider' },
  { type: 'provider.azurerm', path: 'client_secret', what: 'an Azure service principal secret' },
  { type: 'provider.azurerm', path: 'client_certificate', what: 'an Azure service principal certificate (with its key)' },
  { type: 'provider.azurerm', path: 'client_certificate_password', what: "an Azure service principal certificate's password" },
  { type: 'provider.azurerm', path: 'oidc_token', what: 'an OIDC token' },
  { type: 'azurerm_key_vault_secret', path: 'value', what: 'a Key Vault secret value (HardenedKeyVault.addSecret value)' },
  { type: 'azurerm_kubernetes_cluster', path: 'service_principal.client_secret', what: "the cluster's service principal secret" },
  { type: 'azurerm_kubernetes_cluster', path: 'windows_profile.admin_password', what: 'the Windows nodes admin password' },
  { type: 'kubernetes_secret_v1', path: 'data.*', what: 'a Kubernetes Secret value' },
  { type: 'kubernetes_secret_v1', path: 'binary_data.*', what: 'a Kubernetes Secret value' },
  { type: 'kubernetes_secret', path: 'data.*', what: 'a Kubernetes Secret value' },
  { type: 'kubernetes_secret', path: 'binary_data.*', what: 'a Kubernetes Secret value' },
  { type: 'helm_release', path: 'set_sensitive.value', what: 'a sensitive Helm value (set_sensitive)' },
];

/** Helm value keys that name a credential (matched on the last segment of a value's path). */
export const CREDENTIAL_KEY = /(password|passwd|secret|token|api[-_]?key|private[-_]?key|client[-_]?key|access[-_]?key|credential)s?$/i;

/** The Terraform types whose items may hold a secret: the table's, and the Helm releases whose values carry credentials. */
export function secretBearingTypes(): string[] {
  return [...new Set([...SECRET_ATTRIBUTES.map((a) => a.type), 'helm_release'])].sort();
}
