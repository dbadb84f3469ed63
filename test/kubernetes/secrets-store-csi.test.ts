import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { Testing, TerraformStack } from 'cdktf';
import { load } from 'js-yaml';
import {
  AddonInstallContext,
  ExistingCluster,
  KeyVaultObjectType,
  KeyVaultSecretProviderClass,
  KeyVaultSecretProviderClassProps,
  Kubelogin,
  KubernetesDistribution,
  SecretsStoreCsiAddon,
  WorkloadIdentity,
} from '../../lib';

const spcProps: KeyVaultSecretProviderClassProps = {
  name: 'payments-secrets',
  namespace: 'payments',
  keyVaultName: 'kv-platform-prod',
  tenantId: 'tenant-id',
  clientId: 'client-id',
  objects: [
    { name: 'db-password', type: KeyVaultObjectType.SECRET },
    { name: 'api-cert', type: KeyVaultObjectType.SECRET, alias: 'tls', version: '0123456789abcdef0123456789abcdef' },
  ],
};

/**
 * Structural schema of SecretProviderClass v1 (from the CRD): provider and parameters are maps of strings,
 * secretObjects items have secretName, type and data of {objectName, key}.
 */
function validateSecretProviderClass(m: any): string[] {
  const errors: string[] = [];
  const isString = (v: unknown) => typeof v === 'string';
  if (m.apiVersion !== 'secrets-store.csi.x-k8s.io/v1' || m.kind !== 'SecretProviderClass') {
    errors.push('apiVersion/kind');
  }
  if (!isString(m.metadata?.name) || !isString(m.metadata?.namespace)) {
    errors.push('metadata');
  }
  if (!isString(m.spec?.provider)) {
    errors.push('spec.provider');
  }
  for (const [k, v] of Object.entries(m.spec?.parameters ?? {})) {
    if (!isString(v)) {
      errors.push(`spec.parameters.${k} is not a string`);
    }
  }
  for (const s of m.spec?.secretObjects ?? []) {
    if (!isString(s.secretName) || !isString(s.type) || !Array.isArray(s.data) || s.data.some((d: any) => !isString(d.objectName) || !isString(d.key))) {
      errors.push('spec.secretObjects');
    }
  }
  const allowed = new Set(['provider', 'parameters', 'secretObjects']);
  Object.keys(m.spec ?? {}).filter((k) => !allowed.has(k)).forEach((k) => errors.push(`unknown spec.${k}`));
  return errors;
}

describe('KeyVaultSecretProviderClass', () => {
  test('renders a SecretProviderClass the Azure provider reads: string parameters, workload identity, objects YAML', () => {
    const spc = new KeyVaultSecretProviderClass(new TerraformStack(Testing.app(), 's'), 'spc', spcProps);
    expect(validateSecretProviderClass(spc.manifest)).toEqual([]);
    expect(spc.manifest.spec.parameters).toMatchObject({ usePodIdentity: 'false', clientID: 'client-id', keyvaultName: 'kv-platform-prod', tenantID: 'tenant-id' });
    const objects = load(spc.manifest.spec.parameters.objects) as any;
    expect(objects.array.map((doc: string) => load(doc))).toEqual([
      { objectName: 'db-password', objectType: 'secret' },
      { objectName: 'api-cert', objectType: 'secret', objectAlias: 'tls', objectVersion: '0123456789abcdef0123456789abcdef' },
    ]);
    expect(spc.manifest.spec.secretObjects).toBeUndefined();
  });

  test('optional sync to a Kubernetes Secret keyed by file name', () => {
    const spc = new KeyVaultSecretProviderClass(new TerraformStack(Testing.app(), 's'), 'spc', { ...spcProps, syncToSecretName: 'payments-tls', syncSecretType: 'kubernetes.io/tls' });
    expect(validateSecretProviderClass(spc.manifest)).toEqual([]);
    expect(spc.manifest.spec.secretObjects).toEqual([
      { secretName: 'payments-tls', type: 'kubernetes.io/tls', data: [{ objectName: 'db-password', key: 'db-password' }, { objectName: 'tls', key: 'tls' }] },
    ]);
  });

  test('the schema check rejects a non-string parameter', () => {
    expect(validateSecretProviderClass({ apiVersion: 'secrets-store.csi.x-k8s.io/v1', kind: 'SecretProviderClass', metadata: { name: 'a', namespace: 'b' }, spec: { provider: 'azure', parameters: { usePodIdentity: false } } })).toEqual([
      'spec.parameters.usePodIdentity is not a string',
    ]);
  });

  test.each<[string, Partial<KeyVaultSecretProviderClassProps>, RegExp]>([
    ['no objects', { objects: [] }, /objects is required/],
    ['a namespace that is not a DNS label', { namespace: 'Payments_NS' }, /invalid namespace "Payments_NS"/],
    ['a bad object name', { objects: [{ name: 'db password', type: KeyVaultObjectType.SECRET }] }, /invalid objects\[\].name "db password"/],
    ['no client id', { clientId: '' }, /clientId is required/],
  ])('rejects %s', (_label, overrides, message) => {
    expect(() => new KeyVaultSecretProviderClass(new TerraformStack(Testing.app(), 's'), 'spc', { ...spcProps, ...overrides })).toThrow(message);
  });
});

