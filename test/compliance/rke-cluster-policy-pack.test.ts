import { CisRke2Pack, RkeClusterPolicyPack } from '../../lib';
import { check, defineRule } from '../../lib/compliance/define-rule';
import { RuleSeverity } from '../../lib/compliance/types';
import { evaluateRule } from '../helpers/rule-harness';
import { synthWithPacks, testApp } from '../helpers/synth';
import { defaultCluster } from '../rancher/rke2-helpers';
import { rke2Fixture, withGlobal } from '../rancher/rke2-fixture';

const CLUSTER = 'rancher2_cluster_v2';
const fixture = rke2Fixture();

function rule(pack: RkeClusterPolicyPack, id: string) {
  const found = pack.rules.find((r) => r.metadata.id === id);
  if (!found) {
    throw new Error(`no rule ${id}`);
  }
  return found;
}

describe('RkeClusterPolicyPack', () => {
  test('no props: an empty pack named rke-cluster-policy', () => {
    const pack = new RkeClusterPolicyPack();
    expect([pack.name, pack.rules]).toEqual(['rke-cluster-policy', []]);
  });

  describe('allowed Kubernetes minor versions', () => {
    const versionRule = rule(new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: ['1.32', '1.31'] }), 'rke-policy-kubernetes-version');
    test('compliant: 1.32', () => expect(evaluateRule(versionRule, CLUSTER, fixture.cluster).status).toBe('compliant'));
    test('non-compliant: 1.30', () => {
      expect(evaluateRule(versionRule, CLUSTER, { ...fixture.cluster, kubernetes_version: 'v1.30.9+rke2r1' })).toEqual({
        status: 'non-compliant',
        message: 'Kubernetes 1.30 is not allowed (allowed: 1.31, 1.32)',
      });
    });
    test('non-compliant: a K3s version', () => expect(evaluateRule(versionRule, CLUSTER, { ...fixture.cluster, kubernetes_version: 'v1.32.5+k3s1' }).status).toBe('non-compliant'));
    test('unknown: from a variable', () => expect(evaluateRule(versionRule, CLUSTER, { ...fixture.cluster, kubernetes_version: '${var.v}' }).status).toBe('unknown'));
  });

  describe('required machine_global_config settings', () => {
    const settingsRule = rule(
      new RkeClusterPolicyPack({
        requiredMachineGlobalConfig: [
          { key: 'cni', value: 'calico' },
          { key: 'protect-kernel-defaults', value: 'true' },
          { key: 'kubelet-arg', value: 'pod-max-pids=4096' },
        ],
      }),
      'rke-policy-machine-global-config',
    );
    test('compliant: strings, booleans and list entries match', () => expect(evaluateRule(settingsRule, CLUSTER, fixture.cluster).status).toBe('compliant'));
    test('non-compliant: canal', () => {
      expect(evaluateRule(settingsRule, CLUSTER, withGlobal(fixture, (c) => (c.cni = 'canal')))).toEqual({
        status: 'non-compliant',
        message: 'required settings missing: machine_global_config cni="canal" (pool "control-plane"; pool "worker")',
      });
    });
    test('non-compliant: a selector entry overriding a required key', () => {
      const cluster = { ...fixture.cluster, rke_config: { ...fixture.cluster.rke_config, machine_selector_config: [{ config: '{"cni":"cilium"}' }] } };
      expect(evaluateRule(settingsRule, CLUSTER, cluster).status).toBe('non-compliant');
    });
    test('unknown: config that is not JSON', () => {
      const cluster = { ...fixture.cluster, rke_config: { ...fixture.cluster.rke_config, machine_global_config: 'cni: calico' } };
      expect(evaluateRule(settingsRule, CLUSTER, cluster).status).toBe('unknown');
    });
  });

  describe('allowed cloud credentials', () => {
    const credentialRule = rule(new RkeClusterPolicyPack({ allowedCloudCredentialNames: ['rke2-prod-azure'] }), 'rke-policy-cloud-credential');
    test('compliant: the cluster and its pools reference the allowed credential', () => {
      expect(evaluateRule(credentialRule, CLUSTER, fixture.cluster, fixture.others).status).toBe('compliant');
    });
    test('non-compliant: another credential', () => {
      const others = JSON.parse(JSON.stringify(fixture.others));
      Object.values<any>(others.rancher2_cloud_credential).forEach((c) => (c.name = 'personal-sp'));
      expect(evaluateRule(credentialRule, CLUSTER, fixture.cluster, others)).toEqual({ status: 'non-compliant', message: 'cloud credentials not allowed: personal-sp' });
    });
    test('non-compliant: no credential', () => {
      const cluster = JSON.parse(JSON.stringify(fixture.cluster));
      delete cluster.cloud_credential_secret_name;
      cluster.rke_config.machine_pools.forEach((p: any) => delete p.cloud_credential_secret_name);
      expect(evaluateRule(credentialRule, CLUSTER, cluster, fixture.others).status).toBe('non-compliant');
    });
    test('unknown: a literal credential id, or a credential outside the stack', () => {
      expect(evaluateRule(credentialRule, CLUSTER, { ...fixture.cluster, cloud_credential_secret_name: 'cattle-global-data:cc-abcde' }, fixture.others).status).toBe('unknown');
      expect(evaluateRule(credentialRule, CLUSTER, fixture.cluster, {}).status).toBe('unknown');
    });
  });

  test('user-extendable: additional rules run with the built-in ones, under a custom name', () => {
    const teamLabel = defineRule(
      { id: 'org-cluster-labelled', title: 'Clusters carry a team label', severity: RuleSeverity.ERROR, remediation: 'Add labels.team.', cisControls: [], resourceTypes: [CLUSTER] },
      (r) => check(typeof r.get('labels.team') === 'string', 'no team label'),
    );
    const pack = new RkeClusterPolicyPack({ name: 'contoso-rke', allowedKubernetesMinorVersions: ['1.32'], additionalRules: [teamLabel] });
    expect(pack.name).toBe('contoso-rke');
    expect(pack.rules.map((r) => r.metadata.id)).toEqual(['rke-policy-kubernetes-version', 'org-cluster-labelled']);
    const app = testApp();
    defaultCluster(app);
    expect(() => synthWithPacks(app, [new CisRke2Pack(), pack])).toThrow(/org-cluster-labelled/);
  });

  test('checks every rancher2_cluster_v2 of the app at synth', () => {
    const app = testApp();
    defaultCluster(app, { kubernetesVersion: 'v1.31.9+rke2r1' });
    expect(() => synthWithPacks(app, [new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: ['1.32'] })])).toThrow(/rke-policy-kubernetes-version/);
  });

  test('bad input', () => {
    expect(() => new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: ['v1.32'] })).toThrow(/RkeClusterPolicyPack: invalid allowedKubernetesMinorVersions "v1.32". Allowed: Kubernetes minor versions such as "1.32"/);
    expect(() => new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: ['1.32.5'] })).toThrow(/allowedKubernetesMinorVersions/);
    expect(() => new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: [] })).toThrow(/at least one minor version/);
    expect(() => new RkeClusterPolicyPack({ requiredMachineGlobalConfig: [{ key: '', value: 'x' }] })).toThrow(/literal \{ key, value \} pairs/);
    expect(() => new RkeClusterPolicyPack({ allowedCloudCredentialNames: [] })).toThrow(/one or more literal credential names/);
  });
});
