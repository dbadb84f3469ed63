import { Token } from 'cdktf';
import { invalidProp, missingProp } from '../errors';
import { ClusterEndpoint, IKubernetesCluster, KubernetesDistribution, PolicyEngine } from './cluster';
import { requireProps } from '../validation';

/** Attributes of a cluster created outside this app. */
export interface ExistingClusterAttributes {
  /** Cluster name, used in resource names and reports. */
  readonly clusterName: string;
  /** How the kubernetes and helm providers reach the API server (prefer `exec` with kubelogin). */
  readonly endpoint: ClusterEndpoint;
  /**
   * The distribution: selects the kube-bench benchmark and the Istio install mode.
   * @default KubernetesDistribution.OTHER
   */
  readonly distribution?: KubernetesDistribution;
  /**
   * The admission policy engine already on the cluster.
   * @default PolicyEngine.GATEKEEPER (the baseline installs Gatekeeper)
   */
  readonly policyEngine?: PolicyEngine;
  /**
   * Revision of the AKS managed Istio add-on when the cluster runs it (e.g. `asm-1-28`).
   * @default - no managed mesh
   */
  readonly managedIstioRevision?: string;
  /**
   * Whether the platform already runs the Secrets Store CSI driver and Azure provider.
   * @default false
   */
  readonly secretsStoreCsiManaged?: boolean;
  /**
   * OIDC issuer URL for workload identity federation.
   * @default - not available
   */
  readonly oidcIssuerUrl?: string;
}

const MANAGED_ISTIO_REVISION = /^asm-1-\d+$/;

/** A cluster given by attributes (created elsewhere): what the baseline needs to harden it. */
export class ExistingCluster {
  /** A cluster connection from attributes; validates them. */
  public static fromAttributes(attributes: ExistingClusterAttributes): IKubernetesCluster {
    const construct = 'ExistingCluster.fromAttributes';
    requireProps(construct, attributes, 'pass ExistingClusterAttributes with clusterName and endpoint', 'attributes');
    if (!attributes.clusterName) {
      throw missingProp(construct, 'clusterName', 'give the cluster name shown in reports, e.g. "aks-platform-prod"');
    }
    const endpoint = attributes.endpoint;
    if (!endpoint || !endpoint.host) {
      throw missingProp(construct, 'endpoint.host', 'give the API server URL, e.g. "https://aks-x.privatelink.westeurope.azmk8s.io:443"');
    }
    if (!Token.isUnresolved(endpoint.host) && !/^https:\/\/[^\s/]+/.test(endpoint.host)) {
      throw invalidProp(construct, 'endpoint.host', endpoint.host, 'an https:// API server URL', 'use the https URL of the API server');
    }
    if (!endpoint.exec && !endpoint.token) {
      throw missingProp(construct, 'endpoint.exec or endpoint.token', 'use exec with kubelogin (Kubelogin.exec()) or a token from a sensitive variable');
    }
    if (endpoint.token && !Token.isUnresolved(endpoint.token)) {
      throw invalidProp(
        construct,
        'endpoint.token',
        '<literal token, not shown>',
        'a reference to a sensitive variable or attribute',
        'pass a TerraformVariable with sensitive: true, or use exec with kubelogin',
      );
    }
    const revision = attributes.managedIstioRevision;
    if (revision !== undefined && !Token.isUnresolved(revision) && !MANAGED_ISTIO_REVISION.test(revision)) {
      throw invalidProp(construct, 'managedIstioRevision', revision, 'an AKS mesh revision such as "asm-1-28"', 'use a revision from `az aks mesh get-revisions`');
    }
    return {
      clusterName: attributes.clusterName,
      endpoint,
      distribution: attributes.distribution ?? KubernetesDistribution.OTHER,
      policyEngine: attributes.policyEngine ?? PolicyEngine.GATEKEEPER,
      managedIstioRevision: revision,
      secretsStoreCsiManaged: attributes.secretsStoreCsiManaged ?? false,
      oidcIssuerUrl: attributes.oidcIssuerUrl,
    };
  }

  private constructor() {}
}
