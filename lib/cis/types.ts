/** A CIS benchmark the catalog knows. */
export enum CisBenchmark {
  /** CIS Azure Kubernetes Service (AKS) Benchmark v1.8 (kube-bench profile aks-1.8). */
  AKS_1_8 = 'cis-aks-1.8',
  /** CIS Kubernetes Benchmark v1.8 as profiled for RKE2 (kube-bench profile rke2-cis-1.8). */
  RKE2_1_8 = 'rke2-cis-1.8',
}

/** Whether the benchmark assesses a control automatically or by manual review. */
export enum AssessmentType {
  /** Checked by kube-bench or another tool. */
  AUTOMATED = 'automated',
  /** Needs a manual assessment. */
  MANUAL = 'manual',
}

/** How a control can be satisfied. */
export enum ControlImplementation {
  /** By infrastructure code: Azure resources, RKE2 configuration through rancher2. */
  IAC = 'iac',
  /** By Kubernetes objects created in the cluster (RBAC, network policy, namespaces, admission policy). */
  IN_CLUSTER = 'in-cluster',
  /** By the provider or distribution default; nothing to configure. */
  PLATFORM = 'platform',
  /** By organisational review; no configuration fully satisfies it. */
  PROCESS = 'process',
}

/** One control of a CIS benchmark. */
export interface CisControl {
  /** The benchmark the control belongs to. */
  readonly benchmark: CisBenchmark;
  /** Control id, e.g. `5.4.2`. */
  readonly id: string;
  /** Control title as the benchmark words it. */
  readonly title: string;
  /** Section title. */
  readonly section: string;
  /** Section id, e.g. `5.4`. */
  readonly sectionId: string;
  /** Automated or manual assessment. */
  readonly assessment: AssessmentType;
  /** How the control can be satisfied. */
  readonly implementation: ControlImplementation;
  /** What satisfies the control, or why the platform already does. */
  readonly guidance: string;
}

/** A reference from a rule or a default to one CIS control. */
export interface CisControlRef {
  /** The benchmark. */
  readonly benchmark: CisBenchmark;
  /** Control id within the benchmark, e.g. `5.4.2`. */
  readonly id: string;
}
