// Secrets decided on the synthesized output: every attribute of the shared table, and Helm values that
// carry credentials, must be a reference; a literal, a literal wrapped in a Terraform function, or a
// variable not declared sensitive is plain text in cdk.tf.json or in a plan.
import { Fn, TerraformStack, TerraformVariable } from 'cdktf';
import {
  ClusterBaseline,
  CisRke2Pack,
  Compliance,
  ExistingCluster,
  HardenedKeyVault,
  HardenedRke2Cluster,
  Kubelogin,
  KubernetesDistribution,
  Rancher2Provider,
  RulePack,
} from '../../../lib';
import { runRule } from '../../../lib/compliance/evaluate';
import { StackResources } from '../../../lib/compliance/rule-context';
import { noPlaintextSecrets } from '../../../lib/compliance/rules/secrets/no-plaintext-secrets';
import { SECRET_ATTRIBUTES } from '../../../lib/compliance/rules/secrets/secret-attributes';
import { VAULT_PROPS } from '../../azure/helpers';
import { appFindings, azureStack, testApp } from '../../helpers/synth';
import { baseProps, rancherStack } from '../../rancher/rke2-helpers';

const VARIABLES = { secret: { type: 'string', sensitive: true }, plain: { type: 'string' } };

/** An item of the table's type with `value` at its path, in a stack that declares the two variables. */
function itemWith(type: string, path: string, value: unknown): any {
  const segments = path.split('.');
  let config: any = value;
  for (const segment of [...segments].reverse()) {
    config = segment === '*' ? { key: config } : segment === 'value' && type === 'helm_release' ? [{ name: 'x', value: config }] : { [segment]: config };
  }
  if (type === 'helm_release') {
    config = { chart: 'app', set_sensitive: config.set_sensitive };
  }
  return config;
}

function judge(type: string, config: any, locals: Record<string, unknown> = {}) {
  const stackJson: any = { variable: VARIABLES, locals };
  if (type.startsWith('provider.')) {
    stackJson.provider = { [type.slice('provider.'.length)]: [config] };
  } else {
    stackJson.resource = { [type]: { subject: config } };
  }
  const resources = new StackResources('test', stackJson);
  return runRule(noPlaintextSecrets, resources.all().find((r) => r.terraformType === type)!, resources);
}

describe('no-plaintext-secrets on every secret-bearing attribute of the table', () => {
  const cases = SECRET_ATTRIBUTES.map((a) => [`${a.type} ${a.path}`, a] as const);
  test.each(cases)('%s: a sensitive variable, a data source or a resource attribute is compliant', (_label, a) => {
    for (const value of ['${var.secret}', '${data.azurerm_key_vault_secret.s.value}', '${base64decode(azurerm_key_vault_secret.s.value)}']) {
      expect(judge(a.type, itemWith(a.type, a.path, value))).toEqual({ status: 'compliant' });
    }
  });
  test.each(cases)('%s: a literal, a wrapped literal, text around a reference, a plain variable are not', (_label, a) => {
    for (const [value, problem] of [
      ['hunter2', /is a literal string/],
      ['${lower("HUNTER2")}', /is lower\(\) of no reference/],
      ['${join("", ["hunter", var.secret])}', /is the literal "hunter"/],
      ['pass-${var.secret}', /is text joined to an expression/],
      ['${var.plain}', /is variable plain, which is not declared sensitive/],
      ['${coalesce(var.secret, "fallback")}', /is the literal "fallback"/],
    ] as const) {
      expect(judge(a.type, itemWith(a.type, a.path, value))).toEqual({ status: 'non-compliant', message: expect.stringMatching(problem) });
    }
  });
  test('not applicable where no secret is set; a local is followed to its value', () => {
    expect(judge('azurerm_key_vault_secret', { name: 'x' }).status).toBe('not-applicable');
    expect(judge('azurerm_key_vault_secret', { value: '${local.s}' }, { s: '${var.secret}' }).status).toBe('compliant');
    expect(judge('azurerm_key_vault_secret', { value: '${local.s}' }, { s: 'hunter2' }).message).toMatch(/value .* is a literal string/);
  });
});

