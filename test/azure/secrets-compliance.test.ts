import { TerraformVariable } from 'cdktf';
import { CisAksPack, Compliance } from '../../lib';
import { HardenedKeyVault, KeyVaultSku, TlsIngressGateway, WafMode, WorkloadIdentity } from '../../lib/azure';
import { APPGW_RULES } from '../../lib/compliance/rules/appgw';
import { KEYVAULT_RULES } from '../../lib/compliance/rules/keyvault';
import { azureStack, findingsOf, synthWithPacks, testApp } from '../helpers/synth';
import { VAULT_PROPS } from './helpers';

const GATEWAY = {
  name: 'agw-platform',
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  subnetId: '/subnet/appgw',
  certificateSecretId: 'https://kv-platform-test.vault.azure.net/secrets/ingress-tls',
  logAnalyticsWorkspaceId: '/law',
};

function platform(options: { wafMode?: WafMode; skuName?: KeyVaultSku; waive?: string } = {}) {
  const app = testApp();
  const stack = azureStack(app, 'infra');
  const vault = new HardenedKeyVault(stack, 'vault', { ...VAULT_PROPS, skuName: options.skuName });
  vault.addKmsKey('kms', { name: 'aks-kms', expirationDate: '2027-12-31T00:00:00Z' });
  const password = new TerraformVariable(stack, 'db-password', { type: 'string', sensitive: true });
  vault.addSecret('db', { name: 'db-password', value: password.stringValue, contentType: 'text/plain', expirationDate: '2027-06-30T00:00:00Z' });
  new WorkloadIdentity(stack, 'payments', {
    name: 'id-payments',
    resourceGroupName: 'rg-platform',
    location: 'westeurope',
    oidcIssuerUrl: 'https://issuer.example/',
    namespace: 'payments',
    serviceAccountName: 'payments',
    keyVaultId: vault.keyVaultId,
  });
  const gateway = new TlsIngressGateway(stack, 'gateway', { ...GATEWAY, keyVaultId: vault.keyVaultId, wafMode: options.wafMode });
  gateway.grantAgic('agic', '/subnet/appgw', '/rg');
  if (options.waive) {
    Compliance.waive(gateway, options.waive, 'WAF tuning window until the false positives are excluded');
  }
  return app;
}

test('the defaults pass every key vault and gateway rule', () => {
  const result = synthWithPacks(platform(), [new CisAksPack()]);
  const ids = [...KEYVAULT_RULES, ...APPGW_RULES].map((r) => r.metadata.id);
  const findings = result.report('infra').findings.filter((f: any) => ids.includes(f.ruleId));
  expect(findings.filter((f: any) => !['compliant', 'not-applicable'].includes(f.status))).toEqual([]);
  expect(new Set(findings.map((f: any) => f.ruleId))).toEqual(new Set(ids));
  expect(result.report('infra').summary.blocking).toBe(0);
});

test('WAF Detection mode fails synth naming the rule, unless waived', () => {
  expect(() => synthWithPacks(platform({ wafMode: WafMode.DETECTION }), [new CisAksPack()])).toThrow(/appgw-waf-policy-prevention/);
  const waived = synthWithPacks(platform({ wafMode: WafMode.DETECTION, waive: 'appgw-waf-policy-prevention' }), [new CisAksPack()]);
  expect(findingsOf(waived, 'infra', 'appgw-waf-policy-prevention')).toEqual([
    expect.objectContaining({ status: 'non-compliant', waiverReason: expect.stringContaining('WAF tuning') }),
  ]);
});

test('a standard vault holding a KMS key is reported (warning), not blocking', () => {
  const result = synthWithPacks(platform({ skuName: KeyVaultSku.STANDARD }), [new CisAksPack()]);
  expect(findingsOf(result, 'infra', 'keyvault-premium-for-keys').map((f: any) => f.status)).toEqual(['non-compliant']);
  expect(findingsOf(result, 'infra', 'keyvault-key-hsm').map((f: any) => f.status)).toEqual(['non-compliant']);
  expect(result.report('infra').summary.blocking).toBe(0);
});
