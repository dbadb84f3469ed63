import { cisRke2 } from '../../../cis/refs';
import { check, defineRule, nonCompliant } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { parseJsonObject, poolCloudConfigs, readable, withRke2Config, writtenFile } from './rke2-config';

const LEVELS = ['None', 'Metadata', 'Request', 'RequestResponse'];

/** A request an ordinary (non-system) user makes. */
interface Probe {
  readonly label: string;
  readonly group: string;
  readonly resource: string;
  readonly verb: string;
  /** Levels that are acceptable for it. */
  readonly allowed: string[];
}

/**
 * What the policy must log (CIS RKE2 1.8 3.2.2): credentials at Metadata only (never their content),
 * privilege changes and interactive access with their request, everything else at least at Metadata.
 */
const PROBES: Probe[] = [
  { label: 'secrets', group: '', resource: 'secrets', verb: 'get', allowed: ['Metadata'] },
  { label: 'configmaps', group: '', resource: 'configmaps', verb: 'update', allowed: ['Metadata'] },
  { label: 'tokenreviews', group: 'authentication.k8s.io', resource: 'tokenreviews', verb: 'create', allowed: ['Metadata'] },
  { label: 'clusterrolebinding changes', group: 'rbac.authorization.k8s.io', resource: 'clusterrolebindings', verb: 'create', allowed: ['Request', 'RequestResponse'] },
  { label: 'rolebinding changes', group: 'rbac.authorization.k8s.io', resource: 'rolebindings', verb: 'update', allowed: ['Request', 'RequestResponse'] },
  { label: 'clusterrole changes', group: 'rbac.authorization.k8s.io', resource: 'clusterroles', verb: 'patch', allowed: ['Request', 'RequestResponse'] },
  { label: 'pod exec', group: '', resource: 'pods/exec', verb: 'create', allowed: ['Request', 'RequestResponse'] },
  { label: 'other API calls (deployments)', group: 'apps', resource: 'deployments', verb: 'delete', allowed: ['Metadata', 'Request', 'RequestResponse'] },
];

function listIncludes(list: unknown, value: string): boolean {
  return Array.isArray(list) && (list.includes(value) || list.includes('*'));
}

/** The level the first matching rule gives a request (audit policy rules are first-match). */
function levelFor(policy: any, probe: Probe): string {
  const rules: any[] = Array.isArray(policy.rules) ? policy.rules : [];
  for (const rule of rules) {
    // Rules limited to some users, groups or namespaces do not decide for every request.
    if (rule.users || rule.userGroups || rule.namespaces || rule.nonResourceURLs) {
      continue;
    }
    if (rule.verbs && !listIncludes(rule.verbs, probe.verb)) {
      continue;
    }
    if (rule.resources) {
      const matches = (rule.resources as any[]).some((r) => (r.group ?? '') === probe.group && (!r.resources || listIncludes(r.resources, probe.resource)));
      if (!matches) {
        continue;
      }
    }
    return LEVELS.includes(rule.level) ? rule.level : 'None';
  }
  return 'None';
}

/** The API server has an audit policy that logs the key security events (not RKE2's log-nothing default). */
export const rke2AuditPolicy = defineRule(
  {
    id: 'rke2-audit-policy',
    title: 'An audit policy file covering key security concerns is set and written to every control-plane machine',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedRke2Cluster, which writes its audit policy to control-plane machines and sets audit-policy-file; a policy of your own must log secrets, configmaps and tokenreviews at Metadata, RBAC changes and pod exec with the request, and everything else at Metadata.',
    remediationTargets: ['HardenedRke2Cluster'],
    cisControls: [cisRke2('3.2.1'), cisRke2('3.2.2')],
    resourceTypes: ['rancher2_cluster_v2'],
    constructDefault: 'HardenedRke2Cluster: audit-policy-file with a policy written by cloud-init (Metadata for secrets/configmaps/tokenreviews, RequestResponse for RBAC changes and exec)',
  },
  (cluster, context) =>
    withRke2Config(cluster, (config) =>
      readable(() => {
        const unset = config.failures('control-plane', 'audit-policy-file', (v) => typeof v === 'string' && v !== '');
        if (unset.length) {
          return nonCompliant(`no audit-policy-file, so RKE2's default policy logs nothing: ${unset.join('; ')}`);
        }
        const paths = [...new Set(config.values('control-plane', 'audit-policy-file') as string[])];
        const problems: string[] = [];
        for (const { pool, cloudConfig } of poolCloudConfigs(cluster, context, (p) => p.controlPlane)) {
          for (const path of paths) {
            const content = writtenFile(cloudConfig, path);
            if (content === undefined) {
              problems.push(`pool ${pool.name} gets no ${path}`);
              continue;
            }
            const policy = parseJsonObject(content, `${path} on pool ${pool.name}`);
            const wrong = PROBES.map((p) => [p, levelFor(policy, p)] as const)
              .filter(([p, level]) => !p.allowed.includes(level))
              .map(([p, level]) => `${p.label} at ${level} (needs ${p.allowed.join(' or ')})`);
            if (wrong.length) {
              problems.push(`${path} on pool ${pool.name}: ${wrong.join(', ')}`);
            }
          }
        }
        return check(problems.length === 0, problems.join('; '));
      }),
    ),
);
