import { compliant, defineRule, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { EvidenceSubject, RuleSeverity } from '../../types';
import { isIstioSecurity, isMeshWide } from './istio-resources';

/**
 * Istio PeerAuthentication policies require mutual TLS (STRICT), for the workload and every port, and
 * every cluster has the mesh-wide one in the mesh root namespace.
 */
export const istioMtlsStrict = defineRule(
  {
    id: 'istio-peer-authentication-strict',
    title: 'Istio PeerAuthentication requires mutual TLS (STRICT) on every port, with a mesh-wide STRICT policy on every cluster',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep ClusterBaseline istio on (the default): its add-on creates the mesh-wide PeerAuthentication (mode STRICT); do not add PERMISSIVE or DISABLE policies or port-level exceptions without a waiver.',
    remediationTargets: ['ClusterBaselineProps.istio'],
    cisControls: [],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline (Istio): PeerAuthentication default in the mesh root namespace with mtls.mode STRICT',
    evidence: {
      protects: [EvidenceSubject.KUBERNETES_CLUSTER],
      requirements: [{ id: 'mesh-wide-strict', description: 'a mesh-wide PeerAuthentication (mesh root namespace, no selector) with mtls.mode STRICT', cisControls: [] }],
    },
  },
  (r) => {
    if (!isIstioSecurity(r, 'PeerAuthentication')) {
      return notApplicable('not an Istio PeerAuthentication');
    }
    const evidence = isMeshWide(r) ? ['mesh-wide-strict'] : [];
    // An unset mode inherits the parent policy, which is PERMISSIVE at mesh level: not proven strict.
    const mode = valueOr(r, 'manifest.spec.mtls.mode', 'UNSET');
    const ports = r.get('manifest.spec.portLevelMtls') ?? {};
    const loosePorts = Object.keys(ports).filter((p) => ports[p]?.mode !== 'STRICT');
    if (mode !== 'STRICT') {
      return { ...nonCompliant(`mtls.mode=${mode}`), evidence };
    }
    return { ...(loosePorts.length === 0 ? compliant() : nonCompliant(`ports without STRICT mTLS: ${loosePorts.join(', ')}`)), evidence };
  },
);
