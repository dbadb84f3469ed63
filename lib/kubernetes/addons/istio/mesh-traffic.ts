// Internal: creates the resources of the mesh traffic rules, and the objects several rules share (a namespace's
// Sidecar, the DestinationRule of an egress gateway's Service), filled in at synth from every rule added.
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { NetworkPolicyV1, NetworkPolicyV1SpecEgress, networkPolicyV1SpecEgressToTerraform } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import { HardenedK8sError } from '../../../errors';
import { addBuiltInWaiver } from '../../../compliance/waivers';
import { compareStrings } from '../../../ordering';
import { GatewayEgress, namespaceSelector, tcpPorts, TrafficRendering } from './traffic-objects';

/** In-cluster services every meshed namespace keeps seeing (Kubernetes services of any namespace). */
const CLUSTER_SERVICES = '*/*.svc.cluster.local';

export class MeshTraffic {
  private readonly sidecarHosts = new Map<string, Map<string, string>>();
  private readonly gatewaySubsets = new Map<string, Map<string, any>>();
  private readonly gatewayEgress = new Map<string, { entries: GatewayEgress[]; policy?: NetworkPolicyV1 }>();
  /** Workload-level PeerAuthentications by namespace and selector, with the rule that made each. */
  private readonly peerAuthentications = new Map<string, string>();

  /** `controlPlaneNamespace` holds istiod, which an egress gateway's pods must keep reaching. */
  constructor(
    private readonly scope: Construct,
    private readonly controlPlaneNamespace: string,
  ) {}

  /** Creates the resources of one rule (`owner` names the rule in messages). */
  public add(rendering: TrafficRendering, owner: string): void {
    const taken = [...rendering.objects.map((o) => o.id), ...rendering.policies.map((p) => p.id)].find((id) => this.scope.node.tryFindChild(id));
    if (taken !== undefined) {
      throw new HardenedK8sError(`${owner}: its objects (${taken}) already exist for another rule. Allowed: one rule per name and namespace. Fix: give the rule another name.`);
    }
    for (const { namespace, host } of rendering.sidecarHosts) {
      const earlier = this.sidecarHosts.get(namespace)?.get(host);
      if (earlier !== undefined) {
        throw new HardenedK8sError(
          `${owner}: host ${host} is already allowed in namespace ${namespace} by ${earlier}. Allowed: one egress rule per host and namespace (two ServiceEntries for one host conflict). Fix: use one rule, or another host.`,
        );
      }
    }
    rendering.gatewayEgress.forEach((egress) => this.checkGatewayLabels(egress, owner));
    const peerAuthentications = rendering.objects.filter((o) => o.manifest.kind === 'PeerAuthentication').map((o) => this.peerAuthenticationKey(o.manifest));
    for (const key of peerAuthentications) {
      const earlier = this.peerAuthentications.get(key);
      if (earlier !== undefined) {
        throw new HardenedK8sError(
          `${owner}: ${earlier} already sets the mutual TLS of the workloads ${key}. Istio applies only the oldest of two PeerAuthentications that select the same workloads, ` +
            "so this rule's ports would stay STRICT and the Application Gateway's plain connections to them would fail. " +
            'Allowed: one Application Gateway ingress rule per set of workload labels. Fix: list all of the workloads\' ports (and paths) in one rule.',
        );
      }
    }
    peerAuthentications.forEach((key) => this.peerAuthentications.set(key, owner));
    for (const object of rendering.objects) {
      const manifest = new Manifest(this.scope, object.id, { manifest: object.manifest });
      if (object.waiver) {
        addBuiltInWaiver(manifest, object.waiver);
      }
    }
    for (const p of rendering.policies) {
      new NetworkPolicyV1(this.scope, p.id, { metadata: { name: p.name, namespace: p.namespace }, spec: p.spec });
    }
    for (const { namespace, host } of rendering.sidecarHosts) {
      this.sidecarOf(namespace).set(host, owner);
    }
    for (const { namespace, gatewayHost, subset } of rendering.gatewaySubsets) {
      this.subsetsOf(namespace, gatewayHost).set(subset.name, subset);
    }
    for (const egress of rendering.gatewayEgress) {
      this.addGatewayEgress(egress);
    }
  }

  private peerAuthenticationKey(manifest: any): string {
    return `${manifest.metadata.namespace}/${JSON.stringify(manifest.spec?.selector?.matchLabels ?? {})}`;
  }

