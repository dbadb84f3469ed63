import { compliant, defineRule, literalList, nonCompliant, notApplicable } from '../../define-rule';
import { EvidenceSubject, RuleSeverity } from '../../types';
import { isIstioSecurity, isMeshWide } from './istio-resources';

function isEmptyRule(rule: unknown): boolean {
  return rule !== null && typeof rule === 'object' && Object.keys(rule as object).length === 0;
}

/**
 * Every cluster's mesh denies what no policy allows: a mesh-wide allow-nothing AuthorizationPolicy
 * (an ALLOW policy with no rules in the mesh root namespace). No ALLOW policy opens everything: neither
 * an empty rule (it matches every request) nor a mesh-wide policy with rules (it opens every workload).
 */
export const istioAllowNothing = defineRule(
  {
    id: 'istio-authorization-allow-nothing',
    title: 'The mesh denies by default (mesh-wide allow-nothing AuthorizationPolicy) and no ALLOW policy opens every request or workload',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline istio on (the default): its add-on creates the allow-nothing authorization policy in the mesh root namespace. Allow paths with IstioAddonProps.allowRules, scoped to a workload namespace, never with an empty rule or in the mesh root namespace.',
    remediationTargets: ['ClusterBaselineProps.istio', 'IstioAddonProps.allowRules'],
    cisControls: [],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline (Istio): AuthorizationPolicy allow-nothing (empty spec) in the mesh root namespace',
    evidence: {
      protects: [EvidenceSubject.KUBERNETES_CLUSTER],
      requirements: [{ id: 'allow-nothing', description: 'a mesh-wide allow-nothing AuthorizationPolicy (mesh root namespace, no selector, no rules)', cisControls: [] }],
    },
  },
  (r) => {
    if (!isIstioSecurity(r, 'AuthorizationPolicy')) {
      return notApplicable('not an Istio AuthorizationPolicy');
    }
    const action = r.get('manifest.spec.action') ?? 'ALLOW';
    if (action !== 'ALLOW') {
      return notApplicable(`a ${action} policy`);
    }
    const rules = literalList(r, 'manifest.spec.rules');
    const meshWide = isMeshWide(r);
    if (rules.some(isEmptyRule)) {
      return { ...nonCompliant('an empty rule ({}) allows every request'), evidence: [] };
    }
    if (meshWide && rules.length > 0) {
      return { ...nonCompliant('a mesh-wide ALLOW policy with rules opens every workload of the mesh to its sources'), evidence: [] };
    }
    return meshWide ? { ...compliant('allow-nothing'), evidence: ['allow-nothing'] } : notApplicable('an ALLOW policy scoped to its namespace or workloads');
  },
);
