import { CisBenchmark, CisCatalog, CisRke2Pack, ControlImplementation, IComplianceRule } from '../../../lib';
import { RANCHER_RULES } from '../../../lib/compliance/rules/rancher';
import { rke2AlwaysPullImages, rke2DenyServiceExternalIps } from '../../../lib/compliance/rules/rancher/admission-plugins';
import { rke2AuditLogArgs } from '../../../lib/compliance/rules/rancher/audit-log-args';
import { rke2AuditPolicy } from '../../../lib/compliance/rules/rancher/audit-policy';
import { rke2EtcdMetricsNotExposed, rke2EtcdSnapshots, rke2MachinesPrivate } from '../../../lib/compliance/rules/rancher/best-practices';
import { rke2CisProfile } from '../../../lib/compliance/rules/rancher/cis-profile';
import { rke2CniNetworkPolicy } from '../../../lib/compliance/rules/rancher/cni';
import { rke2ConfigOutsideRancher } from '../../../lib/compliance/rules/rancher/config-files';
import { rke2EtcdUser } from '../../../lib/compliance/rules/rancher/etcd-user';
import { rke2EventRateLimit } from '../../../lib/compliance/rules/rancher/event-rate-limit';
import { rke2HostKernelParameters } from '../../../lib/compliance/rules/rancher/host-kernel-parameters';
import { rke2ImageProvenance } from '../../../lib/compliance/rules/rancher/image-provenance';
import { rke2KubeletPodMaxPids, rke2KubeletStrongCiphers } from '../../../lib/compliance/rules/rancher/kubelet-args';
import { rke2PodSecurityRestricted } from '../../../lib/compliance/rules/rancher/pod-security';
import { rke2SecretsEncryption } from '../../../lib/compliance/rules/rancher/secrets-encryption';
import { Rke2NodeFiles } from '../../../lib/rancher/node-files';
import { evaluateRule } from '../../helpers/rule-harness';
import { rewriteFile, rke2Fixture, withCloudInit, withGlobal, withRkeConfig } from '../../rancher/rke2-fixture';

const CLUSTER = 'rancher2_cluster_v2';
const fixture = rke2Fixture();

function evaluate(rule: IComplianceRule, cluster: any = fixture.cluster, others = fixture.others) {
  return evaluateRule(rule, CLUSTER, cluster, others);
}

function status(rule: IComplianceRule, cluster: any = fixture.cluster, others = fixture.others): string {
  return evaluate(rule, cluster, others).status;
}

/** Replaces one kube-apiserver-arg / kubelet-arg entry starting with `flag=`. */
function replaceArg(config: any, key: string, flag: string, value: string | undefined): void {
  const args: string[] = config[key].filter((a: string) => !a.startsWith(`${flag}=`));
  config[key] = value === undefined ? args : [...args, `${flag}=${value}`];
}

const NOT_JSON = { ...fixture.cluster, rke_config: { ...fixture.cluster.rke_config, machine_global_config: 'profile: cis\ncni: calico\n' } };
const FROM_VARIABLE = { ...fixture.cluster, rke_config: { ...fixture.cluster.rke_config, machine_global_config: '${var.rke2_config}' } };

describe('every config rule reports unknown, never a pass, when machine_global_config cannot be read', () => {
  const configRules = RANCHER_RULES.filter((r) => ![rke2EtcdSnapshots, rke2MachinesPrivate, rke2HostKernelParameters, rke2ConfigOutsideRancher].includes(r));
  test.each(configRules.map((r) => [r.metadata.id, r]))('%s: YAML that is not JSON', (_id, rule) => {
    const result = evaluate(rule as IComplianceRule, NOT_JSON);
    expect(result.status).toBe('unknown');
    expect(result.message).toMatch(/machine_global_config is not JSON/);
  });
  test.each(configRules.map((r) => [r.metadata.id, r]))('%s: a Terraform expression', (_id, rule) => {
    expect(status(rule as IComplianceRule, FROM_VARIABLE)).toBe('unknown');
  });
});

