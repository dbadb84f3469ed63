import { CREDENTIAL_REFERENCE, findSecrets } from './helpers/secret-scan';

describe('secret scanner used on every example', () => {
  test.each([
    ['private key', '{"x": "-----BEGIN RSA PRIVATE KEY-----\\nMIIE"}'],
    ['kubeconfig credential', 'users:\n- user:\n    token: abcdefghijklmnopqrstuvwxyz012345'],
    ['JSON web token', '"eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhZG1pbiJ9.c2lnbmF0dXJlc2lnbmF0dXJl"'],
    ['literal secret attribute', '{"client_secret": "s3cr3t-value"}'],
    ['storage account key', 'DefaultEndpointsProtocol=https;AccountKey=abcdefghijklmnopqrstuvwxyz0123456789=='],
  ])('finds a %s', (label, text) => {
    expect(findSecrets(text).map((f) => f.split(':')[0])).toContain(label);
  });

  test('accepts references and variables', () => {
    expect(findSecrets('{"client_secret": "${var.azure_client_secret}", "token": "${data.x.y.token}"}')).toEqual([]);
  });

  test('recognises outputs that carry credentials', () => {
    expect(CREDENTIAL_REFERENCE.test('${azurerm_kubernetes_cluster.aks.kube_config}')).toBe(true);
    expect(CREDENTIAL_REFERENCE.test('${azurerm_kubernetes_cluster.aks.oidc_issuer_url}')).toBe(false);
  });
});
