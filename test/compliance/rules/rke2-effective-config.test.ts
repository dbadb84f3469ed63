// The RKE2 configuration each machine role gets: global config plus every selector entry that applies, in
// Rancher's order (later entries replace whole keys), judged per machine by every RKE2 rule.
import { CisRke2Pack, IComplianceRule } from '../../../lib';
import { rke2DenyServiceExternalIps } from '../../../lib/compliance/rules/rancher/admission-plugins';
import { rke2CisProfile } from '../../../lib/compliance/rules/rancher/cis-profile';
import { rke2EtcdMetricsNotExposed } from '../../../lib/compliance/rules/rancher/best-practices';
import { rke2ApiServerArgs, rke2ControllerManagerArgs, rke2EtcdArgs, rke2KubeletArgs, rke2SchedulerArgs } from '../../../lib/compliance/rules/rancher/component-args';
import { rke2ConfigOutsideRancher } from '../../../lib/compliance/rules/rancher/config-files';
import { rke2KubeletStrongCiphers } from '../../../lib/compliance/rules/rancher/kubelet-args';
import { Rke2Args } from '../../../lib/compliance/rules/rancher/rke2-args';
import { evaluateRule } from '../../helpers/rule-harness';
import { synthWithPacks, testApp } from '../../helpers/synth';
import { rke2Fixture, withCloudInit, withRkeConfig } from '../../rancher/rke2-fixture';
import { defaultCluster } from '../../rancher/rke2-helpers';

const CLUSTER = 'rancher2_cluster_v2';
const fixture = rke2Fixture();
const global = JSON.parse(fixture.cluster.rke_config.machine_global_config);
const CONTROL_PLANE = { match_labels: { 'rke.cattle.io/control-plane-role': 'true' } };
const WORKERS = { match_labels: { 'rke.cattle.io/worker-role': 'true' } };

/** The fixture cluster with these selector entries (config objects written as JSON). */
function withSelectors(...entries: Array<{ config: object; selector?: object }>): any {
  return withRkeConfig(
    fixture,
    'machine_selector_config',
    entries.map((e) => ({ config: JSON.stringify({ 'protect-kernel-defaults': true, ...e.config }), ...(e.selector ? { machine_label_selector: e.selector } : {}) })),
  );
}
const judge = (rule: IComplianceRule, cluster: any = fixture.cluster, others = fixture.others) => evaluateRule(rule, CLUSTER, cluster, others);
const apiServerArgs = (...extra: string[]) => ({ 'kube-apiserver-arg': [...global['kube-apiserver-arg'], ...extra] });

describe('the hardened cluster passes every RKE2 rule that reads the effective configuration', () => {
  test.each([rke2ApiServerArgs, rke2ControllerManagerArgs, rke2SchedulerArgs, rke2EtcdArgs, rke2KubeletArgs, rke2ConfigOutsideRancher].map((r) => [r.metadata.id, r]))(
    '%s',
    (_id, rule) => expect(judge(rule as IComplianceRule)).toEqual({ status: 'compliant' }),
  );
});

