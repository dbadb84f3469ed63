import { cisAks } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant, notApplicable, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

const POLICY_ENGINE_TAG = 'hardened-k8s-policy-engine';

/**
 * An admission policy engine restricts images to approved registries: the Azure Policy add-on, or a
 * self-installed Gatekeeper whose constraints the baseline stack's rules prove.
 */
export const aksPolicyEngine = defineRule(
  {
    id: 'aks-policy-engine',
    title: 'AKS runs an admission policy engine (Azure Policy add-on or self-installed Gatekeeper)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep HardenedAksCluster policyEngine at PolicyEngine.GATEKEEPER with a ClusterBaseline that sets allowedRegistries, or use PolicyEngine.AZURE_POLICY with allowedImagesRegex.',
    remediationTargets: ['HardenedAksClusterProps.policyEngine', 'PolicyEngine.GATEKEEPER', 'PolicyEngine.AZURE_POLICY', 'ClusterBaselineProps.allowedRegistries', 'HardenedAksClusterProps.allowedImagesRegex'],
    cisControls: [cisAks('5.1.4')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: policyEngine GATEKEEPER (baseline) or azure_policy_enabled = true with allowed-images assignment',
  },
  (r) => {
    if (valueOr(r, 'azure_policy_enabled', false) === true) {
      return compliant('Azure Policy add-on (managed Gatekeeper)');
    }
    const tags = r.get('tags') ?? {};
    if (tags[POLICY_ENGINE_TAG] === 'gatekeeper') {
      return notApplicable('self-installed Gatekeeper; proven by the baseline stack rules (gatekeeper-allowed-registries)');
    }
    return nonCompliant('neither the Azure Policy add-on nor a self-installed Gatekeeper');
  },
);