describe('rke2-cis-profile (RKE2 CIS 1.8 1.1.1, 1.1.3, 1.1.5, 1.1.7)', () => {
  test('compliant: profile cis, protect-kernel-defaults true', () => expect(status(rke2CisProfile)).toBe('compliant'));
  test('non-compliant: no profile', () => {
    expect(evaluate(rke2CisProfile, withGlobal(fixture, (c) => delete c.profile))).toEqual({ status: 'non-compliant', message: 'machine_global_config profile=(unset) (pool "control-plane"; pool "worker")' });
  });
  test('non-compliant: old profile value', () => expect(status(rke2CisProfile, withGlobal(fixture, (c) => (c.profile = 'cis-1.23')))).toBe('non-compliant'));
  test('non-compliant: a selector entry without config gets the provider default protect-kernel-defaults: false', () => {
    const result = evaluate(rke2CisProfile, withRkeConfig(fixture, 'machine_selector_config', [{ machine_label_selector: { match_labels: { a: 'b' } } }]));
    expect(result).toEqual({
      status: 'non-compliant',
      message:
        'machine_selector_config[0] protect-kernel-defaults=false (pool "control-plane" if machine_selector_config[0] matches it; pool "worker" if machine_selector_config[0] matches it)',
    });
  });
  test('non-compliant: a selector entry overriding the profile', () => {
    expect(status(rke2CisProfile, withRkeConfig(fixture, 'machine_selector_config', [{ config: '{"profile":"etcd","protect-kernel-defaults":true}' }]))).toBe('non-compliant');
  });
  test('compliant: the profile in a selector entry for every node (Rancher template style)', () => {
    const cluster = withGlobal(fixture, (c) => delete c.profile);
    cluster.rke_config.machine_selector_config = [{ config: '{"profile":"cis","protect-kernel-defaults":true}' }];
    expect(status(rke2CisProfile, cluster)).toBe('compliant');
  });
  test('unknown: a selector config from a variable', () => {
    expect(status(rke2CisProfile, withRkeConfig(fixture, 'machine_selector_config', [{ config: '${var.x}' }]))).toBe('unknown');
  });
});

describe('rke2-etcd-user (RKE2 CIS 1.8 1.1.12)', () => {
  test('compliant: cloud-init creates the etcd user on the etcd pool', () => expect(status(rke2EtcdUser)).toBe('compliant'));
  test('non-compliant: no useradd in the etcd pool user data', () => {
    const others = withCloudInit(fixture, (doc) => (doc.bootcmd = doc.bootcmd.filter((c: string[]) => !c.join(' ').includes('useradd'))));
    expect(evaluate(rke2EtcdUser, fixture.cluster, others)).toEqual({ status: 'non-compliant', message: 'the user data of etcd pools control-plane does not create the etcd user' });
  });
  test('non-compliant: no profile', () => expect(status(rke2EtcdUser, withGlobal(fixture, (c) => delete c.profile))).toBe('non-compliant'));
  test('unknown: the machine config is not in the stack', () => {
    expect(evaluate(rke2EtcdUser, fixture.cluster, {}).message).toMatch(/machine config of pool "control-plane" is not in this stack/);
  });
  test('unknown: user data from an expression', () => {
    const machines = JSON.parse(JSON.stringify(fixture.others.rancher2_machine_config_v2));
    Object.values<any>(machines).forEach((m) => (m.azure_config.custom_data = '${file("cloud-init.yaml")}'));
    expect(status(rke2EtcdUser, fixture.cluster, { rancher2_machine_config_v2: machines })).toBe('unknown');
  });
});

describe('rke2-host-kernel-parameters (profile: cis prerequisite)', () => {
  test('compliant: every pool writes the sysctl file', () => expect(status(rke2HostKernelParameters)).toBe('compliant'));
  test('non-compliant: a pool misses vm.overcommit_memory', () => {
    const others = withCloudInit(fixture, (doc, name) => {
      if (name.endsWith('worker')) {
        doc.write_files[0].content = 'kernel.panic=10\nkernel.panic_on_oops=1\nvm.panic_on_oom=0\n';
      }
    });
    expect(evaluate(rke2HostKernelParameters, fixture.cluster, others)).toEqual({ status: 'non-compliant', message: 'pool worker misses vm.overcommit_memory=1' });
  });
  test('unknown: user data that is not JSON cloud-config', () => {
    const machines = JSON.parse(JSON.stringify(fixture.others.rancher2_machine_config_v2));
    Object.values<any>(machines).forEach((m) => (m.azure_config.custom_data = '#cloud-config\nwrite_files: []\n'));
    expect(status(rke2HostKernelParameters, fixture.cluster, { rancher2_machine_config_v2: machines })).toBe('unknown');
  });
});