describe('a selector entry that keeps the hardened keys and adds an insecure flag', () => {
  test('is caught on the role it applies to, naming the entry and the machines', () => {
    expect(judge(rke2ApiServerArgs, withSelectors({ config: apiServerArgs('anonymous-auth=true'), selector: CONTROL_PLANE }))).toEqual({
      status: 'non-compliant',
      message: 'machine_selector_config[0] kube-apiserver-arg: anonymous-auth=true (CIS 1.2.1: false) (pool "control-plane")',
    });
  });

  test('on worker machines only, API server flags do not apply and kubelet flags do', () => {
    expect(judge(rke2ApiServerArgs, withSelectors({ config: apiServerArgs('anonymous-auth=true'), selector: WORKERS })).status).toBe('compliant');
    const weakKubelet = withSelectors({ config: { 'kubelet-arg': ['pod-max-pids=4096', 'read-only-port=10255'] }, selector: WORKERS });
    expect(judge(rke2KubeletArgs, weakKubelet).message).toBe('machine_selector_config[0] kubelet-arg: read-only-port=10255 (CIS 4.2.4: 0) (pool "worker")');
    // The entry replaces kubelet-arg for the workers, so their cipher suites are gone; the control plane keeps them.
    expect(judge(rke2KubeletStrongCiphers, weakKubelet).message).toMatch(/^tls-cipher-suites unset or with weak suites: machine_selector_config\[0\] kubelet-arg=.* \(pool "worker"\)$/);
  });

  test('through HardenedRke2Cluster machineSelectorConfigs, synth fails naming the CIS control', () => {
    const app = testApp();
    defaultCluster(app, {
      machineSelectorConfigs: [{ config: JSON.stringify(apiServerArgs('anonymous-auth=true')), machineLabelSelector: { matchLabels: { 'rke.cattle.io/control-plane-role': 'true' } } }],
    });
    expect(() => synthWithPacks(app, [new CisRke2Pack()])).toThrow(/rke2-api-server-args \[rke2-cis-1\.8\/1\.2\.1,[^\]]*\].*anonymous-auth=true/);
  });

  test.each([
    [rke2ApiServerArgs, apiServerArgs('authorization-mode=AlwaysAllow'), /authorization-mode has AlwaysAllow \(CIS 1\.2\.6\), authorization-mode lacks Node \(CIS 1\.2\.7\), authorization-mode lacks RBAC/],
    [rke2ApiServerArgs, apiServerArgs('enable-admission-plugins+=AlwaysAdmit'), /enable-admission-plugins has AlwaysAdmit \(CIS 1\.2\.10\)/],
    [rke2ApiServerArgs, apiServerArgs('disable-admission-plugins=NodeRestriction,ServiceAccount'), /has ServiceAccount \(CIS 1\.2\.13\), disable-admission-plugins has NodeRestriction \(CIS 1\.2\.15\)/],
    [rke2ApiServerArgs, apiServerArgs('--profiling=true', 'token-auth-file=/etc/tokens.csv'), /token-auth-file=\/etc\/tokens.csv \(CIS 1\.2\.2: not set\), profiling=true/],
    [rke2ApiServerArgs, apiServerArgs('service-account-lookup=false', 'kubelet-certificate-authority='), /kubelet-certificate-authority is empty.*service-account-lookup=false/],
    [rke2KubeletArgs, { 'kubelet-arg': [...global['kubelet-arg'], 'anonymous-auth=true', 'authorization-mode=AlwaysAllow'] }, /anonymous-auth=true \(CIS 4\.2\.1: false\), authorization-mode has AlwaysAllow/],
    [rke2KubeletArgs, { 'kubelet-arg': [...global['kubelet-arg'], 'streaming-connection-idle-timeout=0s', 'make-iptables-util-chains=false'] }, /streaming-connection-idle-timeout=0s.*make-iptables-util-chains=false/],
    [rke2KubeletArgs, { 'kubelet-arg': [...global['kubelet-arg'], 'rotate-certificates=false', 'feature-gates=RotateKubeletServerCertificate=false'] }, /rotate-certificates=false.*RotateKubeletServerCertificate=false/],
    [rke2ControllerManagerArgs, { 'kube-controller-manager-arg': ['bind-address=0.0.0.0', 'use-service-account-credentials=false'] }, /use-service-account-credentials=false.*bind-address=0\.0\.0\.0/],
    [rke2SchedulerArgs, { 'kube-scheduler-arg': ['profiling=true'] }, /profiling=true \(CIS 1\.4\.1: false\)/],
    [rke2EtcdArgs, { 'etcd-arg': ['auto-tls=true', 'peer-client-cert-auth=false'] }, /auto-tls=true \(CIS 2\.3: false\), peer-client-cert-auth=false/],
    [rke2CisProfile, { 'kubelet-arg': [...global['kubelet-arg'], 'protect-kernel-defaults=false'] }, /kubelet-arg=/],
  ])('%#: %p', (rule, config, message) => {
    const result = judge(rule as IComplianceRule, withSelectors({ config }));
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(message);
  });

  test("RKE2's argument forms: `+=` keeps RKE2's default list, a repeated scalar flag takes its last value", () => {
    expect(Rke2Args.of(['enable-admission-plugins+=AlwaysPullImages'], { 'enable-admission-plugins': 'NodeRestriction' }).admissionPlugins()).toEqual(['NodeRestriction', 'AlwaysPullImages']);
    expect(Rke2Args.of(['enable-admission-plugins=AlwaysPullImages'], { 'enable-admission-plugins': 'NodeRestriction' }).admissionPlugins()).toEqual(['AlwaysPullImages']);
    expect(Rke2Args.of(['anonymous-auth=false', 'anonymous-auth=true']).value('anonymous-auth')).toBe('true');
    expect(Rke2Args.of(['profiling-=true'], { profiling: 'false' }).value('profiling')).toBe('false');
    expect(Rke2Args.of(['a=1,2', 'a=3']).list('a')).toEqual(['1', '2', '3']);
    // A plugin both enabled and disabled does not run.
    expect(Rke2Args.of(['enable-admission-plugins=NodeRestriction,DenyServiceExternalIPs', 'disable-admission-plugins=DenyServiceExternalIPs']).admissionPlugins()).toEqual(['NodeRestriction']);
    expect(judge(rke2DenyServiceExternalIps, withSelectors({ config: apiServerArgs('disable-admission-plugins=DenyServiceExternalIPs') })).status).toBe('non-compliant');
  });
});

