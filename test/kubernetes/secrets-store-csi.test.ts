import { Testing } from 'cdktf';
import { AZURE_KEY_VAULT_PROVIDER_HARDENING, SECRETS_STORE_CSI_DRIVER_HARDENING } from '../../lib/kubernetes/addons/secrets-store-csi/hardening';
import {
  AzureKeyVaultProviderVersion,
  ExistingCluster,
  HardenedValuesRegistry,
  HelmValues,
  KeyVaultObjectEncoding,
  KeyVaultObjectFormat,
  KeyVaultObjectType,
  KeyVaultSecretProviderClass,
  KeyVaultSecretProviderClassProps,
  Kubelogin,
  KubernetesDistribution,
  PolicyEngine,
  SecretsStoreCsiAddon,
  SecretsStoreCsiDriverVersion,
} from '../../lib';
import { baseline, manifests, resources, synthJson } from './baseline-helpers';
import { objectItems, secretProviderClassProblems } from './secret-provider-class-schema';

const MINIMAL = { gatekeeper: false, istio: false, trivy: false, falco: false, kubeBench: false, hardenDefaultNamespace: false };
const SPC: KeyVaultSecretProviderClassProps = {
  name: 'payments',
  namespace: 'payments',
  keyVaultName: 'kv-platform',
  tenantId: '00000000-0000-0000-0000-000000000001',
  clientId: '00000000-0000-0000-0000-000000000002',
  objects: [{ objectName: 'db-password', objectType: KeyVaultObjectType.SECRET }],
};

function spc(props: Partial<KeyVaultSecretProviderClassProps> = {}): KeyVaultSecretProviderClass {
  const b = baseline(MINIMAL);
  return new KeyVaultSecretProviderClass(b.objectsStack, 'spc', { ...SPC, ...props });
}

