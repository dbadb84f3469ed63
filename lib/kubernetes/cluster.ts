/** The Kubernetes distribution behind a cluster connection. */
export enum KubernetesDistribution {
  /** Azure Kubernetes Service. */
  AKS = 'aks',
  /** RKE2 managed by Rancher. */
  RKE2 = 'rke2',
  /** Any other conformant cluster. */
  OTHER = 'other',
}

/**
 * Which admission policy engine runs Gatekeeper on the cluster. Only one may run: the AKS Azure Policy
 * add-on is Microsoft's managed Gatekeeper, and a second, self-installed Gatekeeper would conflict with it.
 */
export enum PolicyEngine {
  /** Self-installed OPA Gatekeeper (Helm) with this library's CEL policy library. */
  GATEKEEPER = 'gatekeeper',
  /** The AKS Azure Policy add-on (Microsoft-managed Gatekeeper) with Azure Policy assignments. */
  AZURE_POLICY = 'azure-policy',
}

/** An exec credential plugin the kubernetes and helm providers run to get a token (e.g. kubelogin). */
export interface KubernetesExecAuth {
  /** client.authentication.k8s.io API version. */
  readonly apiVersion: string;
  /** Command to run, e.g. `kubelogin`. */
  readonly command: string;
  /** Arguments of the command. */
  readonly args: string[];
}

/** How the kubernetes and helm providers reach a cluster's API server. */
export interface ClusterEndpoint {
  /** API server URL, e.g. `https://aks-x.privatelink.westeurope.azmk8s.io:443`. */
  readonly host: string;
  /**
   * Base64-encoded PEM CA bundle of the API server.
   * @default - the system trust store is used (e.g. Rancher's proxied endpoint with a public certificate)
   */
  readonly clusterCaCertificate?: string;
  /**
   * Exec credential plugin (preferred: short-lived Entra ID tokens through kubelogin).
   * @default - no exec plugin; `token` must be set
   */
  readonly exec?: KubernetesExecAuth;
  /**
   * Bearer token; must come from a sensitive attribute or variable, never a literal.
   * @default - no token; `exec` must be set
   */
  readonly token?: string;
}

/** A cluster the kubernetes and helm providers can reach, and what the baseline must know about it. */
export interface IKubernetesCluster {
  /** Cluster name, used in resource names and reports. */
  readonly clusterName: string;
  /** The distribution: selects the kube-bench benchmark, Istio install mode, CSI driver install. */
  readonly distribution: KubernetesDistribution;
  /** How providers authenticate to the API server. */
  readonly endpoint: ClusterEndpoint;
  /**
   * Kubernetes version of the cluster when known at synth time, e.g. `v1.32.5+rke2r1` or `1.32`: selects
   * version-dependent defaults such as the kube-bench benchmark.
   * @default - unknown: the distribution's defaults apply
   */
  readonly kubernetesVersion?: string;
  /** The admission policy engine the cluster runs (never two Gatekeepers). */
  readonly policyEngine: PolicyEngine;
  /**
   * Revision of the AKS managed Istio add-on (e.g. `asm-1-25`) when the cluster runs it.
   * @default - no managed mesh; the baseline installs Istio with Helm when the mesh is on
   */
  readonly managedIstioRevision?: string;
  /**
   * True when the platform already runs the Secrets Store CSI driver and Azure provider
   * (AKS `key_vault_secrets_provider` add-on); otherwise the baseline installs the Helm charts.
   */
  readonly secretsStoreCsiManaged: boolean;
  /**
   * OIDC issuer URL for workload identity federation.
   * @default - workload identity federation is not available
   */
  readonly oidcIssuerUrl?: string;
  /**
   * Entra ID groups the platform makes cluster administrators (AKS `adminGroupObjectIds`, which AKS binds
   * to cluster-admin): the baseline's RBAC policies allow their bindings.
   * @default - none
   */
  readonly adminGroupObjectIds?: string[];
}

/** How kubelogin gets the Entra ID token for the providers. */
export enum KubeloginMode {
  /** The Azure CLI login of whoever runs Terraform. */
  AZURE_CLI = 'azurecli',
  /** Workload identity federation (CI pipelines with a federated token file). */
  WORKLOAD_IDENTITY = 'workloadidentity',
  /** A managed identity (self-hosted runners on Azure). */
  MANAGED_IDENTITY = 'msi',
}

/** kubelogin exec settings for AKS clusters whose local accounts are disabled (Entra ID only). */
export class Kubelogin {
  /** AKS AAD server application id that kubelogin requests tokens for (the same in every tenant). */
  public static readonly AKS_SERVER_ID = '6dae42f8-4368-4678-94ff-3960e28e3630';

  /** Exec settings for the kubernetes and helm providers. */
  public static exec(mode: KubeloginMode = KubeloginMode.AZURE_CLI): KubernetesExecAuth {
    return {
      apiVersion: 'client.authentication.k8s.io/v1beta1',
      command: 'kubelogin',
      args: ['get-token', '--login', mode, '--server-id', Kubelogin.AKS_SERVER_ID],
    };
  }

  private constructor() {}
}
