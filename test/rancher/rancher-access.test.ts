import * as fs from 'fs';
import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import {
  RancherAccess,
  RancherClusterRole,
  RancherGlobalRole,
  RancherGroup,
  RancherProjectRole,
  RkeClusterPolicyPack,
} from '../../lib';
import { findingsOf, synthWithPacks, testApp } from '../helpers/synth';
import { defaultCluster, rancherStack } from './rke2-helpers';

const PLATFORM = RancherGroup.entraId('00000000-0000-0000-0000-00000000a0a0');
const PAYMENTS = RancherGroup.entraId('00000000-0000-0000-0000-00000000b0b0');
const AUDITORS = RancherGroup.principal('openldap_group://cn=auditors,ou=groups,dc=example,dc=com');

function access(extra: (a: RancherAccess, cluster: any) => void = () => undefined) {
  const app = testApp();
  const { stack, cluster } = defaultCluster(app);
  const a = new RancherAccess(stack, 'access', {
    globalRoles: [{ group: PLATFORM, role: RancherGlobalRole.CLUSTERS_CREATE }],
    clusters: [
      {
        cluster: cluster.cluster,
        owners: [PLATFORM],
        members: [AUDITORS],
        roles: [{ group: AUDITORS, role: RancherClusterRole.NODES_VIEW }],
        projects: [{ name: 'payments', description: 'Payments team', members: [PAYMENTS], readOnly: [AUDITORS], roles: [{ group: PAYMENTS, role: RancherProjectRole.SECRETS_MANAGE }] }],
      },
    ],
  });
  extra(a, cluster);
  return { app, stack, access: a, json: JSON.parse(Testing.synth(stack)) };
}

describe('RancherAccess', () => {
  const { json, access: a, app } = access();
  const crtbs = Object.values<any>(json.resource.rancher2_cluster_role_template_binding);
  const prtbs = Object.values<any>(json.resource.rancher2_project_role_template_binding);
  const clusterRef = `\${rancher2_cluster_v2.${Object.keys(json.resource.rancher2_cluster_v2)[0]}.cluster_v1_id}`;

  test('global roles bind group principals: who may create clusters', () => {
    expect(Object.values(json.resource.rancher2_global_role_binding)).toEqual([
      expect.objectContaining({ global_role_id: 'clusters-create', group_principal_id: 'azuread_group://00000000-0000-0000-0000-00000000a0a0' }),
    ]);
  });

  test('cluster roles: owner, member and others, to groups of the cluster by its management id', () => {
    expect(crtbs.map((b) => [b.role_template_id, b.group_principal_id, b.cluster_id]).sort()).toEqual([
      ['cluster-member', AUDITORS.principalId, clusterRef],
      ['cluster-owner', PLATFORM.principalId, clusterRef],
      ['nodes-view', AUDITORS.principalId, clusterRef],
    ]);
    expect(crtbs.every((b) => b.user_id === undefined && b.user_principal_id === undefined)).toBe(true);
    // Names are DNS labels derived from role and group, stable across synths.
    expect(crtbs.map((b) => b.name).every((n: string) => /^[a-z0-9-]{1,63}$/.test(n))).toBe(true);
  });

  test('a project waits for the cluster; its groups get project roles on it', () => {
    expect(Object.values(json.resource.rancher2_project)).toEqual([
      expect.objectContaining({ name: 'payments', description: 'Payments team', wait_for_cluster: true, cluster_id: clusterRef }),
    ]);
    expect(prtbs.map((b) => [b.role_template_id, b.group_principal_id]).sort()).toEqual([
      ['project-member', PAYMENTS.principalId],
      ['read-only', AUDITORS.principalId],
      ['secrets-manage', PAYMENTS.principalId],
    ]);
    expect(prtbs.every((b) => /^\$\{rancher2_project\.access_.*\.id\}$/.test(b.project_id))).toBe(true);
    expect(a.projects).toHaveLength(1);
    expect([a.globalRoleBindings.length, a.clusterRoleBindings.length, a.projectRoleBindings.length]).toEqual([1, 3, 3]);
  });

  test('its bindings pass the RkeClusterPolicyPack access rules', () => {
    const result = synthWithPacks(app, [new RkeClusterPolicyPack()]);
    for (const id of ['rke-policy-cluster-owner-group', 'rke-policy-owners-are-groups', 'rke-policy-tenant-not-cluster-owner']) {
      const findings = findingsOf(result, 'rke2', id);
      expect([id, findings.length > 0, findings.filter((f) => !['compliant', 'not-applicable'].includes(f.status))]).toEqual([id, true, []]);
    }
  });
});

