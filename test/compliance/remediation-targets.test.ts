// Every remediation names props and methods that exist: its remediationTargets resolve in the jsii
// assembly (.jsii, what API.md and every language binding are built from; the test setup rebuilds it
// when a source is newer), and the identifiers its text uses are among them.
import * as fs from 'fs';
import * as path from 'path';
import { IComplianceRule, RkeClusterPolicyPack } from '../../lib';
import { documentedPacks } from '../../scripts/control-matrix-packs';

const ASSEMBLY = path.join(__dirname, '..', '..', '.jsii');
const PREFIX = 'cdktf-hardened-k8s.';

// Azure, Kubernetes and RKE2 names remediations cite that look like types but are not the library's.
const EXTERNAL_NAMES = new Set([
  'AcrPull',
  'AcrPush',
  'AppGwSslPolicy20220101S',
  'AzureServices',
  'BotManagerRuleSet',
  'CriticalAddonsOnly',
  'CustomV2',
  'DenyServiceExternalIPs',
  'EncryptionAtHost',
  'EventRateLimit',
  'ImagePolicyWebhook',
  'NetworkPolicies',
  'NodeRestriction',
  'PeerAuthentication',
  'StorageDelete',
  'StorageRead',
  'StorageV2',
  'StorageWrite',
  'ValidatingAdmissionPolicy',
]);

interface JsiiType {
  kind: 'class' | 'interface' | 'enum';
  base?: string;
  interfaces?: string[];
  properties?: Array<{ name: string; type: any }>;
  methods?: Array<{ name: string }>;
  members?: Array<{ name: string }>;
}

const types: Record<string, JsiiType> = JSON.parse(fs.readFileSync(ASSEMBLY, 'utf-8')).types;
const typeNamed = (name: string): JsiiType | undefined => types[PREFIX + name];

/** Own and inherited members of a type: name -> fqn of its type (for chains), or '' for methods and enum members. */
function members(type: JsiiType): Map<string, string> {
  const found = new Map<string, string>();
  for (const p of type.properties ?? []) {
    found.set(p.name, p.type?.fqn ?? '');
  }
  (type.methods ?? []).forEach((m) => found.set(m.name, ''));
  (type.members ?? []).forEach((m) => found.set(m.name, ''));
  for (const parent of [type.base, ...(type.interfaces ?? [])]) {
    const inherited = parent?.startsWith(PREFIX) ? types[parent] : undefined;
    if (inherited) {
      members(inherited).forEach((v, k) => found.has(k) || found.set(k, v));
    }
  }
  return found;
}

/** The types a target walks through (`A.b.c` -> A, type of b), or a reason it does not resolve. */
function resolve(target: string): { owners: JsiiType[] } | { error: string } {
  const [head, ...chain] = target.split('.');
  let type = typeNamed(head);
  if (!type) {
    return { error: `${target}: no type ${head}` };
  }
  const owners = [type, ...(typeNamed(`${head}Props`) ? [typeNamed(`${head}Props`)!] : [])];
  for (const name of chain) {
    const next = members(type!).get(name);
    if (next === undefined) {
      return { error: `${target}: ${name} is not a member of ${head}` };
    }
    type = next.startsWith(PREFIX) ? types[next] : undefined;
    if (type) {
      owners.push(type);
    }
  }
  return { owners };
}

/** Identifiers in a remediation's text that must match the library: dotted library names, CamelCase names, camelCase members. */
function textProblems(rule: IComplianceRule): string[] {
  const m = rule.metadata;
  const targets = m.remediationTargets ?? [];
  const owners = targets.flatMap((t) => {
    const r = resolve(t);
    return 'owners' in r ? r.owners : [];
  });
  const text = m.remediation.replace(/`[^`]*`/g, ' ').replace(/"[^"]*"/g, ' ');
  const problems: string[] = [];
  for (const [, dotted] of text.matchAll(/\b([A-Z][A-Za-z0-9]*\.[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)/g)) {
    if (typeNamed(dotted.split('.')[0]) && !targets.includes(dotted)) {
      problems.push(`text names ${dotted}, which remediationTargets does not list`);
    }
  }
  for (const [word] of text.matchAll(/\b[A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+\b/g)) {
    if (!typeNamed(word) && !EXTERNAL_NAMES.has(word)) {
      problems.push(`text names ${word}, which is not a type of the library`);
    } else if (typeNamed(word) && !targets.some((t) => t === word || t.startsWith(`${word}.`) || t.startsWith(`${word}Props.`))) {
      problems.push(`text names ${word}, which remediationTargets does not list`);
    }
  }
  for (const [word] of text.matchAll(/(?<![.\w-])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?![\w-])/g)) {
    if (!owners.some((o) => members(o).has(word))) {
      problems.push(`text names ${word}, which is no member of ${targets.join(', ') || '(no target)'}`);
    }
  }
  return problems;
}

const rules: IComplianceRule[] = [
  ...new Map(
    [
      ...documentedPacks(),
      new RkeClusterPolicyPack({ allowedKubernetesMinorVersions: ['1.32'], requiredMachineGlobalConfig: [{ key: 'cni', value: 'calico' }], allowedCloudCredentialNames: ['azure'] }),
    ]
      .flatMap((p) => p.rules)
      .map((r) => [r.metadata.id, r] as const),
  ).values(),
];

describe('remediation targets', () => {
  test.each(rules.map((r) => [r.metadata.id, r] as const))('%s names props and methods that exist', (_id, rule) => {
    const unresolved = (rule.metadata.remediationTargets ?? []).map(resolve).flatMap((r) => ('error' in r ? [r.error] : []));
    expect([...unresolved, ...textProblems(rule)]).toEqual([]);
  });

  test('the checker rejects what does not exist (a wrong member, an unknown type, text that names an unlisted prop)', () => {
    const rule = (remediation: string, remediationTargets: string[]): IComplianceRule =>
      ({ metadata: { id: 'x-y', title: 't', severity: 'error', remediation, remediationTargets, cisControls: [], resourceTypes: ['t'] } }) as any;
    expect(resolve('HardenedAksClusterProps.apiServerAccess')).toHaveProperty('owners');
    expect(resolve('HardenedAksClusterProps.systemNodePool.nodePublicIpEnabled')).toHaveProperty('owners');
    expect(resolve('PlatformMonitoring.addClusterDiagnostics')).toHaveProperty('owners');
    expect(resolve('HardenedAksCluster.addClusterDiagnostics')).toEqual({ error: 'HardenedAksCluster.addClusterDiagnostics: addClusterDiagnostics is not a member of HardenedAksCluster' });
    expect(resolve('HardenedAKSCluster.name')).toEqual({ error: 'HardenedAKSCluster.name: no type HardenedAKSCluster' });
    expect(textProblems(rule('Keep HardenedAksCluster apiServerAccess at PRIVATE.', ['HardenedAksClusterProps.apiServerAccess']))).toEqual([]);
    expect(textProblems(rule('Set HardenedAksCluster privateClusterOn.', ['HardenedAksClusterProps.apiServerAccess']))).toEqual([
      'text names privateClusterOn, which is no member of HardenedAksClusterProps.apiServerAccess',
    ]);
    expect(textProblems(rule('Call PlatformMonitoring.addClusterDiagnostics.', []))).toEqual([
      'text names PlatformMonitoring.addClusterDiagnostics, which remediationTargets does not list',
      'text names PlatformMonitoring, which remediationTargets does not list',
    ]);
    expect(textProblems(rule('Use HardenedAKSCluster.', []))).toEqual(['text names HardenedAKSCluster, which is not a type of the library']);
  });
});