describe('no-plaintext-secrets on Helm values', () => {
  const release = (values: any, extra: any = {}) => ({ chart: 'app', values: [JSON.stringify(values)], ...extra });
  test('a credential key with a literal in the values, or in a set entry, is plain text', () => {
    expect(judge('helm_release', release({ auth: { password: 'hunter2' } })).message).toMatch(/values\[0\]\.auth\.password \(a credential in the chart values\) is a literal string/);
    expect(judge('helm_release', release({ webhook: { apiKey: 'k-123' } })).status).toBe('non-compliant');
    expect(judge('helm_release', release({}, { set: [{ name: 'auth.token', value: 'abc' }] })).message).toMatch(/set\.auth\.token .*use set_sensitive/);
  });
  test('a reference is fine; keys that name where a secret is are not credentials', () => {
    expect(judge('helm_release', release({ auth: { password: '${var.secret}' } })).status).toBe('compliant');
    expect(judge('helm_release', release({ auth: { existingSecret: 'db-credentials', secretName: 'tls', tokenPath: '/var/run/token' } })).status).toBe('not-applicable');
    expect(judge('helm_release', release({ serviceAccount: { automountServiceAccountToken: false } })).status).toBe('not-applicable');
  });
});

describe('through the constructs: a literal wrapped in a Terraform function passes construction and fails synth', () => {
  const app = testApp();
  const infra = rancherStack(app, 'rke2-infra');
  new Rancher2Provider(infra, 'rancher2-wrapped', { alias: 'wrapped', apiUrl: 'https://rancher.example.com', tokenKey: Fn.join('', ['token-', 'abc123']) });
  new HardenedRke2Cluster(infra, 'rke2', { ...baseProps(infra), azureClientSecret: Fn.lower('SP-SECRET-VALUE') });
  const azure = azureStack(app, 'azure');
  const vault = new HardenedKeyVault(azure, 'vault', VAULT_PROPS);
  const plain = new TerraformVariable(azure, 'plain', { type: 'string' });
  vault.addSecret('db', { name: 'db-password', value: plain.stringValue, contentType: 'text/plain', expirationDate: '2027-06-30T00:00:00Z' });
  const cluster = ExistingCluster.fromAttributes({
    clusterName: 'byo',
    distribution: KubernetesDistribution.AKS,
    endpoint: { host: 'https://byo.example.com', exec: Kubelogin.exec(), token: Fn.join('', ['eyJhbGciOi', 'JSUzI1NiJ9']) },
  });
  new ClusterBaseline(app, 'byo', {
    cluster,
    allowedRegistries: ['acr.azurecr.io/'],
    falcoOptions: { values: { falcosidekick: { config: { slack: { token: 'xoxb-literal' } } } } },
  });
  const kept = new TerraformStack(app, 'kept');
  new Rancher2Provider(kept, 'rancher2', { apiUrl: 'https://rancher.example.com', tokenKey: new TerraformVariable(kept, 'rancher-token', { type: 'string', sensitive: true }).stringValue });
  Compliance.of(app, { printSummary: false });
  const findings = appFindings(app, [new RulePack('secrets', [noPlaintextSecrets]), new CisRke2Pack()]).filter((f) => f.ruleId === 'no-plaintext-secrets');
  const failing = (address: string) => findings.find((f) => f.address.startsWith(address) && f.status === 'non-compliant');

  test.each([
    ['the Rancher token (Fn.join)', 'provider.rancher2.wrapped', /token_key \(the Rancher API token .*\) is the literal "token-"/],
    ['the Azure client secret of the RKE2 cloud credential (Fn.lower)', 'rancher2_cloud_credential.', /azure_credential_config\.client_secret .* is lower\(\) of no reference/],
    ['a Key Vault secret from a variable not declared sensitive', 'azurerm_key_vault_secret.', /value .* is variable plain, which is not declared sensitive/],
    ['the API token of a cluster given by attributes (kubernetes provider)', 'provider.kubernetes', /token .* is the literal "eyJhbGciOi"/],
    ['the same token in the helm provider', 'provider.helm', /kubernetes\.token .* is the literal "eyJhbGciOi"/],
    ['a credential in add-on values', 'helm_release.falco', /values\[0\]\.falcosidekick\.config\.slack\.token .* is a literal string/],
  ])('%s', (_label, address, message) => {
    expect(failing(address)).toMatchObject({ message: expect.stringMatching(message) });
  });

  test('the same props given by a sensitive variable pass', () => {
    expect(findings.filter((f) => f.stack === 'kept').map((f) => f.status)).toEqual(['compliant']);
  });

  test('the finding names the construct that holds the item, so it can be waived there', () => {
    expect(failing('provider.rancher2.wrapped')!.constructPath).toBe('rke2-infra/rancher2-wrapped');
  });
});
