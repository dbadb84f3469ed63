import { MANAGED_MESH_ROOT_NAMESPACE } from '../../../kubernetes/exemptions';
import { check, defineRule, notApplicable, unknown } from '../../define-rule';
import { isTerraformExpression } from '../../resolved-resource';
import { EvidenceSubject, RuleSeverity } from '../../types';
import { chartName, finalValueAt } from './release-values';

/** The ConfigMap the AKS managed Istio add-on reads mesh settings from: `istio-shared-configmap-<revision>`. */
const SHARED_CONFIG_PREFIX = 'istio-shared-configmap-';
const CONFIG_MAP_TYPES = ['kubernetes_config_map_v1', 'kubernetes_config_map'];
/** `outboundTrafficPolicy:` then an indented `mode: X` in the mesh config YAML. */
const OUTBOUND_MODE = /(^|\n)outboundTrafficPolicy:[ \t]*\n[ \t]+mode:[ \t]*["']?([A-Z_]+)["']?[ \t]*(\n|$)/;

/**
 * Every cluster's mesh lets sidecars reach only the hosts a ServiceEntry names (outbound traffic policy
 * REGISTRY_ONLY), as istiod installed with Helm sets it (`meshConfig.outboundTrafficPolicy.mode`) or as the
 * AKS managed add-on reads it from its shared ConfigMap. Both meshes default to ALLOW_ANY when nothing sets
 * it, so the setting itself is the evidence.
 */
export const istioOutboundRegistryOnly = defineRule(
  {
    id: 'istio-outbound-registry-only',
    title: 'The mesh lets sidecars reach only registered hosts (outbound traffic policy REGISTRY_ONLY) on every cluster',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep IstioAddonProps.outboundTrafficPolicy at MeshOutboundTrafficPolicy.REGISTRY_ONLY (the default) and allow each external host the workloads need with IstioAddon.allowEgress; or waive the finding with the reason the mesh may reach any host.',
    remediationTargets: ['IstioAddonProps.outboundTrafficPolicy', 'MeshOutboundTrafficPolicy.REGISTRY_ONLY', 'IstioAddon.allowEgress'],
    cisControls: [],
    resourceTypes: ['helm_release', ...CONFIG_MAP_TYPES],
    constructDefault: 'IstioAddon: meshConfig.outboundTrafficPolicy.mode REGISTRY_ONLY (istiod chart), or the shared mesh ConfigMap of the AKS managed add-on with mode REGISTRY_ONLY',
    evidence: {
      protects: [EvidenceSubject.KUBERNETES_CLUSTER],
      requirements: [{ id: 'registry-only', description: 'istiod, or the shared mesh ConfigMap of the AKS managed add-on, with outboundTrafficPolicy REGISTRY_ONLY', cisControls: [] }],
    },
  },
  (r) => {
    if (r.terraformType === 'helm_release') {
      if (chartName(r) !== 'istiod') {
        return notApplicable('not the istiod chart');
      }
      // The chart's default is ALLOW_ANY.
      const mode = finalValueAt(r, 'meshConfig.outboundTrafficPolicy.mode') ?? 'ALLOW_ANY';
      return check(mode === 'REGISTRY_ONLY', `istiod meshConfig.outboundTrafficPolicy.mode=${mode}: sidecars reach any external host`);
    }
    const name = r.get('metadata.name');
    if (r.get('metadata.namespace') !== MANAGED_MESH_ROOT_NAMESPACE || typeof name !== 'string' || !name.startsWith(SHARED_CONFIG_PREFIX)) {
      return notApplicable('not the shared mesh ConfigMap of the AKS managed Istio add-on');
    }
    const mesh = r.get('data.mesh');
    if (isTerraformExpression(mesh)) {
      return unknown(`data.mesh is not known at synth time (${mesh})`);
    }
    const mode = typeof mesh === 'string' ? OUTBOUND_MODE.exec(mesh)?.[2] : undefined;
    return check(mode === 'REGISTRY_ONLY', `${name}: outboundTrafficPolicy mode ${mode ?? 'unset (the add-on defaults to ALLOW_ANY)'}: sidecars reach any external host`);
  },
);
