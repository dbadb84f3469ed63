import * as fs from 'fs';
import { App, TerraformOutput, TerraformStack, Testing } from 'cdktf';
import {
  CisRke2Pack,
  ClusterBaseline,
  HardenedRke2Cluster,
  HardenedRke2ClusterProps,
  IKubernetesCluster,
  KubeletCipherSuites,
  KubernetesDistribution,
  PodSecurityVersion,
  PolicyEngine,
  Rancher2ClusterV2,
  Rancher2MachineConfigV2,
  Rke2Cni,
  Rke2NodeFiles,
} from '../../lib';
import { synthWithPacks, testApp } from '../helpers/synth';
import { baseProps, defaultCluster, rancherStack } from './rke2-helpers';

function synth(overrides: Parameters<typeof defaultCluster>[1] = {}): any {
  const { stack } = defaultCluster(Testing.app(), overrides);
  return JSON.parse(Testing.synth(stack));
}

function clusterOf(tf: any): any {
  return Object.values<any>(tf.resource.rancher2_cluster_v2)[0];
}

function globalConfig(tf: any): any {
  return JSON.parse(clusterOf(tf).rke_config.machine_global_config);
}

function machines(tf: any): any[] {
  return Object.values<any>(tf.resource.rancher2_machine_config_v2);
}

function cloudConfig(machine: any): any {
  return JSON.parse(machine.azure_config.custom_data.slice('#cloud-config'.length));
}

function fileOf(machine: any, path: string): any {
  const file = cloudConfig(machine).write_files.find((f: any) => f.path === path);
  return file === undefined ? undefined : file.content;
}

function expectError(overrides: Parameters<typeof defaultCluster>[1], pattern: RegExp): void {
  expect(() => defaultCluster(new App(), overrides)).toThrow(pattern);
}