describe.each([
  [rke2DenyServiceExternalIps, 'DenyServiceExternalIPs', '1.2.3'],
  [rke2AlwaysPullImages, 'AlwaysPullImages', '1.2.11'],
])('%s admission plugin rule', (rule, plugin) => {
  test('compliant: in enable-admission-plugins with NodeRestriction', () => expect(status(rule)).toBe('compliant'));
  test(`non-compliant: ${plugin} missing`, () => {
    const cluster = withGlobal(fixture, (c) => replaceArg(c, 'kube-apiserver-arg', 'enable-admission-plugins', 'NodeRestriction,EventRateLimit'));
    expect(status(rule, cluster)).toBe('non-compliant');
  });
  test('non-compliant: NodeRestriction dropped from the list', () => {
    const cluster = withGlobal(fixture, (c) => replaceArg(c, 'kube-apiserver-arg', 'enable-admission-plugins', `${plugin},EventRateLimit`));
    expect(status(rule, cluster)).toBe('non-compliant');
  });
});

describe('rke2-event-rate-limit (RKE2 CIS 1.8 1.2.9)', () => {
  test('compliant: plugin enabled, limits in the admission configuration on the control plane', () => expect(status(rke2EventRateLimit)).toBe('compliant'));
  test('non-compliant: plugin not enabled', () => {
    const cluster = withGlobal(fixture, (c) => replaceArg(c, 'kube-apiserver-arg', 'enable-admission-plugins', 'NodeRestriction'));
    expect(evaluate(rke2EventRateLimit, cluster).message).toMatch(/EventRateLimit is not in enable-admission-plugins/);
  });
  test('non-compliant: the admission configuration has no EventRateLimit entry', () => {
    const others = withCloudInit(fixture, (doc) => rewriteFile(doc, Rke2NodeFiles.ADMISSION_CONFIG, (c) => ({ ...c, plugins: c.plugins.filter((p: any) => p.name !== 'EventRateLimit') })));
    expect(evaluate(rke2EventRateLimit, fixture.cluster, others)).toEqual({ status: 'non-compliant', message: `${Rke2NodeFiles.ADMISSION_CONFIG} has no EventRateLimit limits` });
  });
  test('non-compliant: no user data writes the admission configuration', () => {
    const others = withCloudInit(fixture, (doc) => (doc.write_files = doc.write_files.filter((f: any) => f.path !== Rke2NodeFiles.ADMISSION_CONFIG)));
    expect(evaluate(rke2EventRateLimit, fixture.cluster, others).message).toMatch(/no user data writes .* on control-plane pools control-plane/);
  });
  test('non-compliant: a Rancher PSA template replaces the admission configuration', () => {
    expect(evaluate(rke2EventRateLimit, { ...fixture.cluster, default_pod_security_admission_configuration_template_name: 'rancher-restricted' }).message).toMatch(
      /replaces the admission configuration/,
    );
  });
  test('unknown: the admission configuration is not JSON', () => {
    const machines = JSON.parse(JSON.stringify(fixture.others.rancher2_machine_config_v2));
    for (const m of Object.values<any>(machines)) {
      const doc = JSON.parse(m.azure_config.custom_data.slice('#cloud-config'.length));
      doc.write_files.filter((f: any) => f.path === Rke2NodeFiles.ADMISSION_CONFIG).forEach((f: any) => (f.content = 'kind: AdmissionConfiguration\n'));
      m.azure_config.custom_data = '#cloud-config\n' + JSON.stringify(doc);
    }
    expect(status(rke2EventRateLimit, fixture.cluster, { rancher2_machine_config_v2: machines })).toBe('unknown');
  });
});

describe('rke2-audit-log-args (RKE2 CIS 1.8 1.2.17-1.2.20)', () => {
  test('compliant: path and 30/10/100', () => expect(status(rke2AuditLogArgs)).toBe('compliant'));
  test('compliant: flags left to RKE2 with profile cis', () => {
    const cluster = withGlobal(fixture, (c) => ['audit-log-path', 'audit-log-maxage', 'audit-log-maxbackup', 'audit-log-maxsize'].forEach((f) => replaceArg(c, 'kube-apiserver-arg', f, undefined)));
    expect(status(rke2AuditLogArgs, cluster)).toBe('compliant');
  });
  test('non-compliant: maxage 7', () => {
    expect(status(rke2AuditLogArgs, withGlobal(fixture, (c) => replaceArg(c, 'kube-apiserver-arg', 'audit-log-maxage', '7')))).toBe('non-compliant');
  });
  test('non-compliant: no profile, no audit policy file, no flags', () => {
    const cluster = withGlobal(fixture, (c) => {
      delete c.profile;
      delete c['audit-policy-file'];
      replaceArg(c, 'kube-apiserver-arg', 'audit-log-path', undefined);
    });
    expect(status(rke2AuditLogArgs, cluster)).toBe('non-compliant');
  });
});

