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

/** Everything one traffic rule renders to. */
export interface TrafficRendering {
  readonly objects: MeshObject[];
  readonly policies: NetworkPolicyObject[];
  readonly sidecarHosts: SidecarHost[];
  readonly gatewaySubsets: GatewaySubset[];
}

/** The `kubernetes.io/metadata.name` selector of a namespace. */
export function namespaceSelector(namespace: string): any {
  return { matchLabels: { 'kubernetes.io/metadata.name': namespace } };
}

/** NetworkPolicy ports, TCP. */
export function tcpPorts(ports: number[]): any[] {
  return ports.map((p) => ({ port: String(p), protocol: 'TCP' }));
}