describe("Rancher's merge: later entries win, whole keys are replaced, booleans read as Rancher reads them", () => {
  const weak = { config: apiServerArgs('anonymous-auth=true') };
  const fixed = { config: apiServerArgs() };
  test('a later entry for the same machines replaces an earlier one', () => {
    expect(judge(rke2ApiServerArgs, withSelectors(weak, fixed)).status).toBe('compliant');
    expect(judge(rke2ApiServerArgs, withSelectors(fixed, weak)).status).toBe('non-compliant');
  });

  test('a list key is replaced, not appended: an entry with one flag drops the admission plugins of the global config', () => {
    const result = judge(rke2DenyServiceExternalIps, withSelectors({ config: { 'kube-apiserver-arg': ['request-timeout=60s'] }, selector: CONTROL_PLANE }));
    expect(result.status).toBe('non-compliant');
    expect(result.message).toMatch(/machine_selector_config\[0\] kube-apiserver-arg=\["request-timeout=60s"\] \(pool "control-plane"\)/);
  });

  test.each([
    ['"no"', 'no', 'non-compliant'],
    ['"False"', 'False', 'non-compliant'],
    ['"yes"', 'yes', 'compliant'],
  ])('protect-kernel-defaults %s', (_name, value, expected) => {
    const cluster = withRkeConfig(fixture, 'machine_selector_config', [{ config: JSON.stringify({ 'protect-kernel-defaults': value }) }]);
    expect(judge(rke2CisProfile, cluster).status).toBe(expected);
  });

  test('etcd-expose-metrics "True" on the etcd machines', () => {
    expect(judge(rke2EtcdMetricsNotExposed, withSelectors({ config: { 'etcd-expose-metrics': 'True' }, selector: { match_labels: { 'rke.cattle.io/etcd-role': 'true' } } })).status).toBe(
      'non-compliant',
    );
  });
});