describe('rke2-audit-policy (RKE2 CIS 1.8 3.2.1, 3.2.2)', () => {
  test('compliant: the library policy on every control-plane machine', () => expect(status(rke2AuditPolicy)).toBe('compliant'));
  test('non-compliant: no audit-policy-file', () => {
    expect(evaluate(rke2AuditPolicy, withGlobal(fixture, (c) => delete c['audit-policy-file'])).message).toMatch(/default policy logs nothing/);
  });
  test("non-compliant: RKE2's log-nothing policy", () => {
    const others = withCloudInit(fixture, (doc) => rewriteFile(doc, Rke2NodeFiles.AUDIT_POLICY, (p) => ({ ...p, rules: [{ level: 'None' }] })));
    expect(evaluate(rke2AuditPolicy, fixture.cluster, others).message).toMatch(/secrets at None \(needs Metadata\)/);
  });
  test('non-compliant: secrets logged with their content', () => {
    const others = withCloudInit(fixture, (doc) =>
      rewriteFile(doc, Rke2NodeFiles.AUDIT_POLICY, (p) => ({ ...p, rules: [{ level: 'RequestResponse', resources: [{ group: '', resources: ['secrets'] }] }, ...p.rules] })),
    );
    expect(evaluate(rke2AuditPolicy, fixture.cluster, others).message).toMatch(/secrets at RequestResponse \(needs Metadata\)/);
  });
  test('non-compliant: RBAC changes only at Metadata', () => {
    const others = withCloudInit(fixture, (doc) => rewriteFile(doc, Rke2NodeFiles.AUDIT_POLICY, (p) => ({ ...p, rules: [{ level: 'Metadata' }] })));
    expect(evaluate(rke2AuditPolicy, fixture.cluster, others).message).toMatch(/clusterrolebinding changes at Metadata/);
  });
  test('unknown: the policy file is not JSON', () => {
    const machines = JSON.parse(JSON.stringify(fixture.others.rancher2_machine_config_v2));
    for (const m of Object.values<any>(machines)) {
      const doc = JSON.parse(m.azure_config.custom_data.slice('#cloud-config'.length));
      doc.write_files.filter((f: any) => f.path === Rke2NodeFiles.AUDIT_POLICY).forEach((f: any) => (f.content = 'rules:\n- level: Metadata\n'));
      m.azure_config.custom_data = '#cloud-config\n' + JSON.stringify(doc);
    }
    expect(status(rke2AuditPolicy, fixture.cluster, { rancher2_machine_config_v2: machines })).toBe('unknown');
  });
});

