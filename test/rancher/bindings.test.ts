import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import {
  Rancher2AppV2,
  Rancher2CloudCredential,
  Rancher2ClusterRoleTemplateBinding,
  Rancher2ClusterV2,
  Rancher2GlobalRoleBinding,
  Rancher2MachineConfigV2,
  Rancher2Project,
  Rancher2ProjectRoleTemplateBinding,
  Rancher2Provider,
} from '../../lib/rancher/bindings';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'rancher2-schema.json'), 'utf-8'));
const META_KEYS = new Set(['//', 'depends_on', 'provider', 'count', 'for_each', 'lifecycle', 'connection', 'provisioner']);

/** Schema paths the bindings deliberately leave out (deprecated or not needed by the library). */
const NOT_BOUND = [
  'rancher2_cluster_v2.rke_config.local_auth_endpoint',
  'rancher2_cluster_v2.cluster_agent_deployment_customization',
  'rancher2_cluster_v2.fleet_agent_deployment_customization',
  // Deprecated upstream ("Use timeout instead"); the binding rejects it.
  'provider.retries',
];

function isExpression(value: unknown): boolean {
  return typeof value === 'string' && value.includes('${');
}

/** Checks a synthesized object against a schema node; returns problems and records the paths seen. */
function check(node: any, value: any, at: string, seen: Set<string>): string[] {
  const problems: string[] = [];
  for (const [key, v] of Object.entries<any>(value)) {
    if (at.split('.').length === 1 && META_KEYS.has(key)) {
      continue;
    }
    const keyPath = `${at}.${key}`;
    seen.add(keyPath);
    const attribute = node.attributes[key];
    const block = node.blocks[key];
    if (attribute) {
      if (attribute.computedOnly) {
        problems.push(`${keyPath}: computed-only attribute set in config`);
      } else if (!isExpression(v) && !typeMatches(attribute.type, v)) {
        problems.push(`${keyPath}: ${JSON.stringify(v)} is not ${attribute.type}`);
      }
    } else if (block) {
      if (block.computedOnly) {
        problems.push(`${keyPath}: computed-only block set in config`);
        continue;
      }
      const items = Array.isArray(v) ? v : [v];
      if (block.maxItems !== undefined && items.length > block.maxItems) {
        problems.push(`${keyPath}: ${items.length} items, at most ${block.maxItems}`);
      }
      if (block.maxItems === undefined && !Array.isArray(v) && !isExpression(v)) {
        problems.push(`${keyPath}: a list block must be an array`);
      }
      items.filter((item) => !isExpression(item)).forEach((item) => problems.push(...check(block, item, keyPath, seen)));
    } else {
      problems.push(`${keyPath}: not in the provider schema`);
    }
  }
  for (const [key, attribute] of Object.entries<any>(node.attributes)) {
    if (attribute.required && value[key] === undefined) {
      problems.push(`${at}.${key}: required attribute missing`);
    }
  }
  for (const [key, block] of Object.entries<any>(node.blocks)) {
    if (block.required && value[key] === undefined) {
      problems.push(`${at}.${key}: required block missing`);
    }
  }
  return problems;
}

function typeMatches(type: string, v: any): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string';
    case 'number':
      return typeof v === 'number';
    case 'bool':
      return typeof v === 'boolean';
    case 'map(string)':
      return typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((e) => typeof e === 'string');
    case 'list(string)':
      return Array.isArray(v) && v.every((e) => typeof e === 'string');
    default:
      return false;
  }
}

/** Every settable schema path below a node. */
function schemaPaths(node: any, at: string): string[] {
  const attributes = Object.entries<any>(node.attributes)
    .filter(([name, a]) => !a.computedOnly && name !== 'id')
    .map(([name]) => `${at}.${name}`);
  const blocks = Object.entries<any>(node.blocks)
    .filter(([, b]) => !b.computedOnly)
    .flatMap(([name, b]) => [`${at}.${name}`, ...schemaPaths(b, `${at}.${name}`)]);
  return [...attributes, ...blocks];
}