describe('KeyVaultSecretProviderClass', () => {
  test('defaults: v1, provider azure, workload identity client id, string parameters, no synced Secret', () => {
    const b = baseline(MINIMAL);
    new KeyVaultSecretProviderClass(b.objectsStack, 'spc', SPC);
    const [body] = manifests(synthJson(b.objectsStack));
    expect(body).toEqual({
      apiVersion: 'secrets-store.csi.x-k8s.io/v1',
      kind: 'SecretProviderClass',
      metadata: { name: 'payments', namespace: 'payments' },
      spec: {
        provider: 'azure',
        parameters: {
          clientID: SPC.clientId,
          keyvaultName: 'kv-platform',
          objects: 'array:\n  - |\n    objectName: "db-password"\n    objectType: "secret"\n',
          tenantID: SPC.tenantId,
          usePodIdentity: 'false',
        },
      },
    });
    expect(Object.values(body.spec.parameters).every((v) => typeof v === 'string')).toBe(true);
    expect(secretProviderClassProblems(body)).toEqual([]);
  });

  test('every object field and a synced Secret render and validate against the schema', () => {
    const s = spc({
      objects: [
        { objectName: 'db-password', objectType: KeyVaultObjectType.SECRET, objectAlias: 'password', objectVersion: '0123', objectEncoding: KeyVaultObjectEncoding.UTF_8 },
        { objectName: 'ingress-tls', objectType: KeyVaultObjectType.CERTIFICATE, objectAlias: 'tls.crt', objectFormat: KeyVaultObjectFormat.PEM },
        { objectName: 'signing', objectType: KeyVaultObjectType.KEY },
      ],
      secretObjects: [
        { secretName: 'db', data: [{ objectName: 'password', key: 'password' }] },
        { secretName: 'ingress-tls', type: 'kubernetes.io/tls', data: [{ objectName: 'tls.crt', key: 'tls.crt' }] },
      ],
      cloudName: 'AzureUSGovernmentCloud',
    });
    expect(secretProviderClassProblems(s.body)).toEqual([]);
    expect(objectItems(s.body.spec.parameters.objects)).toEqual([
      { objectName: 'db-password', objectType: 'secret', objectAlias: 'password', objectVersion: '0123', objectEncoding: 'utf-8' },
      { objectName: 'ingress-tls', objectType: 'cert', objectAlias: 'tls.crt', objectFormat: 'pem' },
      { objectName: 'signing', objectType: 'key' },
    ]);
    expect(s.body.spec.secretObjects).toEqual([
      { secretName: 'db', type: 'Opaque', data: [{ objectName: 'password', key: 'password' }] },
      { secretName: 'ingress-tls', type: 'kubernetes.io/tls', data: [{ objectName: 'tls.crt', key: 'tls.crt' }] },
    ]);
    expect(s.body.spec.parameters.cloudName).toBe('AzureUSGovernmentCloud');
  });

  test('the schema rejects what the provider would not accept', () => {
    const body = spc().body;
    expect(secretProviderClassProblems({ ...body, spec: { ...body.spec, parameters: { ...body.spec.parameters, usePodIdentity: false } } })).not.toEqual([]);
    expect(secretProviderClassProblems({ ...body, apiVersion: 'secrets-store.csi.x-k8s.io/v1alpha1' })).not.toEqual([]);
    expect(secretProviderClassProblems({ ...body, spec: { ...body.spec, parameters: { ...body.spec.parameters, objects: 'array:\n  - |\n    objectName: x\n' } } })).not.toEqual([]);
  });

  test('lands in the objects stack, after the charts stack', () => {
    const b = baseline(MINIMAL);
    new KeyVaultSecretProviderClass(b.objectsStack, 'spc', SPC);
    expect(manifests(synthJson(b.chartsStack))).toEqual([]);
    expect(manifests(synthJson(b.objectsStack)).map((m) => m.kind)).toEqual(['SecretProviderClass']);
  });

  describe('bad input', () => {
    test('no objects', () => {
      expect(() => spc({ objects: [] })).toThrow(/KeyVaultSecretProviderClass .*invalid objects \[\]\. Allowed: at least one Key Vault object\. Fix:/);
    });
    test('invalid object name', () => {
      expect(() => spc({ objects: [{ objectName: 'db_password', objectType: KeyVaultObjectType.SECRET }] })).toThrow(/invalid objects\[0\]\.objectName "db_password"/);
    });
    test('two objects mounted at one file name', () => {
      expect(() =>
        spc({ objects: [{ objectName: 'a', objectType: KeyVaultObjectType.SECRET, objectAlias: 'x' }, { objectName: 'b', objectType: KeyVaultObjectType.SECRET, objectAlias: 'x' }] }),
      ).toThrow(/one object per mounted file name/);
    });
    test('synced Secret naming an object that is not mounted', () => {
      expect(() => spc({ secretObjects: [{ secretName: 'db', data: [{ objectName: 'password', key: 'password' }] }] })).toThrow(
        /invalid secretObjects\[0\]\.data\[0\]\.objectName "password".*db-password/,
      );
    });
    test('encoding on a certificate', () => {
      expect(() => spc({ objects: [{ objectName: 'c', objectType: KeyVaultObjectType.CERTIFICATE, objectEncoding: KeyVaultObjectEncoding.BASE64 }] })).toThrow(
        /invalid objects\[0\]\.objectEncoding/,
      );
    });
    test('missing client id', () => {
      expect(() => spc({ clientId: '' })).toThrow(/clientId is required.*WorkloadIdentity\.clientId/);
    });
    test('invalid names', () => {
      expect(() => spc({ name: 'Payments' })).toThrow(/invalid name "Payments"/);
      expect(() => spc({ cloudName: 'Mars' })).toThrow(/invalid cloudName "Mars"/);
    });
  });
});

