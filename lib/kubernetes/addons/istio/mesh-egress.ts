import { MeshWorkloadLabel } from './mesh-authorization';

/** Protocol of traffic to an external host. */
export enum MeshEgressProtocol {
  /** HTTPS from the workload: the sidecar matches the TLS server name (SNI) and passes the TLS through. */
  HTTPS = 'HTTPS',
  /** Any TLS protocol from the workload, matched by server name (SNI). */
  TLS = 'TLS',
  /** Plain HTTP from the workload, matched by Host header; with `tlsOrigination` the sidecar sends it on as HTTPS. */
  HTTP = 'HTTP',
  /**
   * Plain TCP: no host name to match, so the destination is matched by `cidrs`, which are required. Single
   * addresses (`/32`) keep DNS resolution; a wider range passes each connection through to the address the
   * workload chose within it, which the `istio-service-entry-named-hosts` rule reports.
   */
  TCP = 'TCP',
}

/**
 * An Istio egress gateway that external traffic goes through (e.g. one enabled with
 * `az aks mesh enable-egress-gateway`, or the Istio `gateway` chart): sidecars send the TLS traffic to it over
 * mutual TLS, and only the gateway leaves the cluster.
 */
export interface MeshEgressGateway {
  /** Namespace of the gateway. */
  readonly namespace: string;
  /** Name of the gateway's Service. */
  readonly serviceName: string;
  /** Labels of the gateway's pods (its `Gateway` selector), e.g. `istio: asm-egress-platform`. */
  readonly selectorLabels: MeshWorkloadLabel[];
  /**
   * Service port sidecars send TLS to.
   * @default 443
   */
  readonly port?: number;
  /**
   * Container port behind `port` (what NetworkPolicies see).
   * @default - the same as `port`
   */
  readonly targetPort?: number;
}

/**
 * One external destination that workloads of the given namespaces may reach, under the mesh's
 * `REGISTRY_ONLY` outbound policy. One declaration gives the Istio objects (a ServiceEntry exported only to
 * those namespaces, a Sidecar per namespace that sees only its allowed hosts, TLS origination or gateway
 * routing where asked) and the NetworkPolicy egress that lets exactly that traffic out of the namespaces'
 * default-deny.
 *
 * A NetworkPolicy cannot match a host name, so the policy's destination is either `cidrs` (the addresses
 * behind the host, e.g. the private endpoint subnet of a Key Vault) or, with `egressGateway`, the gateway's
 * pods; one of the two is required.
 */
export interface MeshEgressRule {
  /** Rule name (a DNS label), unique in the mesh; the objects are named `egress-<name>`. */
  readonly name: string;
  /**
   * Destination host name, e.g. `kv-platform.vault.azure.net`. A wildcard (`*.blob.core.windows.net`) needs
   * `allowWildcardHost`; an IP address or range needs `allowIpRange`.
   */
  readonly host: string;
  /** Destination port the workload connects to (1-65535). */
  readonly port: number;
  /** Protocol of the traffic. */
  readonly protocol: MeshEgressProtocol;
  /** Namespaces (in the mesh) whose workloads may use the rule; at least one. */
  readonly namespaces: string[];
  /**
   * IPv4 CIDRs behind the host: the NetworkPolicy lets traffic out to them (and for TCP the ServiceEntry
   * matches them: give the host's own addresses as `/32` to keep it resolved by name).
   * Each at most a /8: a wider range opens the port to much of the Internet.
   * @default - none (an egress gateway is then required)
   */
  readonly cidrs?: string[];
  /**
   * Route the traffic through this egress gateway (HTTPS and TLS only). With `cidrs`, the gateway's pods get
   * a NetworkPolicy for every rule through it (plus DNS and istiod, which such a policy would otherwise cut off).
   * @default - straight from the sidecars
   */
  readonly egressGateway?: MeshEgressGateway;
  /**
   * The workload sends plain HTTP to `port`; its sidecar opens TLS to the host on `tlsOriginationPort`,
   * verifying the server certificate (HTTP only, named host only).
   * @default false
   */
  readonly tlsOrigination?: boolean;
  /**
   * Port of the TLS connection the sidecar opens.
   * @default 443
   */
  readonly tlsOriginationPort?: number;
  /**
   * Accept a wildcard host. Any host of the domain becomes reachable: the
   * `istio-service-entry-named-hosts` rule reports it and fails synth unless waived.
   * @default false
   */
  readonly allowWildcardHost?: boolean;
  /**
   * Accept an IPv4 address or CIDR as the host (TCP only). Every host behind it becomes reachable: the
   * `istio-service-entry-named-hosts` rule reports a range and fails synth unless waived.
   * @default false
   */
  readonly allowIpRange?: boolean;
}