const selector = { matchLabels: { 'rke.cattle.io/etcd-role': 'true' }, matchExpressions: [{ key: 'k', operator: 'In', values: ['v'] }] };
const fileSource = { name: 'audit', defaultPermissions: '0600', items: [{ key: 'policy', path: '/etc/x.yaml', dynamic: false, permissions: '0600', hash: 'abc' }] };
const drain = {
  enabled: true,
  force: false,
  ignoreDaemonSets: true,
  ignoreErrors: false,
  deleteEmptyDirData: true,
  disableEviction: false,
  gracePeriod: 30,
  timeout: 120,
  skipWaitForDeleteTimeoutSeconds: 60,
};

/** One of each binding, with every argument it supports set. */
function fullStack(): { stack: TerraformStack; synth: any } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'bindings');
  const secret = new TerraformVariable(stack, 'secret', { type: 'string', sensitive: true });
  new Rancher2Provider(stack, 'rancher2', {
    apiUrl: 'https://rancher.example.com',
    accessKey: 'token-abcde',
    secretKey: secret.stringValue,
    tokenKey: secret.stringValue,
    caCerts: 'pem',
    insecure: false,
    bootstrap: false,
    timeout: '120s',
  });
  const credential = new Rancher2CloudCredential(stack, 'credential', {
    name: 'azure',
    description: 'Azure',
    azureCredentialConfig: { clientId: 'id', clientSecret: secret.stringValue, subscriptionId: 'sub', tenantId: 'tenant', environment: 'AzurePublicCloud' },
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '10m', update: '10m', delete: '10m' },
  });
  const machine = new Rancher2MachineConfigV2(stack, 'machine', {
    generateName: 'pool',
    fleetNamespace: 'fleet-default',
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '3m', update: '10m', delete: '10m' },
    azureConfig: {
      image: 'img', size: 'Standard_D4s_v5', location: 'westeurope', resourceGroup: 'rg', vnet: 'rg:vnet', subnet: 'snet', subnetPrefix: '10.0.0.0/24',
      nsg: 'nsg', availabilitySet: 'as', availabilityZone: '1', faultDomainCount: '2', updateDomainCount: '5', managedDisks: true, diskSize: '128',
      storageType: 'Premium_LRS', usePrivateIp: true, privateAddressOnly: true, privateIpAddress: '10.0.0.4', noPublicIp: true, staticPublicIp: false,
      usePublicIpStandardSku: false, acceleratedNetworking: true, dns: 'dns', openPort: ['443/tcp'], tags: 'a,b', sshUser: 'azureuser', dockerPort: '2376',
      customData: '#cloud-config', environment: 'AzurePublicCloud', clientId: 'id', clientSecret: secret.stringValue, subscriptionId: 'sub', tenantId: 'tenant',
    },
  });
  const cluster = new Rancher2ClusterV2(stack, 'cluster', {
    name: 'rke2',
    kubernetesVersion: 'v1.32.5+rke2r1',
    fleetNamespace: 'fleet-default',
    cloudCredentialSecretName: credential.id,
    defaultPodSecurityAdmissionConfigurationTemplateName: 'rancher-restricted',
    defaultClusterRoleForProjectMembers: 'project-member',
    enableNetworkPolicy: true,
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '30m', update: '30m', delete: '30m' },
    localAuthEndpoint: { enabled: false, fqdn: 'rke2.example.com', caCerts: 'pem' },
    agentEnvVars: [{ name: 'HTTP_PROXY', value: 'http://proxy:3128' }],
    rkeConfig: {
      additionalManifest: '{}',
      chartValues: '{}',
      machineGlobalConfig: '{"profile":"cis"}',
      machinePools: [
        {
          name: 'cp',
          machineConfig: { kind: machine.kind, name: machine.name, apiVersion: 'rke-machine-config.cattle.io/v1' },
          cloudCredentialSecretName: credential.id,
          controlPlaneRole: true,
          etcdRole: true,
          workerRole: false,
          quantity: 3,
          drainBeforeDelete: true,
          nodeDrainTimeout: 120,
          paused: false,
          rollingUpdate: { maxUnavailable: '1', maxSurge: '0' },
          taints: [{ key: 'node-role', value: 'cp', effect: 'NoSchedule' }],
          nodeStartupTimeoutSeconds: 600,
          unhealthyNodeTimeoutSeconds: 600,
          maxUnhealthy: '1',
          unhealthyRange: '[1-2]',
          machineOs: 'linux',
          machineLabels: { pool: 'cp' },
          hostnameLengthLimit: 32,
          annotations: { a: 'b' },
          labels: { c: 'd' },
        },
      ],
      machinePoolDefaults: [{ hostnameLengthLimit: 32 }],
      machineSelectorConfig: [{ config: '{"protect-kernel-defaults":true}', machineLabelSelector: selector }],
      machineSelectorFiles: [{ machineLabelSelector: selector, fileSources: [{ secret: fileSource, configmap: fileSource }] }],
      registries: {
        configs: [{ hostname: 'acr.azurecr.io', authConfigSecretName: 'auth', tlsSecretName: 'tls', caBundle: 'pem', insecure: false }],
        mirrors: [{ hostname: 'docker.io', endpoints: ['https://acr.azurecr.io'], rewrites: { '^(.*)$': 'mirror/$1' } }],
      },
      etcd: {
        disableSnapshots: false,
        snapshotScheduleCron: '0 */5 * * *',
        snapshotRetention: 5,
        s3Config: { bucket: 'b', endpoint: 'e', cloudCredentialName: 'c', endpointCa: 'pem', folder: 'f', region: 'r', skipSslVerify: false },
      },
      upgradeStrategy: { controlPlaneConcurrency: '1', workerConcurrency: '1', controlPlaneDrainOptions: drain, workerDrainOptions: drain },
      networking: { stackPreference: 'ipv4' },
      rotateCertificates: { generation: 1, services: ['etcd'] },
      etcdSnapshotCreate: { generation: 1 },
      etcdSnapshotRestore: { name: 'snap', generation: 1, restoreRkeConfig: 'none' },
      dataDirectories: [{ systemAgent: '/a', provisioning: '/b', k8SDistro: '/c' }],
    },
  });
  new Rancher2AppV2(stack, 'app', {
    clusterId: cluster.clusterV1Id,
    name: 'rancher-compliance',
    namespace: 'compliance-operator-system',
    repoName: 'rancher-charts',
    chartName: 'rancher-compliance',
    chartVersion: '107.0.0',
    projectId: 'c-m-1:p-1',
    values: '{}',
    systemDefaultRegistry: 'acr.azurecr.io',
    cleanupOnFail: true,
    disableHooks: false,
    disableOpenApiValidation: false,
    forceUpgrade: false,
    wait: true,
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '10m', update: '10m', delete: '10m' },
  });
  const subject = {
    groupId: 'g-abc12',
    groupPrincipalId: 'azuread_group://00000000-0000-0000-0000-000000000001',
    userId: 'u-abc12',
    userPrincipalId: 'azuread_user://00000000-0000-0000-0000-000000000002',
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '10m', update: '10m', delete: '10m' },
  };
  new Rancher2GlobalRoleBinding(stack, 'global-role', {
    globalRoleId: 'clusters-create',
    name: 'platform-create-clusters',
    groupPrincipalId: subject.groupPrincipalId,
    userId: 'u-abc12',
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '5m', update: '5m', delete: '5m' },
  });
  new Rancher2ClusterRoleTemplateBinding(stack, 'cluster-role', { name: 'owners', clusterId: cluster.clusterV1Id, roleTemplateId: 'cluster-owner', ...subject });
  const limit = {
    configMaps: '10', extended: { 'requests.nvidia.com/gpu': '1' }, limitsCpu: '8', limitsMemory: '16Gi', persistentVolumeClaims: '5', pods: '50', replicationControllers: '0',
    requestsCpu: '4', requestsMemory: '8Gi', requestsStorage: '100Gi', secrets: '50', services: '10', servicesLoadBalancers: '0', servicesNodePorts: '0',
  };
  const project = new Rancher2Project(stack, 'project', {
    name: 'payments',
    clusterId: cluster.clusterV1Id,
    description: 'Payments team',
    containerResourceLimit: { limitsCpu: '500m', limitsMemory: '512Mi', requestsCpu: '100m', requestsMemory: '128Mi' },
    resourceQuota: { projectLimit: limit, namespaceDefaultLimit: limit },
    waitForCluster: true,
    annotations: { a: 'b' },
    labels: { c: 'd' },
    timeouts: { create: '10m', update: '10m', delete: '10m' },
  });
  new Rancher2ProjectRoleTemplateBinding(stack, 'project-role', { name: 'members', projectId: project.id, roleTemplateId: 'project-member', ...subject });
  return { stack, synth: JSON.parse(Testing.synth(stack)) };
}

