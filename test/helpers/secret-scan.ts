// Credentials that must never appear in plain synthesized output.
const SECRET_PATTERNS: Array<[string, RegExp]> = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['kubeconfig credential', /(client-key-data|client-certificate-data|token):\s*[A-Za-z0-9+/=._-]{20,}/],
  ['JSON web token', /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/],
  ['storage account key', /AccountKey=[A-Za-z0-9+/=]{20,}/],
  ['literal secret attribute', /"(client_secret|password|token|secret_key|access_key|private_key|admin_password|client_key)": "(?!\$\{)[^"]+"/],
];

/** Terraform attributes that carry credentials: an output exposing one must be sensitive. */
export const CREDENTIAL_REFERENCE =
  /\.(kube_config|kube_admin_config|kube_config_raw|kube_admin_config_raw|client_secret|token|password|client_key|private_key)\b/;

/** The labels and matches of every credential pattern found in a text. */
export function findSecrets(text: string): string[] {
  return SECRET_PATTERNS.flatMap(([label, pattern]) => {
    const match = pattern.exec(text);
    return match ? [`${label}: ${match[0].slice(0, 40)}`] : [];
  });
}
