import { MeshWorkloadLabel } from './mesh-authorization';

/**
 * A local rate limit on the inbound HTTP traffic of some workloads, enforced by each pod's own sidecar (Envoy
 * `local_ratelimit`, a token bucket per pod): at most `requestsPerInterval` requests per `intervalSeconds`
 * and pod, answered with HTTP 429 beyond. Rendered as an Istio EnvoyFilter.
 *
 * On the AKS managed Istio add-on, EnvoyFilter is admitted but outside Azure support: the add-on needs
 * `IstioAddonProps.allowEnvoyFiltersOnManagedMesh`. The add-on blocks WasmPlugin, so Wasm-based limits
 * cannot run there at all.
 */
export interface MeshRateLimit {
  /** Rule name (a DNS label), unique in the namespace; the EnvoyFilter is named `ratelimit-<name>`. */
  readonly name: string;
  /** Namespace of the workloads (in the mesh). */
  readonly namespace: string;
  /** Labels selecting the workloads; at least one (a limit is per workload, not per namespace). */
  readonly workloadLabels: MeshWorkloadLabel[];
  /** Requests each pod accepts per interval; at least 1. */
  readonly requestsPerInterval: number;
  /**
   * Length of the interval, in seconds (1-86400).
   * @default 60
   */
  readonly intervalSeconds?: number;
  /**
   * Requests a pod accepts at once after a quiet time (the token bucket's size), at least `requestsPerInterval`.
   * @default - `requestsPerInterval`
   */
  readonly burst?: number;
  /**
   * The one container port the limit applies to: the port the pods listen on (a Service's `targetPort`), by
   * which Istio matches a sidecar's inbound traffic; a Service port that maps to another number matches nothing.
   * @default - every inbound HTTP port of the workloads, each with its own token bucket
   */
  readonly port?: number;
}