describe('RancherGroup and roles', () => {
  test('Entra ID groups by object id; other providers by group principal', () => {
    expect(RancherGroup.entraId('ABCDEF00-0000-0000-0000-00000000A0A0').principalId).toBe('azuread_group://abcdef00-0000-0000-0000-00000000a0a0');
    expect(RancherGroup.principal('azuread_group://00000000-0000-0000-0000-00000000a0a0').principalId).toBe('azuread_group://00000000-0000-0000-0000-00000000a0a0');
    expect(RancherGroup.principal('github_team://1234').principalId).toBe('github_team://1234');
  });

  test.each([
    ['entraId', 'platform-admins', /RancherGroup.entraId: invalid objectId "platform-admins". Allowed: the literal object id \(a GUID\)/],
    ['entraId', undefined, /RancherGroup.entraId: invalid objectId undefined/],
    ['principal', 'azuread_user://00000000-0000-0000-0000-00000000a0a0', /invalid principalId .*Fix: bind a group the user belongs to, not the user/],
    ['principal', 'u-abc12', /invalid principalId "u-abc12". Allowed: a literal group principal/],
    ['principal', 'azuread_group://not-a-guid', /RancherGroup.entraId: invalid objectId "not-a-guid"/],
    ['principal', 'azuread_team://00000000-0000-0000-0000-00000000a0a0', /Allowed: azuread_group:\/\/<object id> \(Entra ID has groups only\)/],
  ])('RancherGroup.%s(%j) is refused', (method, value, message) => {
    expect(() => (RancherGroup as any)[method](value)).toThrow(message);
  });

  test('built-in roles carry Rancher ids; custom ones must not be a role of another context', () => {
    expect([RancherGlobalRole.CLUSTERS_CREATE.id, RancherClusterRole.CLUSTER_OWNER.id, RancherProjectRole.READ_ONLY.id]).toEqual(['clusters-create', 'cluster-owner', 'read-only']);
    expect(RancherClusterRole.custom('rt-abc12').id).toBe('rt-abc12');
    expect(() => RancherProjectRole.custom('cluster-owner')).toThrow(/RancherProjectRole.custom: invalid id "cluster-owner". Allowed: a role of this context; "cluster-owner" is a cluster role \(RancherClusterRole\)/);
    expect(() => RancherClusterRole.custom('clusters-create')).toThrow(/"clusters-create" is a global role \(RancherGlobalRole\)/);
    expect(() => RancherClusterRole.custom('cluster-owner')).toThrow(/Fix: use the built-in member RancherClusterRole.CLUSTER_OWNER/);
    expect(() => RancherGlobalRole.custom('Cluster Owner')).toThrow(/invalid id "Cluster Owner". Allowed: the literal id of a role template/);
  });

  describe('against the roles Rancher 2.14 creates (the line rancher2 provider 14.x manages)', () => {
    const rancher = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'rancher-roles-2.14.json'), 'utf-8'));
    const kinds: Array<[string, any, string[]]> = [
      ['global', RancherGlobalRole, rancher.global],
      ['cluster', RancherClusterRole, rancher.cluster],
      ['project', RancherProjectRole, rancher.project],
    ];

    test.each(kinds)('every %s role member names a role that exists in its context', (_, kind, ids) => {
      const members = Object.entries(kind).filter(([, v]) => v instanceof kind);
      expect(members.length).toBeGreaterThan(5);
      expect(members.filter(([, role]: any) => !ids.includes(role.id)).map(([name]) => name)).toEqual([]);
    });

    test.each(kinds)('custom(): a built-in %s role is its member or accepted as it is; another context\'s role is refused', (_, kind, ids) => {
      for (const id of ids) {
        let outcome: string;
        try {
          outcome = kind.custom(id).id;
        } catch (e) {
          outcome = String((e as Error).message);
        }
        expect([id, outcome]).toEqual([id, expect.stringMatching(new RegExp(`^${id}$|use the built-in member`))]);
      }
      const foreign = kinds.filter(([, other]) => other !== kind).flatMap(([, , others]) => others).filter((id: string) => !ids.includes(id));
      for (const id of foreign) {
        expect(() => kind.custom(id)).toThrow(/Allowed: a role of this context/);
      }
    });

    test('roles Rancher has removed are refused, with the line that removed them', () => {
      expect(Object.keys(rancher.removed).length).toBe(7);
      expect(() => RancherGlobalRole.custom('restricted-admin')).toThrow(/invalid id "restricted-admin". Allowed: a role Rancher 2.14 has; Rancher 2.11 removed "restricted-admin"/);
      expect(() => RancherGlobalRole.custom('clustertemplates-create')).toThrow(/Rancher 2.12 removed/);
      expect(() => RancherProjectRole.custom('projectcatalogs-view')).toThrow(/Rancher 2.11 removed/);
      expect((RancherGlobalRole as any).RESTRICTED_ADMIN).toBeUndefined();
    });
  });
});