  /** One gateway Service, one set of pod labels: its NetworkPolicy selects the pods by them. */
  private checkGatewayLabels(egress: GatewayEgress, owner: string): void {
    const key = `${egress.namespace}/${egress.serviceName}`;
    const other = this.gatewayEgress.get(key)?.entries.find((e) => JSON.stringify(e.labels) !== JSON.stringify(egress.labels));
    if (other) {
      throw new HardenedK8sError(
        `${owner}: egress gateway ${key} is selected by ${JSON.stringify(egress.labels)}, but rule ${other.rule} selects it by ${JSON.stringify(other.labels)}. ` +
          'Allowed: one set of selectorLabels per gateway Service. Fix: give every rule through the gateway the labels of its pods.',
      );
    }
  }

  /**
   * Collects what a gateway's pods must reach. A NetworkPolicy that selects pods for egress isolates them:
   * from then on they reach only what some policy allows. So the gateway gets one policy, created with the
   * first rule that gives addresses, allowing DNS, istiod (its configuration and certificates) and every
   * rule through it: each rule's port to its addresses, or to any address where a rule gives none.
   */
  private addGatewayEgress(egress: GatewayEgress): void {
    const key = `${egress.namespace}/${egress.serviceName}`;
    let gateway = this.gatewayEgress.get(key);
    if (!gateway) {
      gateway = { entries: [] };
      this.gatewayEgress.set(key, gateway);
    }
    gateway.entries.push(egress);
    if (gateway.policy || egress.cidrs.length === 0) {
      return;
    }
    const entries = gateway.entries;
    const rules = (): NetworkPolicyV1SpecEgress[] => {
      const ports = [...new Set(entries.map((e) => e.port))].sort((a, b) => a - b);
      return [
        { to: [{ namespaceSelector: namespaceSelector('kube-system') }], ports: [{ port: '53', protocol: 'UDP' }, { port: '53', protocol: 'TCP' }] },
        { to: [{ namespaceSelector: namespaceSelector(this.controlPlaneNamespace) }], ports: tcpPorts([15012]) },
        ...ports.map((port) => {
          const onPort = entries.filter((e) => e.port === port);
          // A rule without addresses reaches its host wherever DNS puts it: the port is open to any address.
          const cidrs = onPort.some((e) => e.cidrs.length === 0) ? [] : [...new Set(onPort.flatMap((e) => e.cidrs))].sort(compareStrings);
          return { ...(cidrs.length ? { to: cidrs.map((cidr) => ({ ipBlock: { cidr } })) } : {}), ports: tcpPorts([port]) };
        }),
      ];
    };
    gateway.policy = new NetworkPolicyV1(this.scope, `${egress.namespace}-egress-gateway-${egress.serviceName}-network-policy`, {
      metadata: { name: `egress-gateway-${egress.serviceName}`, namespace: egress.namespace },
      spec: {
        podSelector: { matchLabels: egress.labels },
        policyTypes: ['Egress'],
        egress: Lazy.anyValue({ produce: () => rules().map((r) => networkPolicyV1SpecEgressToTerraform(r)) }) as any,
      },
    });
  }

  /** The hosts of a namespace's Sidecar: in-cluster services and the external hosts its rules allow, nothing else. */
  private sidecarOf(namespace: string): Map<string, string> {
    let hosts = this.sidecarHosts.get(namespace);
    if (!hosts) {
      const entries = new Map<string, string>();
      hosts = entries;
      this.sidecarHosts.set(namespace, entries);
      new Manifest(this.scope, `${namespace}-sidecar`, {
        manifest: Lazy.anyValue({
          produce: () => ({
            apiVersion: 'networking.istio.io/v1',
            kind: 'Sidecar',
            metadata: { name: 'default', namespace },
            spec: {
              egress: [{ hosts: [CLUSTER_SERVICES, ...[...entries.keys()].sort(compareStrings).map((h) => `./${h}`)] }],
              // Pinned here too, so a mesh-wide ALLOW_ANY does not open the namespace.
              outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' },
            },
          }),
        }) as any,
      });
    }
    return hosts;
  }

  /** The subsets (one per rule, each with its server name) of the DestinationRule for an egress gateway. */
  private subsetsOf(namespace: string, gatewayHost: string): Map<string, any> {
    const key = `${namespace} ${gatewayHost}`;
    let subsets = this.gatewaySubsets.get(key);
    if (!subsets) {
      const entries = new Map<string, any>();
      subsets = entries;
      this.gatewaySubsets.set(key, entries);
      const name = `egressgw-${gatewayHost.split('.').slice(0, 2).join('-')}`;
      new Manifest(this.scope, `${namespace}-${name}-destination-rule`, {
        manifest: Lazy.anyValue({
          produce: () => ({
            apiVersion: 'networking.istio.io/v1',
            kind: 'DestinationRule',
            metadata: { name, namespace },
            spec: { host: gatewayHost, exportTo: ['.'], subsets: [...entries.keys()].sort(compareStrings).map((k) => entries.get(k)) },
          }),
        }) as any,
      });
    }
    return subsets;
  }
}
