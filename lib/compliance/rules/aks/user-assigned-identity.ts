import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER } from './pools';

/** User-assigned identities: stable principal ids for role assignments made before the cluster. */
export const aksUserAssignedIdentity = defineRule(
  {
    id: 'aks-user-assigned-identity',
    title: 'AKS control plane uses a user-assigned managed identity',
    severity: RuleSeverity.WARNING,
    remediation: 'Let HardenedAksCluster create the control-plane identity (needed for KMS and custom private DNS).',
    remediationTargets: ['HardenedAksCluster'],
    cisControls: [],
    resourceTypes: [CLUSTER],
    constructDefault: 'HardenedAksCluster: identity type UserAssigned and a kubelet identity',
  },
  (r) => {
    const type = valueOr(r, 'identity.type', 'none');
    return check(type === 'UserAssigned', `identity type = ${type}`);
  },
);
