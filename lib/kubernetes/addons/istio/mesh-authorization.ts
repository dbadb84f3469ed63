/** A workload identity in the mesh: a service account of a namespace. */
export interface MeshPrincipal {
  /** Namespace of the calling workload. */
  readonly namespace: string;
  /** Service account of the calling workload. */
  readonly serviceAccount: string;
}

/** A workload selector label. */
export interface MeshWorkloadLabel {
  /** Label key, e.g. `app`. */
  readonly key: string;
  /** Label value. */
  readonly value: string;
}

/**
 * A service-to-service path allowed through the mesh's allow-nothing baseline: an ALLOW
 * AuthorizationPolicy in the target namespace, from the given mTLS identities, optionally narrowed to
 * workloads, ports, HTTP methods and paths.
 */
export interface MeshAllowRule {
  /** Policy name (a DNS label), unique within the target namespace. */
  readonly name: string;
  /** Namespace of the workloads receiving the traffic. */
  readonly namespace: string;
  /** Calling identities (mTLS principals); at least one. */
  readonly from: MeshPrincipal[];
  /**
   * Workloads in the namespace the rule applies to.
   * @default - every workload of the namespace
   */
  readonly workloadLabels?: MeshWorkloadLabel[];
  /**
   * Destination ports.
   * @default - any port
   */
  readonly ports?: number[];
  /**
   * HTTP methods, e.g. `GET`.
   * @default - any method
   */
  readonly methods?: string[];
  /**
   * HTTP paths (exact, prefix `/api/*` or suffix `*.js`).
   * @default - any path
   */
  readonly paths?: string[];
}

