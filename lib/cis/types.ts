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

/** One version of a CIS benchmark line and the Kubernetes minors it is written for. */
export interface CisBenchmarkRelease {
  /** Benchmark version, e.g. `1.12`. */
  readonly version: string;
  /** Oldest Kubernetes minor it applies to (the `26` of 1.26). */
  readonly minKubernetesMinor: number;
  /**
   * Newest Kubernetes minor it applies to.
   * @default - every newer minor
   */
  readonly maxKubernetesMinor?: number;
  /** Whether the catalog holds this version's controls (rules cite only those). */
  readonly inCatalog: boolean;
  /** The scanners that check this version, e.g. `kube-bench rke2-cis-1.8`. */
  readonly checkedBy: string[];
}

/** What a benchmark of the catalog is, and which Kubernetes versions it and its newer versions apply to. */
export interface CisBenchmarkDescription {
  /** The benchmark. */
  readonly benchmark: CisBenchmark;
  /** Short label used in reports and docs, e.g. `RKE2 CIS 1.8`. */
  readonly label: string;
  /** Full title, e.g. `CIS Kubernetes Benchmark v1.8 as profiled for RKE2`. */
  readonly title: string;
  /** Benchmark version of the catalog's controls, e.g. `1.8`. */
  readonly version: string;
  /** Distribution the benchmark is written for: `AKS` or `RKE2`. */
  readonly platform: string;
  /** Kubernetes versions the catalog's version applies to, e.g. `1.26`. */
  readonly kubernetesVersions: string;
  /** The kube-bench benchmark id of the catalog's version. */
  readonly kubeBenchBenchmark: string;
  /** Where the control ids and titles come from. */
  readonly source: string;
  /** Every version of the benchmark line the library knows, oldest first. */
  readonly releases: CisBenchmarkRelease[];
  /** What a report should say about the version gap, in one sentence. */
  readonly applicability: string;
}