describe('rke2-kubelet-strong-ciphers (RKE2 CIS 1.8 4.2.12)', () => {
  test('compliant: strong suites only', () => expect(status(rke2KubeletStrongCiphers)).toBe('compliant'));
  test('non-compliant: a CBC suite', () => {
    expect(status(rke2KubeletStrongCiphers, withGlobal(fixture, (c) => replaceArg(c, 'kubelet-arg', 'tls-cipher-suites', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA')))).toBe('non-compliant');
  });
  test('non-compliant: a selector entry replacing kubelet-arg without the suites', () => {
    const cluster = withRkeConfig(fixture, 'machine_selector_config', [{ config: '{"kubelet-arg":["max-pods=110"],"protect-kernel-defaults":true}', machine_label_selector: { match_labels: { a: 'b' } } }]);
    expect(evaluate(rke2KubeletStrongCiphers, cluster).message).toMatch(/machine_selector_config\[0\] kubelet-arg/);
  });
});

describe('rke2-kubelet-pod-max-pids (RKE2 CIS 1.8 4.2.13)', () => {
  test('compliant: 4096', () => expect(status(rke2KubeletPodMaxPids)).toBe('compliant'));
  test('non-compliant: unset', () => expect(status(rke2KubeletPodMaxPids, withGlobal(fixture, (c) => replaceArg(c, 'kubelet-arg', 'pod-max-pids', undefined)))).toBe('non-compliant'));
  test('non-compliant: -1 (unlimited)', () => expect(status(rke2KubeletPodMaxPids, withGlobal(fixture, (c) => replaceArg(c, 'kubelet-arg', 'pod-max-pids', '-1')))).toBe('non-compliant'));
});

describe('rke2-pod-security-restricted (RKE2 CIS 1.8 5.2.1-5.2.13, 5.7.2, 5.7.3)', () => {
  test('compliant: own admission configuration enforcing restricted', () => expect(status(rke2PodSecurityRestricted)).toBe('compliant'));
  test('compliant: rancher-restricted template', () => {
    expect(status(rke2PodSecurityRestricted, { ...fixture.cluster, default_pod_security_admission_configuration_template_name: 'rancher-restricted' })).toBe('compliant');
  });
  test('compliant: profile cis alone (RKE2 writes its restricted configuration)', () => {
    expect(status(rke2PodSecurityRestricted, withGlobal(fixture, (c) => delete c['pod-security-admission-config-file']))).toBe('compliant');
  });
  test('non-compliant: rancher-privileged template', () => {
    expect(status(rke2PodSecurityRestricted, { ...fixture.cluster, default_pod_security_admission_configuration_template_name: 'rancher-privileged' })).toBe('non-compliant');
  });
  test('non-compliant: admission configuration enforcing baseline', () => {
    const others = withCloudInit(fixture, (doc) =>
      rewriteFile(doc, Rke2NodeFiles.ADMISSION_CONFIG, (c) => ({
        ...c,
        plugins: c.plugins.map((p: any) => (p.name === 'PodSecurity' ? { ...p, configuration: { ...p.configuration, defaults: { enforce: 'baseline' } } } : p)),
      })),
    );
    expect(status(rke2PodSecurityRestricted, fixture.cluster, others)).toBe('non-compliant');
  });
  test('non-compliant: an admission configuration that does not pin the version (latest)', () => {
    const defaults = (version: string) =>
      withCloudInit(fixture, (doc) =>
        rewriteFile(doc, Rke2NodeFiles.ADMISSION_CONFIG, (c) => ({
          ...c,
          plugins: c.plugins.map((p: any) => (p.name === 'PodSecurity' ? { ...p, configuration: { ...p.configuration, defaults: { enforce: 'restricted', 'enforce-version': version } } } : p)),
        })),
      );
    expect(evaluate(rke2PodSecurityRestricted, fixture.cluster, defaults('latest')).message).toMatch(/does not pin enforce-version/);
    expect(status(rke2PodSecurityRestricted, fixture.cluster, defaults('v1.32'))).toBe('compliant');
  });
  test('non-compliant: no profile and no configuration', () => {
    expect(status(rke2PodSecurityRestricted, withGlobal(fixture, (c) => (delete c['pod-security-admission-config-file'], delete c.profile)))).toBe('non-compliant');
  });
  test('unknown: template name from a variable', () => {
    expect(status(rke2PodSecurityRestricted, { ...fixture.cluster, default_pod_security_admission_configuration_template_name: '${var.psact}' })).toBe('unknown');
  });
  const exempting = (namespaces: string[]) =>
    withCloudInit(fixture, (doc) =>
      rewriteFile(doc, Rke2NodeFiles.ADMISSION_CONFIG, (c) => ({
        ...c,
        plugins: c.plugins.map((p: any) => (p.name === 'PodSecurity' ? { ...p, configuration: { ...p.configuration, exemptions: { namespaces } } } : p)),
      })),
    );
  test('compliant: system and agent namespaces exempt; non-compliant: a namespace that may hold workloads', () => {
    expect(status(rke2PodSecurityRestricted, fixture.cluster, exempting(['kube-system', 'cattle-system', 'falco']))).toBe('compliant');
    expect(evaluate(rke2PodSecurityRestricted, fixture.cluster, exempting(['kube-system', 'payments'])).message).toMatch(
      /exempts namespaces that may hold workloads from Pod Security: payments/,
    );
  });
});

describe('rke2-cni-network-policy (RKE2 CIS 1.8 5.3.1)', () => {
  test('compliant: calico', () => expect(status(rke2CniNetworkPolicy)).toBe('compliant'));
  test('compliant: unset (canal default) and multus,cilium', () => {
    expect(status(rke2CniNetworkPolicy, withGlobal(fixture, (c) => delete c.cni))).toBe('compliant');
    expect(status(rke2CniNetworkPolicy, withGlobal(fixture, (c) => (c.cni = ['multus', 'cilium'])))).toBe('compliant');
  });
  test('non-compliant: none', () => expect(status(rke2CniNetworkPolicy, withGlobal(fixture, (c) => (c.cni = 'none')))).toBe('non-compliant'));
});

describe('rke2-image-provenance (RKE2 CIS 1.8 5.5.1)', () => {
  test('compliant: ValidatingAdmissionPolicy bound with Deny', () => expect(status(rke2ImageProvenance)).toBe('compliant'));
  test('non-compliant: binding only warns', () => {
    const manifest = fixture.cluster.rke_config.additional_manifest.replace('"validationActions":["Deny"]', '"validationActions":["Warn"]');
    expect(status(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', manifest))).toBe('non-compliant');
  });
  test('non-compliant: no manifest and no ImagePolicyWebhook', () => {
    expect(status(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', undefined))).toBe('non-compliant');
  });
  test('compliant with system and agent namespaces left out; non-compliant with a workload namespace left out', () => {
    const manifest: string = fixture.cluster.rke_config.additional_manifest;
    const withExempt = (extra: string) => manifest.replace('"values":["', `"values":["${extra}","`);
    expect(status(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', withExempt('trivy-system')))).toBe('compliant');
    expect(evaluate(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', withExempt('payments'))).message).toBe(
      'the image admission policy exempts namespaces that may hold workloads: payments',
    );
  });
  test('unknown: manifest from an expression, or YAML that is not JSON', () => {
    expect(status(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', '${file("m.yaml")}'))).toBe('unknown');
    expect(status(rke2ImageProvenance, withRkeConfig(fixture, 'additional_manifest', 'kind: ValidatingAdmissionPolicy\n'))).toBe('unknown');
  });
});

describe('rke2-secrets-encryption (RKE2 CIS 1.8 1.2.28, 1.2.29)', () => {
  const selector = (config: object, allNodes = false) =>
    withRkeConfig(fixture, 'machine_selector_config', [{ config: JSON.stringify(config), ...(allNodes ? {} : { machine_label_selector: { match_labels: { pool: 'a' } } }) }]);
  test('compliant: the default has no key, because RKE2 servers force encryption on with a generated aescbc key', () => {
    expect(JSON.parse(fixture.cluster.rke_config.machine_global_config)).not.toHaveProperty('secrets-encryption');
    expect(status(rke2SecretsEncryption)).toBe('compliant');
  });
  test.each([
    ['secretbox', { 'secrets-encryption-provider': 'secretbox' }],
    ['aescbc', { 'secrets-encryption-provider': 'aescbc' }],
    ['secrets-encryption: true', { 'secrets-encryption': true }],
    ['RKE2\'s own file', { 'kube-apiserver-arg': ['encryption-provider-config=/var/lib/rancher/rke2/server/cred/encryption-config.json'] }],
    ['RKE2\'s own file under another data-dir', { 'data-dir': '/data/rke2', 'kube-apiserver-arg': ['encryption-provider-config=/data/rke2/server/cred/encryption-config.json'] }],
  ])('compliant: %s', (_name, keys) => {
    expect(status(rke2SecretsEncryption, withGlobal(fixture, (c) => Object.assign(c, keys)))).toBe('compliant');
  });
  test.each([
    ['secrets-encryption: false', { 'secrets-encryption': false }, /machine_global_config: secrets-encryption=false asks for no encryption at rest/],
    ['secrets-encryption: "false"', { 'secrets-encryption': 'false' }, /secrets-encryption=false/],
    ['identity provider', { 'secrets-encryption-provider': 'identity' }, /secrets-encryption-provider="identity" is not one RKE2 supports \(aescbc, secretbox\)/],
    ['aesgcm (not generated by RKE2)', { 'secrets-encryption-provider': 'aesgcm' }, /"aesgcm" is not one RKE2 supports/],
    [
      'a foreign encryption configuration',
      { 'kube-apiserver-arg': ['encryption-provider-config=/etc/kubernetes/encryption.yaml'] },
      /kube-apiserver-arg encryption-provider-config=\/etc\/kubernetes\/encryption.yaml replaces the configuration RKE2 generates and rotates \(\/var\/lib\/rancher\/rke2\/server\/cred\/encryption-config.json\)/,
    ],
    ['the same, as a --flag', { 'kube-apiserver-arg': ['--encryption-provider-config=/tmp/x.json'] }, /encryption-provider-config=\/tmp\/x.json replaces/],
  ])('non-compliant: %s in machine_global_config', (_name, keys, message) => {
    const result = evaluate(rke2SecretsEncryption, withGlobal(fixture, (c) => Object.assign(c, keys)));
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(message);
  });
  test('non-compliant: a selector entry for some machines', () => {
    expect(evaluate(rke2SecretsEncryption, selector({ 'secrets-encryption-provider': 'identity' }))).toEqual({
      status: 'non-compliant',
      message: 'machine_selector_config[0]: secrets-encryption-provider="identity" is not one RKE2 supports (aescbc, secretbox) (pool "control-plane" if machine_selector_config[0] matches it)',
    });
  });
  test('an entry for every node replaces the global value', () => {
    const bad = withGlobal(fixture, (c) => (c['secrets-encryption-provider'] = 'identity'));
    bad.rke_config.machine_selector_config = [{ config: JSON.stringify({ 'secrets-encryption-provider': 'secretbox' }) }];
    expect(status(rke2SecretsEncryption, bad)).toBe('compliant');
    expect(status(rke2SecretsEncryption, selector({ 'secrets-encryption': false }, true))).toBe('non-compliant');
  });
});

describe('best practices', () => {
  test('rke2-etcd-metrics-not-exposed', () => {
    expect(status(rke2EtcdMetricsNotExposed)).toBe('compliant');
    expect(status(rke2EtcdMetricsNotExposed, withGlobal(fixture, (c) => (c['etcd-expose-metrics'] = true)))).toBe('non-compliant');
  });
  test('rke2-etcd-snapshots', () => {
    expect(status(rke2EtcdSnapshots)).toBe('compliant');
    expect(status(rke2EtcdSnapshots, withRkeConfig(fixture, 'etcd', { disable_snapshots: true }))).toBe('non-compliant');
    expect(status(rke2EtcdSnapshots, withRkeConfig(fixture, 'etcd', { snapshot_schedule_cron: '${var.cron}', snapshot_retention: 5 }))).toBe('unknown');
  });
  test('rke2-machines-private', () => {
    const machine: any = Object.values(fixture.others.rancher2_machine_config_v2)[0];
    const type = 'rancher2_machine_config_v2';
    expect(evaluateRule(rke2MachinesPrivate, type, machine).status).toBe('compliant');
    expect(evaluateRule(rke2MachinesPrivate, type, { ...machine, azure_config: { ...machine.azure_config, no_public_ip: false, open_port: ['22/tcp'] } })).toEqual({
      status: 'non-compliant',
      message: 'no_public_ip=false, open_port=["22/tcp"]',
    });
    expect(evaluateRule(rke2MachinesPrivate, type, { ...machine, azure_config: { ...machine.azure_config, use_private_ip: '${var.p}' } }).status).toBe('unknown');
    expect(evaluateRule(rke2MachinesPrivate, type, { generate_name: 'x' }).status).toBe('not-applicable');
  });
});

test('every rke2-cis-1.8 iac control is cited by at least one rule in CisRke2Pack', () => {
  const iac = CisCatalog.controlsImplementedBy(CisBenchmark.RKE2_1_8, ControlImplementation.IAC).map((c) => c.id);
  expect(iac).toHaveLength(33);
  const cited = new Set(
    new CisRke2Pack().rules.flatMap((r) => r.metadata.cisControls.filter((c) => c.benchmark === CisBenchmark.RKE2_1_8).map((c) => c.id)),
  );
  expect(iac.filter((id) => !cited.has(id))).toEqual([]);
});

test('every rancher rule is in RANCHER_RULES once, and CisRke2Pack carries them all, the secrets rule and the backend credential rule', () => {
  expect(new Set(RANCHER_RULES.map((r) => r.metadata.id)).size).toBe(RANCHER_RULES.length);
  expect(new CisRke2Pack().rules.map((r) => r.metadata.id)).toEqual([...RANCHER_RULES.map((r) => r.metadata.id), 'no-plaintext-secrets', 'state-backend-no-credentials']);
});