describe('HardenedRke2Cluster defaults', () => {
  const tf = synth();
  const cluster = clusterOf(tf);
  const config = globalConfig(tf);

  test('machine_global_config carries the CIS settings, as JSON with sorted keys', () => {
    expect(config).toEqual({
      'audit-policy-file': Rke2NodeFiles.AUDIT_POLICY,
      cni: 'calico',
      'etcd-expose-metrics': false,
      'kube-apiserver-arg': [
        'enable-admission-plugins=NodeRestriction,AlwaysPullImages,DenyServiceExternalIPs,EventRateLimit',
        'audit-log-path=/var/lib/rancher/rke2/server/logs/audit.log',
        'audit-log-maxage=30',
        'audit-log-maxbackup=10',
        'audit-log-maxsize=100',
      ],
      'kubelet-arg': ['pod-max-pids=4096', `tls-cipher-suites=${KubeletCipherSuites.STRONG.join(',')}`],
      'pod-security-admission-config-file': Rke2NodeFiles.ADMISSION_CONFIG,
      profile: 'cis',
      'protect-kernel-defaults': true,
    });
    expect(Object.keys(config)).toEqual([...Object.keys(config)].sort());
  });

  test('cluster attributes: pinned version, fleet-default, network policy on, no PSA template, no selector entries', () => {
    expect(cluster).toMatchObject({ name: 'rke2-prod', kubernetes_version: 'v1.32.5+rke2r1', fleet_namespace: 'fleet-default', enable_network_policy: true });
    expect(cluster.default_pod_security_admission_configuration_template_name).toBeUndefined();
    expect(cluster.rke_config.machine_selector_config).toBeUndefined();
  });

  test('etcd snapshots every 5 hours, 5 kept; upgrades one node at a time with drain', () => {
    expect(cluster.rke_config.etcd).toEqual({ disable_snapshots: false, snapshot_schedule_cron: '0 */5 * * *', snapshot_retention: 5 });
    expect(cluster.rke_config.upgrade_strategy).toMatchObject({ control_plane_concurrency: '1', worker_concurrency: '1' });
  });

  test('pools: 3 etcd+control-plane machines and 3 workers, each with its own machine config and the credential', () => {
    expect(cluster.rke_config.machine_pools.map((p: any) => [p.name, p.quantity, p.etcd_role, p.control_plane_role, p.worker_role])).toEqual([
      ['control-plane', 3, true, true, false],
      ['worker', 3, false, false, true],
    ]);
    const credential = Object.keys(tf.resource.rancher2_cloud_credential)[0];
    expect(cluster.cloud_credential_secret_name).toBe(`\${rancher2_cloud_credential.${credential}.id}`);
    expect(cluster.rke_config.machine_pools[0].machine_config.kind).toMatch(/^\$\{rancher2_machine_config_v2\..*control-plane.*\.kind\}$/);
  });

  test('machines: private subnet, no public IP, no open port, managed Premium disks, Ubuntu 22.04, D4s_v5, 128 GB', () => {
    for (const machine of machines(tf)) {
      expect(machine.azure_config).toMatchObject({
        image: 'Canonical:0001-com-ubuntu-server-jammy:22_04-lts-gen2:latest',
        size: 'Standard_D4s_v5',
        disk_size: '128',
        managed_disks: true,
        storage_type: 'Premium_LRS',
        no_public_ip: true,
        use_private_ip: true,
        private_address_only: true,
        static_public_ip: false,
        open_port: [],
        subnet: 'snet-nodes',
        vnet: 'rg-network:vnet-rke2',
        nsg: 'nsg-nodes',
        location: 'westeurope',
        resource_group: 'rg-rke2',
      });
      expect(machine.fleet_namespace).toBe('fleet-default');
    }
  });

  test('cloud-init: kernel parameters everywhere, etcd user on servers, API server files on the control plane only', () => {
    const [controlPlane, worker] = machines(tf);
    for (const machine of [controlPlane, worker]) {
      expect(fileOf(machine, Rke2NodeFiles.SYSCTL)).toBe('kernel.panic=10\nkernel.panic_on_oops=1\nvm.overcommit_memory=1\nvm.panic_on_oom=0\n');
      expect(cloudConfig(machine).bootcmd[0]).toEqual(['sysctl', '-w', 'kernel.panic=10', 'kernel.panic_on_oops=1', 'vm.overcommit_memory=1', 'vm.panic_on_oom=0']);
    }
    expect(JSON.stringify(cloudConfig(controlPlane).bootcmd)).toContain("useradd -r -c 'etcd user' -s /sbin/nologin -M etcd -U");
    expect(JSON.stringify(cloudConfig(worker).bootcmd)).not.toContain('useradd');
    expect(fileOf(worker, Rke2NodeFiles.AUDIT_POLICY)).toBeUndefined();
    expect(fileOf(worker, Rke2NodeFiles.ADMISSION_CONFIG)).toBeUndefined();
    expect(machine0Custom(controlPlane)).toMatch(/^#cloud-config\n\{/);
  });

  test('the audit policy logs secrets at Metadata and RBAC changes with request and response', () => {
    const policy = JSON.parse(fileOf(machines(tf)[0], Rke2NodeFiles.AUDIT_POLICY));
    expect(policy).toMatchObject({ apiVersion: 'audit.k8s.io/v1', kind: 'Policy' });
    expect(policy.rules).toContainEqual(expect.objectContaining({ level: 'Metadata', resources: expect.arrayContaining([{ group: '', resources: ['secrets', 'configmaps', 'serviceaccounts/token'] }]) }));
    expect(policy.rules).toContainEqual(expect.objectContaining({ level: 'RequestResponse', resources: expect.arrayContaining([expect.objectContaining({ group: 'rbac.authorization.k8s.io' })]) }));
    expect(policy.rules[policy.rules.length - 1]).toEqual({ level: 'Metadata' });
  });

  test('the admission configuration enforces restricted with the system exemptions and carries EventRateLimit', () => {
    const admission = JSON.parse(fileOf(machines(tf)[0], Rke2NodeFiles.ADMISSION_CONFIG));
    const podSecurity = admission.plugins.find((p: any) => p.name === 'PodSecurity').configuration;
    // Pinned to the cluster's minor (v1.32.5+rke2r1), never latest.
    expect(podSecurity.defaults).toEqual({ enforce: 'restricted', 'enforce-version': 'v1.32', audit: 'restricted', 'audit-version': 'v1.32', warn: 'restricted', 'warn-version': 'v1.32' });
    expect(podSecurity.exemptions.namespaces).toEqual(expect.arrayContaining(['kube-system', 'cattle-system', 'calico-system', 'tigera-operator', 'compliance-operator-system']));
    expect(admission.plugins.find((p: any) => p.name === 'EventRateLimit').configuration.limits).toContainEqual({ type: 'Server', qps: 5000, burst: 20000 });
  });

  test('podSecurityVersion pins another version; a version outside the supported ones is clamped, a bad one refused', () => {
    const defaultsOf = (overrides: Partial<HardenedRke2ClusterProps>) => {
      const { stack } = defaultCluster(Testing.app(), overrides);
      const admission = JSON.parse(fileOf(machines(JSON.parse(Testing.synth(stack)))[0], Rke2NodeFiles.ADMISSION_CONFIG));
      return admission.plugins.find((p: any) => p.name === 'PodSecurity').configuration.defaults['enforce-version'];
    };
    expect(defaultsOf({ podSecurityVersion: PodSecurityVersion.V1_30 })).toBe('v1.30');
    expect(defaultsOf({ kubernetesVersion: 'v1.40.1+rke2r1' })).toBe(PodSecurityVersion.DEFAULT.label);
    expect(() => defaultsOf({ podSecurityVersion: 'latest' as any })).toThrow(/HardenedRke2Cluster .*invalid podSecurityVersion/);
  });

  test('the allowed-registries ValidatingAdmissionPolicy ships in additional_manifest', () => {
    const [policy, binding] = cluster.rke_config.additional_manifest.split('\n---\n').map((d: string) => JSON.parse(d));
    expect(policy.kind).toBe('ValidatingAdmissionPolicy');
    expect(policy.spec.validations[0].expression).toContain("['acrplatform.azurecr.io/'].exists(p, c.image.startsWith(p))");
    expect(binding.spec).toMatchObject({ policyName: 'hardened-allowed-registries', validationActions: ['Deny'] });
    expect(binding.spec.matchResources.namespaceSelector.matchExpressions[0].values).toContain('kube-system');
  });

  test('exemptions default to exactly the RKE2, Rancher and Calico system namespaces; no tenant id', () => {
    const system = [
      'calico-apiserver',
      'calico-system',
      'cattle-fleet-system',
      'cattle-impersonation-system',
      'cattle-provisioning-capi-system',
      'cattle-system',
      'cis-operator-system',
      'compliance-operator-system',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'tigera-operator',
    ];
    const admission = JSON.parse(fileOf(machines(tf)[0], Rke2NodeFiles.ADMISSION_CONFIG));
    expect(admission.plugins[0].configuration.exemptions.namespaces).toEqual(system);
    const binding = JSON.parse(cluster.rke_config.additional_manifest.split('\n---\n')[1]);
    expect(binding.spec.matchResources.namespaceSelector.matchExpressions[0].values).toEqual(system);
    expect(Object.values<any>(tf.resource.rancher2_cloud_credential)[0].azure_credential_config.tenant_id).toBeUndefined();
  });

  test('a pool defaults to one machine with no role it is not given, on the cluster subnet, without a zone', () => {
    const pools = clusterOf(
      synth({ machinePools: [{ name: 'servers', etcdRole: true, controlPlaneRole: true }, { name: 'workers', workerRole: true }] }),
    ).rke_config.machine_pools;
    expect(pools.map((p: any) => [p.name, p.quantity, p.etcd_role, p.control_plane_role, p.worker_role])).toEqual([
      ['servers', 1, true, true, false],
      ['workers', 1, false, false, true],
    ]);
    expect(machines(tf).map((m) => m.azure_config.availability_zone)).toEqual([undefined, undefined]);
  });

  test('the cloud credential takes the secret by reference', () => {
    const credential = Object.values<any>(tf.resource.rancher2_cloud_credential)[0];
    expect(credential).toMatchObject({ name: 'rke2-prod-azure', azure_credential_config: { client_secret: expect.stringMatching(/^\$\{var\./) } });
  });

  test('every rule of CisRke2Pack is compliant on the defaults', () => {
    const app = testApp();
    defaultCluster(app);
    const findings = synthWithPacks(app, [new CisRke2Pack()]).report('rke2').findings;
    // The secrets rule has nothing to judge on items without a secret (the provider here has none set).
    const judged = findings.filter((f: any) => !(f.ruleId === 'no-plaintext-secrets' && f.status === 'not-applicable'));
    expect(judged.filter((f: any) => f.status !== 'compliant')).toEqual([]);
    expect(new Set(findings.map((f: any) => f.ruleId)).size).toBe(new CisRke2Pack().rules.length);
    expect(findings.filter((f: any) => f.ruleId === 'no-plaintext-secrets' && f.status === 'compliant').map((f: any) => f.address)).toEqual([
      expect.stringMatching(/^rancher2_cloud_credential\./),
    ]);
  });
});

function machine0Custom(machine: any): string {
  return machine.azure_config.custom_data;
}

describe('HardenedRke2Cluster as an IKubernetesCluster', () => {
  test('RKE2, Gatekeeper, no managed CSI or mesh; endpoint from the sensitive kubeconfig through Terraform functions', () => {
    const app = Testing.app();
    const stack = rancherStack(app);
    const rke2: IKubernetesCluster = new HardenedRke2Cluster(stack, 'rke2', baseProps(stack));
    expect([rke2.distribution, rke2.policyEngine, rke2.secretsStoreCsiManaged, rke2.managedIstioRevision, rke2.oidcIssuerUrl, rke2.clusterName]).toEqual([
      KubernetesDistribution.RKE2,
      PolicyEngine.GATEKEEPER,
      false,
      undefined,
      undefined,
      'rke2-prod',
    ]);
    new Rancher2ClusterV2(stack, 'probe', { name: 'probe', kubernetesVersion: 'v1.32.5+rke2r1', labels: { host: rke2.endpoint.host, token: rke2.endpoint.token!, ca: rke2.endpoint.clusterCaCertificate! } });
    const labels = JSON.parse(Testing.synth(stack)).resource.rancher2_cluster_v2.probe.labels;
    const kubeConfig = 'yamldecode(rancher2_cluster_v2.rke2_cluster_E160FB67.kube_config)';
    expect(labels.host).toBe(`\${${kubeConfig}.clusters.0.cluster.server}`);
    expect(labels.token).toBe(`\${${kubeConfig}.users.0.user.token}`);
    expect(labels.ca).toBe(`\${try(${kubeConfig}.clusters.0.cluster["certificate-authority-data"], "")}`);
  });

  test('ClusterBaseline connects to it from its own stacks with the kubeconfig as a sensitive cross-stack output', () => {
    const app = testApp();
    const stack = rancherStack(app);
    const rke2 = new HardenedRke2Cluster(stack, 'rke2', baseProps(stack));
    new ClusterBaseline(app, 'baseline', { cluster: rke2, allowedRegistries: ['acrplatform.azurecr.io/'] });
    app.synth();
    const infra = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/rke2/cdk.tf.json`, 'utf-8'));
    const charts = JSON.parse(fs.readFileSync(`${app.outdir}/stacks/baseline-charts/cdk.tf.json`, 'utf-8'));
    const outputs = Object.values<any>(infra.output);
    expect(outputs.filter((o) => String(o.value).includes('kube_config')).map((o) => o.sensitive)).toEqual([true]);
    expect(charts.provider.kubernetes[0].host).toMatch(/^\$\{yamldecode\(data\.terraform_remote_state\.[^)]*kube_config\)\.clusters\.0\.cluster\.server\}$/);
    expect(charts.provider.helm[0].kubernetes.token).toMatch(/kube_config\)\.users\.0\.user\.token\}$/);
  });

  test('exposes the L1 resources and the management cluster id', () => {
    const app = Testing.app();
    const stack = rancherStack(app);
    const rke2 = new HardenedRke2Cluster(stack, 'rke2', baseProps(stack));
    expect(rke2.cluster).toBeInstanceOf(Rancher2ClusterV2);
    expect(rke2.machineConfigs).toHaveLength(2);
    rke2.machineConfigs.forEach((m) => expect(m).toBeInstanceOf(Rancher2MachineConfigV2));
    expect(JSON.parse(rke2.machineGlobalConfig).profile).toBe('cis');
    new TerraformOutput(stack, 'id', { value: rke2.clusterV1Id });
    expect(JSON.parse(Testing.synth(stack)).output.id.value).toBe('${rancher2_cluster_v2.rke2_cluster_E160FB67.cluster_v1_id}');
  });
});

describe('HardenedRke2Cluster overrides', () => {
  test('cni, pod PIDs, audit retention, snapshots, image, size, disk, subnet, zone, fleet namespace, network policy', () => {
    const tf = synth({
      cni: Rke2Cni.CILIUM,
      podMaxPids: 8192,
      auditLogMaxAgeDays: 90,
      auditLogMaxBackups: 20,
      auditLogMaxSizeMb: 200,
      etcdSnapshotScheduleCron: '0 */2 * * *',
      etcdSnapshotRetention: 12,
      vmImage: 'Canonical:ubuntu-24_04-lts:server:latest',
      fleetNamespace: 'fleet-prod',
      enableNetworkPolicy: false,
      azureTenantId: 'tenant',
      machinePools: [{ name: 'all', quantity: 1, etcdRole: true, controlPlaneRole: true, workerRole: true, vmSize: 'Standard_D8s_v5', osDiskSizeGb: 256, subnetName: 'snet-b', availabilityZone: '2' }],
    });
    const config = globalConfig(tf);
    expect(config.cni).toBe('cilium');
    expect(config['kubelet-arg'][0]).toBe('pod-max-pids=8192');
    expect(config['kube-apiserver-arg']).toEqual(expect.arrayContaining(['audit-log-maxage=90', 'audit-log-maxbackup=20', 'audit-log-maxsize=200']));
    expect(clusterOf(tf).rke_config.etcd).toMatchObject({ snapshot_schedule_cron: '0 */2 * * *', snapshot_retention: 12 });
    expect(clusterOf(tf)).toMatchObject({ fleet_namespace: 'fleet-prod', enable_network_policy: false });
    expect(machines(tf)[0].azure_config).toMatchObject({ image: 'Canonical:ubuntu-24_04-lts:server:latest', size: 'Standard_D8s_v5', disk_size: '256', subnet: 'snet-b', availability_zone: '2' });
    expect(machines(tf)[0].fleet_namespace).toBe('fleet-prod');
    expect(Object.values<any>(tf.resource.rancher2_cloud_credential)[0].azure_credential_config.tenant_id).toBe('tenant');
  });

  test('alwaysPullImages false drops the plugin, and the rule then fails synth', () => {
    expect(globalConfig(synth({ alwaysPullImages: false }))['kube-apiserver-arg'][0]).toBe('enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs,EventRateLimit');
    const app = testApp();
    defaultCluster(app, { alwaysPullImages: false });
    expect(() => synthWithPacks(app, [new CisRke2Pack()])).toThrow(/rke2-always-pull-images/);
  });

  test('eventRateLimit false with the rancher-restricted template: Rancher owns the admission configuration', () => {
    const tf = synth({ eventRateLimit: false, defaultPodSecurityAdmissionConfigurationTemplateName: 'rancher-restricted' });
    const config = globalConfig(tf);
    expect(clusterOf(tf).default_pod_security_admission_configuration_template_name).toBe('rancher-restricted');
    expect(config['pod-security-admission-config-file']).toBeUndefined();
    expect(config['kube-apiserver-arg']).toEqual(
      expect.arrayContaining(['enable-admission-plugins=NodeRestriction,AlwaysPullImages,DenyServiceExternalIPs', `admission-control-config-file=${Rke2NodeFiles.RANCHER_PSACT_CONFIG}`]),
    );
    expect(fileOf(machines(tf)[0], Rke2NodeFiles.ADMISSION_CONFIG)).toBeUndefined();
  });

  test('eventRateLimit false alone keeps the own admission configuration without EventRateLimit', () => {
    const tf = synth({ eventRateLimit: false });
    const admission = JSON.parse(fileOf(machines(tf)[0], Rke2NodeFiles.ADMISSION_CONFIG));
    expect(admission.plugins.map((p: any) => p.name)).toEqual(['PodSecurity']);
  });

  test.each([['podSecurityExemptNamespaces'], ['imagePolicyExemptNamespaces']])('%s refuses a wildcard', (prop) => {
    expect(() => synth({ [prop]: ['team-*'] })).toThrow(new RegExp(`invalid ${prop} "team-\\*". Allowed: a namespace name .*no wildcards`));
  });

  test('exempt namespaces are added to the system ones', () => {
    const tf = synth({ podSecurityExemptNamespaces: ['falco'], imagePolicyExemptNamespaces: ['istio-system'] });
    const admission = JSON.parse(fileOf(machines(tf)[0], Rke2NodeFiles.ADMISSION_CONFIG));
    expect(admission.plugins[0].configuration.exemptions.namespaces).toContain('falco');
    expect(clusterOf(tf).rke_config.additional_manifest).toContain('"istio-system"');
  });

  test('a selector entry is emitted with protect-kernel-defaults: true added', () => {
    const selector = { matchLabels: { tier: 'web' } };
    const tf = synth({ machineSelectorConfigs: [{ config: '{"node-label":["tier=web"]}', machineLabelSelector: selector }] });
    expect(clusterOf(tf).rke_config.machine_selector_config).toEqual([
      { config: '{"node-label":["tier=web"],"protect-kernel-defaults":true}', machine_label_selector: { match_labels: { tier: 'web' } } },
    ]);
  });

  test('synth is deterministic', () => {
    expect(Testing.synth(defaultCluster(Testing.app()).stack)).toBe(Testing.synth(defaultCluster(Testing.app()).stack));
  });
});

describe('HardenedRke2Cluster bad input', () => {
  test('no etcd pool anywhere', () => {
    expectError({ machinePools: [{ name: 'cp', quantity: 1, controlPlaneRole: true }, { name: 'w', workerRole: true }] }, /invalid machinePools "cp: control-plane; w: worker". Allowed: at least one pool with etcdRole: true/);
  });
  test('no control-plane pool anywhere', () => {
    expectError({ machinePools: [{ name: 'etcd', quantity: 3, etcdRole: true }, { name: 'w', workerRole: true }] }, /at least one pool with controlPlaneRole: true/);
  });
  test('an even etcd count, also summed over pools', () => {
    expectError({ machinePools: [{ name: 'cp', quantity: 2, etcdRole: true, controlPlaneRole: true }] }, /invalid machinePools \(etcd machines\) 2\. Allowed: an odd number of etcd machines/);
    expectError(
      { machinePools: [{ name: 'a', quantity: 3, etcdRole: true, controlPlaneRole: true }, { name: 'b', etcdRole: true }] },
      /invalid machinePools \(etcd machines\) 4/,
    );
  });
  test('a pool without a role, a duplicate pool name', () => {
    expectError({ machinePools: [{ name: 'cp', quantity: 3, etcdRole: true, controlPlaneRole: true }, { name: 'idle' }] }, /machinePools "idle" "no role"/);
    expectError({ machinePools: [{ name: 'cp', quantity: 3, etcdRole: true, controlPlaneRole: true }, { name: 'cp', workerRole: true }] }, /a name used by one pool only/);
  });
  test.each([['profile', '"cis-1.23"'], ['profile', '""'], ['protect-kernel-defaults', 'false']])('a selector entry overriding %s (%s)', (key, value) => {
    expectError(
      { machineSelectorConfigs: [{ config: `{"${key}":${value}}` }] },
      new RegExp(`invalid machineSelectorConfigs\\[0\\]\\.config: it sets ${key}=.*Fix: remove ${key} from the entry`),
    );
  });
  test.each([
    ['{"secrets-encryption":false}', /secrets-encryption=false asks for no encryption at rest/],
    ['{"secrets-encryption-provider":"identity"}', /secrets-encryption-provider="identity" is not one RKE2 supports/],
    ['{"kube-apiserver-arg":["encryption-provider-config=/etc/enc.yaml"]}', /kube-apiserver-arg encryption-provider-config=\/etc\/enc.yaml replaces the configuration RKE2 generates/],
  ])('a selector entry weakening secrets encryption: %s', (config, message) => {
    expectError({ machineSelectorConfigs: [{ config }] }, new RegExp(`invalid machineSelectorConfigs\\[0\\]\\.config: ${message.source}.*Fix: remove those keys from the entry`));
  });
  test('a selector entry choosing secretbox is accepted', () => {
    expect(() => synth({ machineSelectorConfigs: [{ config: '{"secrets-encryption-provider":"secretbox"}' }] })).not.toThrow();
  });
  test('a selector entry that is not a JSON object, or an unresolved token', () => {
    expectError({ machineSelectorConfigs: [{ config: 'profile: cis' }] }, /a JSON object of RKE2 config keys/);
    const app = new App();
    const stack = rancherStack(app);
    const props = baseProps(stack);
    expect(() => new HardenedRke2Cluster(stack, 'c', { ...props, machineSelectorConfigs: [{ config: props.azureClientSecret }] })).toThrow(/must be a literal value known at synth time/);
  });
  test.each(['1.32.5', 'v1.32.5', 'v1.32.5+k3s1', 'latest', 'stable', 'v1.32+rke2r1'])('a Kubernetes version that is not an RKE2 release: %s', (version) => {
    expectError({ kubernetesVersion: version }, /invalid kubernetesVersion .*Allowed: a pinned RKE2 release "v1\.<minor>\.<patch>\+rke2r<N>"/);
  });
  test('an RKE2 release too old for profile: cis', () => {
    expectError({ kubernetesVersion: 'v1.26.15+rke2r1' }, /RKE2 v1\.27 or newer/);
  });
  test('a literal client secret, never echoed', () => {
    expect(() => defaultCluster(new App(), { azureClientSecret: 'p@ssw0rd-literal' })).toThrow(/invalid azureClientSecret "<literal value, not shown>"/);
    expect(() => defaultCluster(new App(), { azureClientSecret: 'p@ssw0rd-literal' })).not.toThrow(/p@ssw0rd/);
  });
  test('EventRateLimit together with a Rancher PSA template', () => {
    expectError({ defaultPodSecurityAdmissionConfigurationTemplateName: 'rancher-restricted' }, /invalid defaultPodSecurityAdmissionConfigurationTemplateName "rancher-restricted". Allowed: unset while eventRateLimit is true/);
  });
  test('missing or bad registries, missing network settings', () => {
    expectError({ allowedRegistries: [] }, /allowedRegistries is required/);
    expectError({ allowedRegistries: ['docker.io'] }, /add the trailing slash/);
    expectError({ subnetName: '' }, /subnetName is required/);
    expectError({ clusterName: 'RKE2_Prod' }, /invalid clusterName/);
  });
  test('audit retention below the CIS minimums, bad numbers and cron', () => {
    expectError({ auditLogMaxAgeDays: 7 }, /invalid auditLogMaxAgeDays 7. Allowed: a whole number of at least 30 \(RKE2 CIS 1.8 1.2.18\)/);
    expectError({ auditLogMaxBackups: 5 }, /auditLogMaxBackups/);
    expectError({ auditLogMaxSizeMb: 10 }, /auditLogMaxSizeMb/);
    expectError({ podMaxPids: 0 }, /invalid podMaxPids 0/);
    expectError({ etcdSnapshotRetention: 0 }, /invalid etcdSnapshotRetention/);
    expectError({ etcdSnapshotScheduleCron: 'every 5 hours' }, /five-field cron/);
  });
});

test('a stack can hold two clusters', () => {
  const app = Testing.app();
  const stack = new TerraformStack(app, 's');
  new HardenedRke2Cluster(stack, 'a', baseProps(stack, { clusterName: 'a' }));
  new HardenedRke2Cluster(stack, 'b', baseProps(stack, { clusterName: 'b' }));
  expect(Object.keys(JSON.parse(Testing.synth(stack)).resource.rancher2_cluster_v2)).toHaveLength(2);
});