describe('SecretsStoreCsiAddon', () => {
  const releases = (json: any) => Object.values(resources(json, 'helm_release')) as any[];

  test('pins: driver 1.6.0 and Azure provider 1.8.2', () => {
    expect(SecretsStoreCsiDriverVersion.V1_6_0).toMatchObject({
      chart: 'secrets-store-csi-driver',
      repository: 'https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts',
      version: '1.6.0',
    });
    expect(AzureKeyVaultProviderVersion.V1_8_2).toMatchObject({
      chart: 'csi-secrets-store-provider-azure',
      repository: 'https://azure.github.io/secrets-store-csi-driver-provider-azure/charts',
      version: '1.8.2',
    });
    expect(SecretsStoreCsiDriverVersion.of('1.6.1', '1.6.1').version).toBe('1.6.1');
    expect(() => AzureKeyVaultProviderVersion.of('v1.8.2', '1.8.2')).toThrow(/AzureKeyVaultProviderVersion\.of: invalid version "v1\.8\.2"/);
  });

  test('defaults: both charts in kube-system, rotation on every 2m, no Secret sync, bundled driver off, unprivileged provider', () => {
    const b = baseline({ ...MINIMAL, addons: [new SecretsStoreCsiAddon()] });
    const json = synthJson(b.chartsStack);
    const [driver, provider] = releases(json).sort((a, c) => a.chart.localeCompare(c.chart)).reverse();
    expect(driver).toMatchObject({ chart: 'secrets-store-csi-driver', version: '1.6.0', namespace: 'kube-system', name: 'secrets-store-csi-driver' });
    expect(provider).toMatchObject({ chart: 'csi-secrets-store-provider-azure', version: '1.8.2', namespace: 'kube-system' });
    expect(JSON.parse(driver.values[0])).toEqual(
      HelmValues.resolve(HelmValues.fromKeys(SECRETS_STORE_CSI_DRIVER_HARDENING), { rotationPollInterval: '2m', syncSecret: { enabled: false } }),
    );
    expect(JSON.parse(driver.values[0])).toMatchObject({ enableSecretRotation: true, tokenRequests: [{ audience: 'api://AzureADTokenExchange' }] });
    expect(JSON.parse(provider.values[0])).toEqual(HelmValues.fromKeys(AZURE_KEY_VAULT_PROVIDER_HARDENING));
    expect(JSON.parse(provider.values[0])).toMatchObject({ 'linux': { privileged: false }, 'secrets-store-csi-driver': { install: false } });
    expect(provider.depends_on).toEqual([expect.stringMatching(/^helm_release\..*secrets-store-csi-driver/)]);
    expect(resources(json, 'kubernetes_namespace_v1')).toEqual({});
    expect(b.addonIds).toEqual(['secrets-store-csi']);
  });

  test('options: poll interval, Secret sync, own namespace (privileged node-agent namespace), raw values last', () => {
    const addon = new SecretsStoreCsiAddon({ rotationPollInterval: '1h', syncKubernetesSecrets: true, namespace: 'secrets-store', driverValues: { logFormatJSON: true } });
    const b = baseline({ ...MINIMAL, addons: [addon] });
    const json = synthJson(b.chartsStack);
    const driver = releases(json).find((r) => r.chart === 'secrets-store-csi-driver');
    expect(JSON.parse(driver.values[0])).toMatchObject({ rotationPollInterval: '1h', syncSecret: { enabled: true }, logFormatJSON: true });
    expect(releases(json).every((r) => r.namespace.includes('secrets-store') || r.namespace === 'secrets-store')).toBe(true);
    expect(JSON.stringify(resources(json, 'kubernetes_namespace_v1'))).toContain('"pod-security.kubernetes.io/enforce":"privileged"');
  });

  test('on a cluster running the AKS add-on it installs nothing and says why', () => {
    const cluster = ExistingCluster.fromAttributes({
      clusterName: 'aks-managed',
      endpoint: { host: 'https://aks.example:443', exec: Kubelogin.exec() },
      distribution: KubernetesDistribution.AKS,
      policyEngine: PolicyEngine.GATEKEEPER,
      secretsStoreCsiManaged: true,
    });
    const b = baseline({ ...MINIMAL, cluster, addons: [new SecretsStoreCsiAddon()] });
    expect(releases(synthJson(b.chartsStack))).toEqual([]);
    const infos = b.chartsStack.node.metadata.filter((m) => String(m.data).includes('[secrets-store-csi-managed]'));
    expect(infos).toHaveLength(1);
    expect(String(infos[0].data)).toContain('key_vault_secrets_provider');
  });

  test('hardening keys are registered for the compliance rule', () => {
    expect(HardenedValuesRegistry.keysFor('secrets-store-csi-driver').map((k) => k.path)).toEqual(expect.arrayContaining(['enableSecretRotation', 'tokenRequests', 'linux.volumes']));
    expect(HardenedValuesRegistry.keysFor('csi-secrets-store-provider-azure').map((k) => k.path)).toEqual(expect.arrayContaining(['linux.privileged', 'secrets-store-csi-driver.install']));
  });

  test('turning rotation off through raw values is flagged', () => {
    const b = baseline({ ...MINIMAL, addons: [new SecretsStoreCsiAddon({ driverValues: { enableSecretRotation: false } })] });
    Testing.synth(b.chartsStack);
    const warnings = b.chartsStack.node.findAll().flatMap((c) => c.node.metadata).filter((m) => String(m.data).includes('[hardened-values-override]'));
    expect(warnings.map((w) => String(w.data))).toEqual([expect.stringContaining('enableSecretRotation')]);
  });

  test('bad input', () => {
    expect(() => new SecretsStoreCsiAddon({ rotationPollInterval: '2 minutes' })).toThrow(/invalid rotationPollInterval "2 minutes"/);
    expect(() => new SecretsStoreCsiAddon({ namespace: 'Kube_System' })).toThrow(/invalid namespace/);
  });
});