describe('which machines a selector matches', () => {
  const weak = apiServerArgs('anonymous-auth=true');
  test.each([
    ['the pool name label', { match_labels: { 'rke.cattle.io/rke-machine-pool-name': 'control-plane' } }, 'non-compliant'],
    ['another pool', { match_labels: { 'rke.cattle.io/rke-machine-pool-name': 'worker' } }, 'compliant'],
    ['NotIn the worker role', { match_expressions: [{ key: 'rke.cattle.io/worker-role', operator: 'NotIn', values: ['true'] }] }, 'non-compliant'],
    ['DoesNotExist the control-plane role', { match_expressions: [{ key: 'rke.cattle.io/control-plane-role', operator: 'DoesNotExist' }] }, 'compliant'],
    ['Exists the etcd role', { match_expressions: [{ key: 'rke.cattle.io/etcd-role', operator: 'Exists' }] }, 'non-compliant'],
    ['the cluster name', { match_labels: { 'rke.cattle.io/cluster-name': 'rke2-prod' } }, 'non-compliant'],
    ['an empty selector (every machine)', {}, 'non-compliant'],
  ])('%s', (_what, selector, expected) => {
    expect(judge(rke2ApiServerArgs, withSelectors({ config: weak, selector })).status).toBe(expected);
  });

  test("a label the cluster does not set may be on a machine: both outcomes are judged", () => {
    expect(judge(rke2ApiServerArgs, withSelectors({ config: weak, selector: { match_labels: { team: 'payments' } } })).message).toMatch(
      /\(pool "control-plane" if machine_selector_config\[0\] matches it\)$/,
    );
  });

  test("a pool's machine_labels decide", () => {
    const cluster = withSelectors({ config: weak, selector: { match_labels: { tier: 'api' } } });
    cluster.rke_config.machine_pools[0].machine_labels = { tier: 'api' };
    expect(judge(rke2ApiServerArgs, cluster).message).toMatch(/\(pool "control-plane"\)$/);
    cluster.rke_config.machine_pools[0].machine_labels = { tier: 'web' };
    expect(judge(rke2ApiServerArgs, cluster).status).toBe('compliant');
  });

  test('a cluster without pools (custom nodes) is judged per role', () => {
    const cluster = withSelectors({ config: weak, selector: CONTROL_PLANE });
    delete cluster.rke_config.machine_pools;
    expect(judge(rke2ApiServerArgs, cluster).message).toMatch(/\(every control-plane machine\)$/);
  });

  test('an operator Rancher refuses, or too many undecided selectors, are unknown (never a pass)', () => {
    expect(judge(rke2ApiServerArgs, withSelectors({ config: weak, selector: { match_expressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] } })).status).toBe('unknown');
    const many = withSelectors(...Array.from({ length: 7 }, (_, i) => ({ config: {}, selector: { match_labels: { [`label-${i}`]: 'x' } } })));
    expect(judge(rke2ApiServerArgs, many)).toEqual({ status: 'unknown', message: expect.stringMatching(/more than 6 machine_selector_config entries select pool "control-plane"/) });
    expect(judge(rke2ApiServerArgs, withSelectors({ config: weak, selector: { match_labels: { team: '${var.team}' } } })).status).toBe('non-compliant');
  });
});

describe('rke2-config-from-rancher-only', () => {
  test('non-compliant: user data writes an RKE2 config file', () => {
    const others = withCloudInit(fixture, (doc) => doc.write_files.push({ path: '/etc/rancher/rke2/config.yaml.d/99-extra.yaml', content: 'kube-apiserver-arg+: [anonymous-auth=true]' }));
    expect(judge(rke2ConfigOutsideRancher, fixture.cluster, others).message).toMatch(/user data of pool control-plane writes \/etc\/rancher\/rke2\/config\.yaml\.d\/99-extra\.yaml/);
  });
  test('non-compliant: a command appends to the RKE2 config', () => {
    const others = withCloudInit(fixture, (doc) => (doc.runcmd = [...(doc.runcmd ?? []), 'echo "profile: none" >> /etc/rancher/rke2/config.yaml']));
    expect(judge(rke2ConfigOutsideRancher, fixture.cluster, others).status).toBe('non-compliant');
  });
  test('non-compliant: machine_selector_files delivers one', () => {
    const cluster = withRkeConfig(fixture, 'machine_selector_files', [{ file_sources: [{ configmap: { name: 'extra', items: [{ key: 'c', path: '/etc/rancher/rke2/config.yaml.d/60-x.yaml' }] } }] }]);
    expect(judge(rke2ConfigOutsideRancher, cluster).message).toBe('machine_selector_files[0] writes /etc/rancher/rke2/config.yaml.d/60-x.yaml');
  });
  test('compliant: other files', () => {
    const cluster = withRkeConfig(fixture, 'machine_selector_files', [{ file_sources: [{ secret: { name: 'audit', items: [{ key: 'p', path: '/etc/rancher/rke2/audit-policy.yaml' }] } }] }]);
    expect(judge(rke2ConfigOutsideRancher, cluster).status).toBe('compliant');
  });
});
