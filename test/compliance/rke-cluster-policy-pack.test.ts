import { CisRke2Pack, RancherGroup, RkeClusterPolicyPack } from '../../lib';
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
  test('no props: only the access rules, always on, in a pack named rke-cluster-policy', () => {
    const pack = new RkeClusterPolicyPack();
    expect([pack.name, pack.rules.map((r) => r.metadata.id)]).toEqual([
      'rke-cluster-policy',
      ['rke-policy-cluster-owner-group', 'rke-policy-owners-are-groups', 'rke-policy-tenant-not-cluster-owner'],
    ]);
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
    expect(pack.rules.map((r) => r.metadata.id)).toEqual([
      'rke-policy-kubernetes-version',
      'rke-policy-cluster-owner-group',
      'rke-policy-owners-are-groups',
      'rke-policy-tenant-not-cluster-owner',
      'org-cluster-labelled',
    ]);
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
    expect(() => new RkeClusterPolicyPack({ tenantGroups: ['azuread_group://x' as any] })).toThrow(/RkeClusterPolicyPack: invalid tenantGroups \["azuread_group:\/\/x"\]. Allowed: a list of RancherGroup/);
  });

  describe('who runs the clusters', () => {
    const pack = new RkeClusterPolicyPack({ tenantGroups: [RancherGroup.entraId('00000000-0000-0000-0000-0000000000cc')] });
    const ownerRule = rule(pack, 'rke-policy-cluster-owner-group');
    const groupsRule = rule(pack, 'rke-policy-owners-are-groups');
    const tenantRule = rule(pack, 'rke-policy-tenant-not-cluster-owner');
    const CRTB = 'rancher2_cluster_role_template_binding';
    const PRTB = 'rancher2_project_role_template_binding';
    const ref = '${rancher2_cluster_v2.subject.cluster_v1_id}';
    const platform = 'azuread_group://00000000-0000-0000-0000-0000000000aa';
    const tenant = 'azuread_group://00000000-0000-0000-0000-0000000000bb';
    const crtb = (overrides: any) => ({ name: 'b', cluster_id: ref, role_template_id: 'cluster-owner', group_principal_id: platform, ...overrides });
    const project = { rancher2_project: { payments: { name: 'payments', cluster_id: ref } } };
    const member = (group: string) => ({ [PRTB]: { m: { name: 'm', project_id: '${rancher2_project.payments.id}', role_template_id: 'project-member', group_principal_id: group } } });

    test('owner group: compliant with a cluster-owner group binding of this cluster', () => {
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, { [CRTB]: { owner: crtb({}) } })).toEqual({ status: 'compliant', message: `owner groups: ${platform}` });
    });
    test('owner group: non-compliant without bindings, with a member only, with a user owner, or with another cluster\'s owner', () => {
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, {})).toEqual({ status: 'non-compliant', message: 'no cluster role binding refers to this cluster in its stack' });
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, { [CRTB]: { m: crtb({ role_template_id: 'cluster-member' }) } }).status).toBe('non-compliant');
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, { [CRTB]: { u: crtb({ group_principal_id: undefined, user_id: 'u-abc12' }) } }).status).toBe('non-compliant');
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, { [CRTB]: { o: crtb({ cluster_id: '${rancher2_cluster_v2.other.cluster_v1_id}' }) } }).status).toBe('non-compliant');
    });
    test('owner group: unknown when the role of a binding of this cluster is an expression', () => {
      expect(evaluateRule(ownerRule, CLUSTER, fixture.cluster, { [CRTB]: { o: crtb({ role_template_id: '${var.role}' }) } }).status).toBe('unknown');
    });

    test('owners are groups: compliant for groups; non-compliant for a user owner of a cluster, a project, or Rancher', () => {
      expect(evaluateRule(groupsRule, CRTB, crtb({})).status).toBe('compliant');
      expect(evaluateRule(groupsRule, CRTB, crtb({ group_principal_id: undefined, user_principal_id: 'azuread_user://1' }))).toEqual({
        status: 'non-compliant',
        message: 'cluster-owner is bound to the user azuread_user://1',
      });
      expect(evaluateRule(groupsRule, PRTB, { name: 'p', project_id: 'c:p', role_template_id: 'project-owner', user_id: 'u-abc12' }).status).toBe('non-compliant');
      expect(evaluateRule(groupsRule, 'rancher2_global_role_binding', { global_role_id: 'admin', user_id: 'u-abc12' }).status).toBe('non-compliant');
    });
    test('owners are groups: not applicable to roles that do not own (a user may be a project member)', () => {
      expect(evaluateRule(groupsRule, PRTB, { name: 'p', project_id: 'c:p', role_template_id: 'project-member', user_id: 'u-abc12' }).status).toBe('not-applicable');
      expect(evaluateRule(groupsRule, 'rancher2_global_role_binding', { global_role_id: 'user', user_id: 'u-abc12' }).status).toBe('not-applicable');
    });
    test('owners are groups: unknown when the user is an expression', () => {
      expect(evaluateRule(groupsRule, CRTB, crtb({ user_id: '${var.user}' })).status).toBe('unknown');
    });

    test('tenants: compliant when the owner group holds no project role of the cluster', () => {
      expect(evaluateRule(tenantRule, CRTB, crtb({}), { ...project, ...member(tenant) }).status).toBe('compliant');
    });
    test('tenants: non-compliant when the owner group is a member of one of the cluster\'s projects, or named a tenant by the pack', () => {
      expect(evaluateRule(tenantRule, CRTB, crtb({ group_principal_id: tenant }), { ...project, ...member(tenant) })).toEqual({
        status: 'non-compliant',
        message: `${tenant} also holds roles in project "payments" of this cluster (a tenant)`,
      });
      expect(evaluateRule(tenantRule, CRTB, crtb({ group_principal_id: 'azuread_group://00000000-0000-0000-0000-0000000000cc' })).message).toMatch(/a tenant group named by the pack/);
    });
    test('tenants: a project of another cluster does not make the group a tenant here', () => {
      const elsewhere = { rancher2_project: { payments: { name: 'payments', cluster_id: '${rancher2_cluster_v2.other.cluster_v1_id}' } } };
      expect(evaluateRule(tenantRule, CRTB, crtb({ group_principal_id: tenant }), { ...elsewhere, ...member(tenant) }).status).toBe('compliant');
    });
    test('tenants: not applicable to other roles; unknown when the group is an expression', () => {
      expect(evaluateRule(tenantRule, CRTB, crtb({ role_template_id: 'cluster-member' })).status).toBe('not-applicable');
      expect(evaluateRule(tenantRule, CRTB, crtb({ group_principal_id: '${var.group}' })).status).toBe('unknown');
    });

    test('at synth: a cluster without an owner group fails, naming the rule', () => {
      const app = testApp();
      defaultCluster(app);
      expect(() => synthWithPacks(app, [new RkeClusterPolicyPack()])).toThrow(/rke-policy-cluster-owner-group/);
    });
  });
});