describe('SecretsStoreCsiAddon', () => {
  const context = (managed: boolean): AddonInstallContext => {
    const app = Testing.app();
    const cluster = ExistingCluster.fromAttributes({
      clusterName: 'c',
      distribution: managed ? KubernetesDistribution.AKS : KubernetesDistribution.RKE2,
      endpoint: { host: 'https://api.example.com:6443', exec: Kubelogin.exec() },
      secretsStoreCsiManaged: managed,
    } as any);
    return { cluster, chartScope: new TerraformStack(app, 'charts'), objectScope: new TerraformStack(app, 'objects'), policyScope: new TerraformStack(app, 'policies') };
  };

  test('installs the pinned driver and Azure provider with rotation and workload identity tokens', () => {
    const ctx = context(false);
    new SecretsStoreCsiAddon({ syncSecrets: true }).install(ctx);
    const releases = Object.values<any>(JSON.parse(Testing.synth(ctx.chartScope as TerraformStack)).resource.helm_release);
    const driver = releases.find((r) => r.chart === 'secrets-store-csi-driver');
    const provider = releases.find((r) => r.chart === 'csi-secrets-store-provider-azure');
    expect(driver).toMatchObject({ version: '1.6.0', namespace: 'kube-system', repository: 'https://kubernetes-sigs.github.io/secrets-store-csi-driver/charts' });
    expect(JSON.parse(driver.values[0])).toMatchObject({
      enableSecretRotation: true,
      rotationPollInterval: '2m',
      tokenRequests: [{ audience: 'api://AzureADTokenExchange' }],
      syncSecret: { enabled: true },
    });
    expect(provider).toMatchObject({ version: '1.8.2', namespace: 'kube-system' });
    expect(JSON.parse(provider.values[0])).toEqual({ 'linux': { privileged: false }, 'secrets-store-csi-driver': { install: false } });
    expect(provider.depends_on).toHaveLength(1);
  });

  test('installs nothing where the AKS add-on provides the driver', () => {
    const ctx = context(true);
    new SecretsStoreCsiAddon().install(ctx);
    expect(JSON.parse(Testing.synth(ctx.chartScope as TerraformStack)).resource?.helm_release).toBeUndefined();
  });
});

describe('WorkloadIdentity', () => {
  test('identity federated with one service account, reading one vault', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const wi = new WorkloadIdentity(stack, 'payments', {
      name: 'id-payments',
      resourceGroupName: 'rg',
      location: 'westeurope',
      oidcIssuerUrl: 'https://oidc.example.com/',
      namespace: 'payments',
      serviceAccountName: 'payments-api',
      keyVaultId: 'kv-id',
    });
    const out = Testing.synth(stack);
    expect(out).toHaveResourceWithProperties(FederatedIdentityCredential, {
      issuer: 'https://oidc.example.com/',
      subject: 'system:serviceaccount:payments:payments-api',
      audience: ['api://AzureADTokenExchange'],
    });
    expect(out).toHaveResourceWithProperties(RoleAssignment, { scope: 'kv-id', role_definition_name: 'Key Vault Secrets User' });
    expect(wi.clientId).toBeDefined();
  });

  test('rejects a service account that is not a DNS label', () => {
    expect(
      () =>
        new WorkloadIdentity(new TerraformStack(Testing.app(), 's'), 'w', {
          name: 'id',
          resourceGroupName: 'rg',
          location: 'l',
          oidcIssuerUrl: 'https://o/',
          namespace: 'payments',
          serviceAccountName: 'Payments API',
        }),
    ).toThrow(/invalid serviceAccountName "Payments API"/);
  });
});
