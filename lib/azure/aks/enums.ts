/** How the AKS API server is reached. */
export enum ApiServerAccess {
  /** Private endpoint in the VNet, no public FQDN (CIS AKS 1.8 5.4.2). */
  PRIVATE = 'private',
  /**
   * Public endpoint restricted to `authorizedIpRanges` (CIS AKS 1.8 5.4.1). Fails the `aks-private-cluster`
   * rule (5.4.2) unless waived.
   */
  PUBLIC_RESTRICTED = 'public-restricted',
}

/** Key Vault network access for KMS etcd encryption. */
export enum KmsKeyVaultNetworkAccess {
  /** The vault is reached over its private endpoint (vault public access off). */
  PRIVATE = 'Private',
  /** The vault is reached over its public endpoint. */
  PUBLIC = 'Public',
}

/** AKS automatic Kubernetes upgrade channel. */
export enum AksUpgradeChannel {
  /** Latest patch of the current minor version. */
  PATCH = 'patch',
  /** Latest supported patch of minor N-1. */
  STABLE = 'stable',
  /** Latest supported patch of the latest minor. */
  RAPID = 'rapid',
  /** Node image only (needs the NodeImage node OS channel). */
  NODE_IMAGE = 'node-image',
}

/** AKS node OS upgrade channel. */
export enum AksNodeOsUpgradeChannel {
  /** Weekly node image with security patches. */
  NODE_IMAGE = 'NodeImage',
  /** OS security patches applied on the nodes between node images. */
  SECURITY_PATCH = 'SecurityPatch',
  /** No automatic OS upgrades: fails the `aks-automatic-upgrades` rule unless waived. */
  UNMANAGED = 'Unmanaged',
}

/** AKS pricing tier. */
export enum AksSkuTier {
  /** Financially backed API server SLA. */
  STANDARD = 'Standard',
  /** Standard plus long-term support. */
  PREMIUM = 'Premium',
  /** No SLA: fails the `aks-standard-tier` rule unless waived. */
  FREE = 'Free',
}

/** Node OS image family. */
export enum AksOsSku {
  /** Azure Linux (small, hardened image). */
  AZURE_LINUX = 'AzureLinux',
  /** Ubuntu. */
  UBUNTU = 'Ubuntu',
}