describe('rancher2 bindings', () => {
  const { synth } = fullStack();

  test('every synthesized key path exists in the provider schema, with its type and block nesting', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const [type, resources] of Object.entries<any>(synth.resource)) {
      for (const config of Object.values<any>(resources)) {
        problems.push(...check(SCHEMA.resources[type], config, type, seen));
      }
    }
    problems.push(...check(SCHEMA.provider, synth.provider.rancher2[0], 'provider', seen));
    expect(problems).toEqual([]);
  });

  test('the bindings cover every settable schema path except the ones deliberately left out', () => {
    const seen = new Set<string>();
    for (const [type, resources] of Object.entries<any>(synth.resource)) {
      for (const config of Object.values<any>(resources)) {
        check(SCHEMA.resources[type], config, type, seen);
      }
    }
    check(SCHEMA.provider, synth.provider.rancher2[0], 'provider', seen);
    const expected = [
      ...Object.entries<any>(SCHEMA.resources).flatMap(([type, node]) => schemaPaths(node, type)),
      ...schemaPaths(SCHEMA.provider, 'provider').filter((p) => p !== 'provider.alias'),
    ];
    const missing = expected.filter((p) => !seen.has(p) && !NOT_BOUND.some((n) => p === n || p.startsWith(`${n}.`)));
    expect(missing).toEqual([]);
  });

  test('the schema check catches a wrong key, a wrong type and a list block given as an object', () => {
    const node = SCHEMA.resources.rancher2_cluster_v2;
    expect(check(node, { name: 'a', kubernetes_version: 'v', nmae: 'x' }, 'c', new Set())).toEqual(['c.nmae: not in the provider schema']);
    expect(check(node, { name: 'a', kubernetes_version: 'v', enable_network_policy: 'yes' }, 'c', new Set())).toEqual(['c.enable_network_policy: "yes" is not bool']);
    expect(check(node, { name: 'a', kubernetes_version: 'v', rke_config: { machine_pools: { name: 'p' } } }, 'c', new Set())).toEqual([
      'c.rke_config.machine_pools: a list block must be an array',
      'c.rke_config.machine_pools.machine_config: required block missing',
    ]);
    expect(check(node, { name: 'a' }, 'c', new Set())).toEqual(['c.kubernetes_version: required attribute missing']);
    expect(check(node, { name: 'a', kubernetes_version: 'v', kube_config: 'x' }, 'c', new Set())).toEqual(['c.kube_config: computed-only attribute set in config']);
  });

  test('the provider: retries (deprecated upstream) is rejected for JavaScript callers, timeout must be a Go duration', () => {
    const stack = new TerraformStack(Testing.app(), 'provider');
    expect(() => new Rancher2Provider(stack, 'a', { retries: 3 } as any)).toThrow(/Rancher2Provider provider\/a: retries is not supported \(deprecated in the rancher2 provider: "Use timeout instead"\).*Fix: replace retries with timeout/);
    expect(() => new Rancher2Provider(stack, 'b', { timeout: '120' })).toThrow(/invalid timeout "120". Allowed: a Go duration/);
    expect(() => new Rancher2Provider(stack, 'c', { timeout: '1h30m' })).not.toThrow();
  });

  test('the provider keeps its alias, so two Rancher servers can be configured in one stack', () => {
    const stack = new TerraformStack(Testing.app(), 'aliased');
    new Rancher2Provider(stack, 'default', { apiUrl: 'https://a.example.com' });
    const second = new Rancher2Provider(stack, 'second', { apiUrl: 'https://b.example.com', alias: 'b' });
    expect(second.alias).toBe('b');
    expect(JSON.parse(Testing.synth(stack)).provider.rancher2).toEqual([{ api_url: 'https://a.example.com' }, { alias: 'b', api_url: 'https://b.example.com' }]);
  });

  test('required_providers pins rancher/rancher2 to exactly 14.1.1', () => {
    expect(synth.terraform.required_providers.rancher2).toEqual({ source: 'rancher/rancher2', version: '14.1.1' });
  });

  test('lists of blocks synthesize as arrays, nested as in the schema', () => {
    const cluster = synth.resource.rancher2_cluster_v2.cluster;
    expect(Array.isArray(cluster.rke_config.machine_pools)).toBe(true);
    expect(cluster.rke_config.machine_pools[0].machine_config).toEqual({
      kind: '${rancher2_machine_config_v2.machine.kind}',
      name: '${rancher2_machine_config_v2.machine.name}',
      api_version: 'rke-machine-config.cattle.io/v1',
    });
    expect(cluster.rke_config.machine_selector_files[0].file_sources[0].secret.items).toHaveLength(1);
    expect(cluster.cloud_credential_secret_name).toBe('${rancher2_cloud_credential.credential.id}');
    expect(synth.resource.rancher2_app_v2.app.cluster_id).toBe('${rancher2_cluster_v2.cluster.cluster_v1_id}');
    expect(synth.resource.rancher2_project.project.resource_quota.project_limit.extended).toEqual({ 'requests.nvidia.com/gpu': '1' });
    expect(synth.resource.rancher2_project_role_template_binding['project-role'].project_id).toBe('${rancher2_project.project.id}');
  });

  test('static tfResourceType of each binding', () => {
    expect(
      [
        Rancher2Provider,
        Rancher2CloudCredential,
        Rancher2MachineConfigV2,
        Rancher2ClusterV2,
        Rancher2AppV2,
        Rancher2GlobalRoleBinding,
        Rancher2ClusterRoleTemplateBinding,
        Rancher2Project,
        Rancher2ProjectRoleTemplateBinding,
      ].map((c) => c.tfResourceType),
    ).toEqual([
      'rancher2',
      'rancher2_cloud_credential',
      'rancher2_machine_config_v2',
      'rancher2_cluster_v2',
      'rancher2_app_v2',
      'rancher2_global_role_binding',
      'rancher2_cluster_role_template_binding',
      'rancher2_project',
      'rancher2_project_role_template_binding',
    ]);
  });

  test('computed attributes are Terraform references', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 's');
    const cluster = new Rancher2ClusterV2(stack, 'c', { name: 'a', kubernetesVersion: 'v1.32.5+rke2r1' });
    const machine = new Rancher2MachineConfigV2(stack, 'm', { generateName: 'a' });
    const values = [cluster.kubeConfig, cluster.clusterV1Id, cluster.id, cluster.resourceVersion, machine.kind, machine.name];
    new TerraformOutput(stack, 'values', { value: values, sensitive: true });
    expect(JSON.parse(Testing.synth(stack)).output.values.value).toEqual([
      '${rancher2_cluster_v2.c.kube_config}',
      '${rancher2_cluster_v2.c.cluster_v1_id}',
      '${rancher2_cluster_v2.c.id}',
      '${rancher2_cluster_v2.c.resource_version}',
      '${rancher2_machine_config_v2.m.kind}',
      '${rancher2_machine_config_v2.m.name}',
    ]);
  });

  describe('sensitive arguments must be references, never literals', () => {
    const stack = () => new TerraformStack(new App(), 's');
    test('cloud credential client secret', () => {
      expect(
        () => new Rancher2CloudCredential(stack(), 'c', { name: 'a', azureCredentialConfig: { clientId: 'i', clientSecret: 'hunter2-secret', subscriptionId: 's' } }),
      ).toThrow(/Rancher2CloudCredential .*invalid azureCredentialConfig\.clientSecret "<literal value, not shown>".*sensitive: true/);
    });
    test('the literal value is not echoed in the error', () => {
      expect(
        () => new Rancher2CloudCredential(stack(), 'c', { name: 'a', azureCredentialConfig: { clientId: 'i', clientSecret: 'hunter2-secret', subscriptionId: 's' } }),
      ).not.toThrow(/hunter2/);
    });
    test('provider secret key and token', () => {
      expect(() => new Rancher2Provider(stack(), 'p', { secretKey: 'literal' })).toThrow(/invalid secretKey/);
      expect(() => new Rancher2Provider(stack(), 'p', { tokenKey: 'token-x:literal' })).toThrow(/invalid tokenKey/);
    });
    test('machine config client secret', () => {
      expect(() => new Rancher2MachineConfigV2(stack(), 'm', { generateName: 'a', azureConfig: { clientSecret: 'literal' } })).toThrow(/invalid azureConfig\.clientSecret/);
    });
  });
});
