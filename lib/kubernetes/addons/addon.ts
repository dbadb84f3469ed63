import { Construct } from 'constructs';
import { IKubernetesCluster } from '../cluster';
import { PodSecurityVersion } from '../namespace/pod-security-version';

/**
 * Where an add-on installs its pieces. The baseline splits them over stacks planned in order: charts
 * first, then objects whose CRDs those charts install, then policies whose CRDs those objects create
 * (Terraform cannot plan a custom resource before its CRD exists).
 */
export interface AddonInstallContext {
  /** The cluster being hardened. */
  readonly cluster: IKubernetesCluster;
  /** Scope in the charts stack (Helm releases, namespaces, plain Kubernetes objects). */
  readonly chartScope: Construct;
  /** Scope in the objects stack (ConstraintTemplates, PeerAuthentication, SecretProviderClass, ...). */
  readonly objectScope: Construct;
  /**
   * Scope in the policy stack, planned after the objects stack: custom resources whose CRDs objects of
   * the objects stack create (Gatekeeper constraints, whose CRDs each ConstraintTemplate generates).
   */
  readonly policyScope: Construct;
  /**
   * Pod Security Standards version every namespace of the baseline pins (and its Gatekeeper policies implement).
   * @default PodSecurityVersion.DEFAULT
   */
  readonly podSecurityVersion?: PodSecurityVersion;
}

/** One add-on of the cluster baseline. */
export interface IClusterAddon {
  /** Stable id, lower-case with hyphens (e.g. `gatekeeper`); dependencies and conflicts name it. */
  readonly addonId: string;
  /** Ids of the add-ons this one needs installed first. */
  readonly dependencies: string[];
  /** Ids of add-ons that must not run on the same cluster. */
  readonly conflicts: string[];
  /** Creates the add-on's resources. */
  install(context: AddonInstallContext): void;
}
