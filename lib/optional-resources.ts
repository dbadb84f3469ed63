// Internal: provider classes used only by opt-in features, required on first use instead of at
// load. Each is a large generated module; a platform that does not opt in (no firewall route, no
// Azure Policy engine, no Defender plan, no quota) should not pay for loading it.
/* eslint-disable @typescript-eslint/no-require-imports */
type ResourcePolicyAssignmentModule = typeof import('@cdktf/provider-azurerm/lib/resource-policy-assignment');
type RouteTableModule = typeof import('@cdktf/provider-azurerm/lib/route-table');
type SubnetRouteTableAssociationModule = typeof import('@cdktf/provider-azurerm/lib/subnet-route-table-association');
type SecurityCenterSubscriptionPricingModule = typeof import('@cdktf/provider-azurerm/lib/security-center-subscription-pricing');
type KeyVaultSecretModule = typeof import('@cdktf/provider-azurerm/lib/key-vault-secret');
type LimitRangeV1Module = typeof import('@cdktf/provider-kubernetes/lib/limit-range-v1');
type ResourceQuotaV1Module = typeof import('@cdktf/provider-kubernetes/lib/resource-quota-v1');

export const optionalResources = {
  resourcePolicyAssignment: () =>
    (require('@cdktf/provider-azurerm/lib/resource-policy-assignment') as ResourcePolicyAssignmentModule).ResourcePolicyAssignment,
  routeTable: () => (require('@cdktf/provider-azurerm/lib/route-table') as RouteTableModule).RouteTable,
  subnetRouteTableAssociation: () =>
    (require('@cdktf/provider-azurerm/lib/subnet-route-table-association') as SubnetRouteTableAssociationModule).SubnetRouteTableAssociation,
  securityCenterSubscriptionPricing: () =>
    (require('@cdktf/provider-azurerm/lib/security-center-subscription-pricing') as SecurityCenterSubscriptionPricingModule)
      .SecurityCenterSubscriptionPricing,
  keyVaultSecret: () => (require('@cdktf/provider-azurerm/lib/key-vault-secret') as KeyVaultSecretModule).KeyVaultSecret,
  limitRangeV1: () => (require('@cdktf/provider-kubernetes/lib/limit-range-v1') as LimitRangeV1Module).LimitRangeV1,
  resourceQuotaV1: () => (require('@cdktf/provider-kubernetes/lib/resource-quota-v1') as ResourceQuotaV1Module).ResourceQuotaV1,
};
