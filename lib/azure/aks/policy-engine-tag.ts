/** Tag recording the admission policy engine on the cluster, read by the `aks-policy-engine` rule. */
export const POLICY_ENGINE_TAG = 'hardened-k8s-policy-engine';
