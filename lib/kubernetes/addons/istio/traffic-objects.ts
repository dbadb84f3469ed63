// Internal: what the mesh traffic rules render to, before the add-on creates the resources.

/** An Istio object (a `kubernetes_manifest` body). */
export interface MeshObject {
  /** Construct id, unique in the mesh scope. */
  readonly id: string;
  /** The manifest. */
  readonly manifest: any;
  /**
   * Why the object is an accepted exception to a rule (a built-in waiver), with the rule id.
   * @default - none
   */
  readonly waiver?: { readonly ruleId: string; readonly reason: string };
}

/** A NetworkPolicy (kubernetes provider `spec` in its camelCase names). */
export interface NetworkPolicyObject {
  /** Construct id, unique in the mesh scope. */
  readonly id: string;
  /** Namespace. */
  readonly namespace: string;
  /** Name. */
  readonly name: string;
  /** The `spec` block. */
  readonly spec: any;
}

/** A host a namespace's Sidecar must see (the namespace holds its ServiceEntry). */
export interface SidecarHost {
  readonly namespace: string;
  readonly host: string;
}

/** A subset of the DestinationRule of an egress gateway's Service in a client namespace. */
export interface GatewaySubset {
  readonly namespace: string;
  readonly gatewayHost: string;
  readonly subset: any;
}

/** Where an egress gateway's own pods send one rule's traffic (the gateway's NetworkPolicy collects them). */
export interface GatewayEgress {
  readonly namespace: string;
  /** Name of the gateway's Service, which names the policy. */
  readonly serviceName: string;
  readonly labels: Record<string, string>;
  /** Rule name, for messages. */
  readonly rule: string;
  readonly port: number;
  /** Addresses behind the host; empty when unknown (the port is then open to any address). */
  readonly cidrs: string[];
}

/** Everything one traffic rule renders to. */
export interface TrafficRendering {
  readonly objects: MeshObject[];
  readonly policies: NetworkPolicyObject[];
  readonly sidecarHosts: SidecarHost[];
  readonly gatewaySubsets: GatewaySubset[];
  readonly gatewayEgress: GatewayEgress[];
}

/** The `kubernetes.io/metadata.name` selector of a namespace. */
export function namespaceSelector(namespace: string): any {
  return { matchLabels: { 'kubernetes.io/metadata.name': namespace } };
}

/** NetworkPolicy ports, TCP. */
export function tcpPorts(ports: number[]): any[] {
  return ports.map((p) => ({ port: String(p), protocol: 'TCP' }));
}