describe('RancherAccess bad input', () => {
  const make = (clusters: any[], globalRoles: any[] = []) => {
    const app = testApp();
    const { stack, cluster } = defaultCluster(app);
    return () => new RancherAccess(stack, 'access', { globalRoles, clusters: clusters.map((c) => ({ cluster: cluster.cluster, ...c })) });
  };

  test('a cluster without owners', () => {
    expect(make([{ owners: [] }])).toThrow(/RancherAccess rke2\/access: clusters\[0\]\.owners is required.*a cluster without an owner group is run by whoever created it/);
    expect(make([{}])).toThrow(/clusters\[0\]\.owners is required/);
  });

  test('a tenant group as owner', () => {
    expect(make([{ owners: [PLATFORM, PAYMENTS], projects: [{ name: 'payments', members: [PAYMENTS] }] }])).toThrow(
      /clusters\[0\]\.owners lists azuread_group:\/\/00000000-0000-0000-0000-00000000b0b0, which also holds a role in project "payments" \(a tenant group\)/,
    );
  });

  test('users, strings and unknown roles from JavaScript', () => {
    expect(make([{ owners: ['azuread_user://00000000-0000-0000-0000-00000000a0a0'] }])).toThrow(/invalid clusters\[0\]\.owners\[0\] .*individual users are not accepted/);
    expect(make([{ owners: [PLATFORM], roles: [{ group: PLATFORM, role: 'cluster-admin' }] }])).toThrow(/invalid clusters\[0\]\.roles\[0\]\.role "cluster-admin". Allowed: a RancherClusterRole member/);
    expect(make([{ owners: [PLATFORM], projects: [{ name: 'a', roles: [{ group: PAYMENTS, role: RancherClusterRole.CLUSTER_OWNER }] }] }])).toThrow(
      /invalid clusters\[0\]\.projects\[0\]\.roles\[0\]\.role .*Allowed: a RancherProjectRole member/,
    );
    expect(make([], [{ group: PLATFORM, role: 'admin' }])).toThrow(/invalid globalRoles\[0\]\.role "admin". Allowed: a RancherGlobalRole member/);
  });

  test('duplicates: a group twice in one role, a project name twice, a cluster twice, a global grant twice', () => {
    expect(make([{ owners: [PLATFORM, PLATFORM] }])).toThrow(/azuread_group:\/\/00000000-0000-0000-0000-00000000a0a0 is given role cluster-owner twice/);
    expect(make([{ owners: [PLATFORM], projects: [{ name: 'a' }, { name: 'a' }] }])).toThrow(/invalid clusters\[0\]\.projects\[1\]\.name "a". Allowed: a project name used once per cluster/);
    expect(make([{ owners: [PLATFORM] }, { owners: [PLATFORM] }])).toThrow(/invalid clusters\[1\]\.cluster "rke2\/rke2\/cluster". Allowed: each cluster added once/);
    expect(make([], [{ group: PLATFORM, role: RancherGlobalRole.USER }, { group: PLATFORM, role: RancherGlobalRole.USER }])).toThrow(/Allowed: each group bound to a global role once/);
    expect(make([{ owners: [PLATFORM], projects: [{ name: ' ' }] }])).toThrow(/clusters\[0\]\.projects\[0\]\.name is required/);
  });

  test("a cluster of another stack: the rules read one stack at a time", () => {
    const app = testApp();
    const { cluster } = defaultCluster(app);
    const other = rancherStack(app, 'access');
    expect(() => new RancherAccess(other, 'access', { clusters: [{ cluster: cluster.cluster, owners: [PLATFORM] }] })).toThrow(
      /invalid clusters\[0\]\.cluster "rke2\/rke2\/cluster". Allowed: a cluster of this construct's stack \(access\). Fix: create RancherAccess in the cluster's stack/,
    );
    expect(() => new RancherAccess(new TerraformStack(app, 's'), 'a', { clusters: [{ cluster: 'c-m-abc' as any, owners: [PLATFORM] }] })).toThrow(/invalid clusters\[0\]\.cluster "c-m-abc". Allowed: a Rancher2ClusterV2/);
  });

  test('addCluster and grantGlobalRole after construction', () => {
    const app = testApp();
    const { stack, cluster } = defaultCluster(app);
    const a = new RancherAccess(stack, 'access');
    a.addCluster({ cluster: cluster.cluster, owners: [PLATFORM] });
    a.grantGlobalRole({ group: PLATFORM, role: RancherGlobalRole.USER_BASE });
    expect([a.clusterRoleBindings.length, a.globalRoleBindings.length]).toEqual([1, 1]);
  });
});
