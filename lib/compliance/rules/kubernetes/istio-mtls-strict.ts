import { compliant, defineRule, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Istio PeerAuthentication policies require mutual TLS (STRICT), for the workload and every port. */
export const istioMtlsStrict = defineRule(
  {
    id: 'istio-peer-authentication-strict',
    title: 'Istio PeerAuthentication requires mutual TLS (STRICT) on every port',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep the mesh-wide PeerAuthentication the ClusterBaseline istio add-on creates (mode STRICT); do not add PERMISSIVE or DISABLE policies or port-level exceptions without a waiver.',
    remediationTargets: ['ClusterBaselineProps.istio'],
    cisControls: [],
    resourceTypes: ['kubernetes_manifest'],
    constructDefault: 'ClusterBaseline (Istio): PeerAuthentication default in the mesh root namespace with mtls.mode STRICT',
  },
  (r) => {
    const apiVersion = r.get('manifest.apiVersion');
    if (r.get('manifest.kind') !== 'PeerAuthentication' || typeof apiVersion !== 'string' || !apiVersion.startsWith('security.istio.io/')) {
      return notApplicable('not an Istio PeerAuthentication');
    }
    // An unset mode inherits the parent policy, which is PERMISSIVE at mesh level: not proven strict.
    const mode = valueOr(r, 'manifest.spec.mtls.mode', 'UNSET');
    const ports = r.get('manifest.spec.portLevelMtls') ?? {};
    const loosePorts = Object.keys(ports).filter((p) => ports[p]?.mode !== 'STRICT');
    if (mode !== 'STRICT') {
      return nonCompliant(`mtls.mode=${mode}`);
    }
    return loosePorts.length === 0 ? compliant() : nonCompliant(`ports without STRICT mTLS: ${loosePorts.join(', ')}`);
  },
);
