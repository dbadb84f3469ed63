import { Token } from 'cdktf';
import { invalidProp } from '../../../errors';
import { parseCidr } from '../../../azure/network/cidr';
import { validateDnsLabel } from '../../../validation';
import { MeshWorkloadLabel } from './mesh-authorization';
import { validCidr } from './traffic-validation';

/** The widest subnet an Application Gateway source may be: its ports accept plain connections from all of it. */
const WIDEST_GATEWAY_SUBNET_PREFIX = 16;

/** How traffic from outside the cluster reaches meshed workloads. */
export enum MeshIngressPath {
  /** The Application Gateway (AGIC) sends to pod IPs from its subnet, without Istio mutual TLS. */
  APPLICATION_GATEWAY = 'application-gateway',
  /** An Istio ingress gateway forwards over mutual TLS with its own identity. */
  ISTIO_INGRESS_GATEWAY = 'istio-ingress-gateway',
}

/** Where a route's traffic comes from: the Application Gateway's subnet, or an Istio ingress gateway's identity. */
export class MeshIngressSource {
  /**
   * The Application Gateway (AGIC) of the given subnet (e.g. the default `10.240.8.0/24` of `AksNetwork`). It
   * cannot speak Istio mutual TLS, so the route's ports accept plain connections, from that subnet only;
   * a range wider than /16 (a whole VNet, `0.0.0.0/0`) is refused.
   */
  public static applicationGatewaySubnet(cidr: string): MeshIngressSource {
    if (!Token.isUnresolved(cidr) && (typeof cidr !== 'string' || !parseCidr(cidr))) {
      throw invalidProp('MeshIngressSource.applicationGatewaySubnet', 'cidr', cidr, 'the IPv4 CIDR of the gateway subnet, host bits zero', 'pass the applicationGatewaySubnetCidr of AksNetwork, e.g. "10.240.8.0/24"');
    }
    // Plain connections are accepted from every address of the range: a VNet or the Internet is not a gateway subnet.
    validCidr('MeshIngressSource.applicationGatewaySubnet', 'cidr', cidr, WIDEST_GATEWAY_SUBNET_PREFIX, 'pass the Application Gateway\'s own subnet, e.g. the applicationGatewaySubnetCidr of AksNetwork ("10.240.8.0/24")');
    return new MeshIngressSource(MeshIngressPath.APPLICATION_GATEWAY, { cidr });
  }

  /** An Istio ingress gateway, by the namespace and service account of its pods (its mTLS identity). */
  public static istioIngressGateway(namespace: string, serviceAccount: string, podLabels?: MeshWorkloadLabel[]): MeshIngressSource {
    validateDnsLabel('MeshIngressSource.istioIngressGateway', 'namespace', namespace);
    validateDnsLabel('MeshIngressSource.istioIngressGateway', 'serviceAccount', serviceAccount);
    return new MeshIngressSource(MeshIngressPath.ISTIO_INGRESS_GATEWAY, { namespace, serviceAccount, podLabels: [...(podLabels ?? [])] });
  }

  /** The ingress path. */
  public readonly path: MeshIngressPath;
  /** The gateway subnet (APPLICATION_GATEWAY). */
  public readonly cidr?: string;
  /** Namespace of the gateway (ISTIO_INGRESS_GATEWAY). */
  public readonly namespace?: string;
  /** Service account of the gateway (ISTIO_INGRESS_GATEWAY). */
  public readonly serviceAccount?: string;
  /** Labels of the gateway's pods (ISTIO_INGRESS_GATEWAY; none: every pod of its namespace). */
  public readonly podLabels: MeshWorkloadLabel[];

  private constructor(path: MeshIngressPath, of: { cidr?: string; namespace?: string; serviceAccount?: string; podLabels?: MeshWorkloadLabel[] }) {
    this.path = path;
    this.cidr = of.cidr;
    this.namespace = of.namespace;
    this.serviceAccount = of.serviceAccount;
    this.podLabels = of.podLabels ?? [];
  }
}

/**
 * Traffic from the ingress path to the workloads of one service a route names, and to nothing else: an
 * ALLOW AuthorizationPolicy through the allow-nothing baseline and a NetworkPolicy ingress rule out of the
 * namespace's default-deny, from the same source to the same ports.
 */
export interface MeshIngressRule {
  /** Rule name (a DNS label), unique in the namespace; the objects are named `ingress-<name>`. */
  readonly name: string;
  /** Namespace of the service (in the mesh). */
  readonly namespace: string;
  /** Labels selecting the service's pods (its selector); at least one. */
  readonly workloadLabels: MeshWorkloadLabel[];
  /** Container ports the service targets (1-65535); at least one. */
  readonly ports: number[];
  /** Where the traffic comes from. */
  readonly source: MeshIngressSource;
  /**
   * HTTP paths (exact, prefix `/api/*` or suffix `*.js`).
   * @default - any path
   */
  readonly paths?: string[];
  /**
   * HTTP methods, e.g. `GET`.
   * @default - any method
   */
  readonly methods?: string[];
}
