import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Manifest } from '@cdktf/provider-kubernetes/lib/manifest';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp } from '../../../errors';
import { IKubernetesCluster } from '../../cluster';
import { HELM_MESH_ROOT_NAMESPACE, MANAGED_MESH_ROOT_NAMESPACE } from '../../exemptions';
import { HardenedNamespace } from '../../namespace/hardened-namespace';
import { libraryNamespaceProps } from '../../namespace/reserved-namespaces';
import { AddonInstallContext, IClusterAddon } from '../addon';
import { HardenedHelmRelease } from '../hardened-helm-release';
import { HelmValues } from '../helm-values';
import { ISTIO_BASE_HARDENING, ISTIO_CNI_HARDENING, ISTIOD_HARDENING } from './hardening';
import { foldLegacyPilotValues } from './istiod-values';
import { IstioVersion } from './istio-version';
import { MeshAllowRule } from './mesh-authorization';
import { MeshEgressRule } from './mesh-egress';
import { MeshIngressRule } from './mesh-ingress';
import { meshNamespaces } from './mesh-namespaces';
import { MeshRateLimit } from './mesh-rate-limit';
import { MeshTraffic } from './mesh-traffic';
import { renderAllowRule } from './render-allow-rule';
import { renderEgressRule } from './render-egress-rule';
import { renderIngressRule } from './render-ingress-rule';
import { renderRateLimit } from './render-rate-limit';
import { TrafficRendering } from './traffic-objects';
import { compareStrings } from '../../../ordering';

/** Where sidecars may send traffic that leaves the mesh. */
export enum MeshOutboundTrafficPolicy {
  /** Only to services in the mesh registry (Kubernetes services and ServiceEntries). */
  REGISTRY_ONLY = 'REGISTRY_ONLY',
  /** Anywhere (Istio's own default). */
  ALLOW_ANY = 'ALLOW_ANY',
}

/** Props of {@link IstioAddon}. */
export interface IstioAddonProps {
  /**
   * Istio version when installed with Helm (ignored with the AKS managed add-on).
   * @default IstioVersion.V1_30_3
   */
  readonly version?: IstioVersion;
  /**
   * Istio revision of a Helm install (namespaces then get `istio.io/rev`).
   * @default - the default revision (namespaces get `istio-injection=enabled`)
   */
  readonly revision?: string;
  /**
   * Outbound traffic policy of the sidecars.
   * @default MeshOutboundTrafficPolicy.REGISTRY_ONLY
   */
  readonly outboundTrafficPolicy?: MeshOutboundTrafficPolicy;
  /**
   * Service-to-service paths allowed through the allow-nothing baseline.
   * @default - none: every request to a meshed workload is denied until allowed
   */
  readonly allowRules?: MeshAllowRule[];
  /**
   * External hosts the workloads of given namespaces may reach (ServiceEntry, Sidecar and NetworkPolicy
   * egress from one declaration). The namespaces must exist in the mesh first (ClusterBaseline `namespaces`).
   * @default - none: with REGISTRY_ONLY no meshed workload reaches anything outside the cluster
   */
  readonly egressRules?: MeshEgressRule[];
  /**
   * Traffic from the ingress path (Application Gateway subnet or Istio ingress gateway) to the services routes
   * name (AuthorizationPolicy and NetworkPolicy ingress from one declaration).
   * @default - none: no meshed workload accepts traffic from outside the mesh
   */
  readonly ingressRules?: MeshIngressRule[];
  /**
   * Per-workload local rate limits enforced by the sidecars (EnvoyFilter).
   * @default - none
   */
  readonly rateLimits?: MeshRateLimit[];
  /**
   * Accept EnvoyFilters (the mesh rate limits) on the AKS managed Istio add-on, which admits them but leaves
   * problems arising from them outside Azure support.
   * @default false (rate limits on the managed add-on are refused)
   */
  readonly allowEnvoyFiltersOnManagedMesh?: boolean;
  /**
   * SPIFFE trust domain of the mesh.
   * @default 'cluster.local'
   */
  readonly trustDomain?: string;
  /**
   * Raw values for the istiod chart, merged last (Helm install only). Keys under the chart's legacy
   * `pilot` prefix are moved to the top level first, as the chart itself does (`pilot` winning).
   * @default - none
   */
  readonly istiodValues?: any;
}

const MANAGED_ROOT_NAMESPACE = MANAGED_MESH_ROOT_NAMESPACE;
const HELM_ROOT_NAMESPACE = HELM_MESH_ROOT_NAMESPACE;
const REVISION = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Istio with mesh-wide strict mTLS and an allow-nothing authorization baseline. On AKS with the managed
 * add-on (`cluster.managedIstioRevision`) only the mesh objects are created; elsewhere the `base`,
 * `istiod` and `cni` charts are installed, pinned.
 */
export class IstioAddon implements IClusterAddon {
  /** Stable id of this add-on. */
  public static readonly ID = 'istio';
  /** Registry of the AKS managed mesh's sidecar images. */
  public static readonly MANAGED_SIDECAR_REGISTRY = 'mcr.microsoft.com/oss/istio/';
  /** Registry of upstream Istio's sidecar images. */
  public static readonly UPSTREAM_SIDECAR_REGISTRY = 'docker.io/istio/';

  public readonly addonId = IstioAddon.ID;
  public readonly dependencies: string[] = [];
  public readonly conflicts: string[] = [];
  private readonly props: IstioAddonProps;
  private readonly allowRules: MeshAllowRule[] = [];
  private readonly pending: Array<(context: AddonInstallContext) => void> = [];
  private installed?: { context: AddonInstallContext; mesh: Construct; traffic: MeshTraffic };

  constructor(props?: IstioAddonProps) {
    // null from a JavaScript caller means "not given", as undefined does.
    props = props ?? {};
    if (props.revision !== undefined && !REVISION.test(props.revision)) {
      throw invalidProp('IstioAddon', 'revision', props.revision, 'a DNS label such as "1-30-3"', 'use lower-case letters, digits and "-"');
    }
    const policy = props.outboundTrafficPolicy;
    if (policy !== undefined && !Object.values(MeshOutboundTrafficPolicy).includes(policy)) {
      throw invalidProp('IstioAddon', 'outboundTrafficPolicy', policy, Object.values(MeshOutboundTrafficPolicy).join(', '), 'use a MeshOutboundTrafficPolicy member');
    }
    this.props = props;
    (props.allowRules ?? []).forEach((r) => this.allow(r));
    (props.egressRules ?? []).forEach((r) => this.allowEgress(r));
    (props.ingressRules ?? []).forEach((r) => this.allowIngress(r));
    (props.rateLimits ?? []).forEach((r) => this.limitRate(r));
  }

  /** Allows a service-to-service path through the allow-nothing baseline. */
  public allow(rule: MeshAllowRule): void {
    renderAllowRule(rule, this.trustDomain);
    if (this.allowRules.some((r) => r.name === rule.name && r.namespace === rule.namespace)) {
      throw invalidProp('IstioAddon', 'allowRules[].name', `${rule.namespace}/${rule.name}`, 'one rule per name and namespace', 'give the rule another name');
    }
    this.allowRules.push(rule);
    if (this.installed) {
      this.renderAllow(this.installed.mesh, rule);
    }
  }

  /**
   * Lets the workloads of the rule's namespaces reach one external host (created at once when the mesh is
   * installed, else when it is). The namespaces must already be in the mesh.
   */
  public allowEgress(rule: MeshEgressRule): void {
    this.whenInstalled((context) => renderEgressRule(rule, this.covered(context)), `MeshEgressRule ${rule?.name}`);
  }

  /** Lets the ingress path reach the workloads of one service a route names, on its ports, and nothing else. */
  public allowIngress(rule: MeshIngressRule): void {
    this.whenInstalled((context) => renderIngressRule(rule, this.covered(context), this.trustDomain), `MeshIngressRule ${rule?.name}`);
  }

  /**
   * Limits the inbound HTTP requests of some workloads, per pod (EnvoyFilter). On the AKS managed add-on only
   * with `allowEnvoyFiltersOnManagedMesh`.
   */
  public limitRate(limit: MeshRateLimit): void {
    this.whenInstalled((context) => {
      this.checkEnvoyFilterSupport(context, `MeshRateLimit ${limit?.name}`);
      return renderRateLimit(limit, this.covered(context));
    }, `MeshRateLimit ${limit?.name}`);
  }

  /** Namespace holding the mesh control plane and the mesh-wide policies. */
  public rootNamespace(cluster: IKubernetesCluster): string {
    return cluster.managedIstioRevision ? MANAGED_ROOT_NAMESPACE : HELM_ROOT_NAMESPACE;
  }

  /** Revision that namespaces label with `istio.io/rev`, or undefined for `istio-injection=enabled`. */
  public injectionRevision(cluster: IKubernetesCluster): string | undefined {
    return cluster.managedIstioRevision ?? this.props.revision;
  }

  /** Registry the injected sidecar images come from (approved for workloads by the baseline). */
  public sidecarRegistry(cluster: IKubernetesCluster): string {
    return cluster.managedIstioRevision ? IstioAddon.MANAGED_SIDECAR_REGISTRY : IstioAddon.UPSTREAM_SIDECAR_REGISTRY;
  }

  private get trustDomain(): string {
    return this.props.trustDomain ?? 'cluster.local';
  }

  /** Renders a traffic rule now if the mesh is installed, else at install (in the order given). */
  private whenInstalled(render: (context: AddonInstallContext) => TrafficRendering, owner: string): void {
    const create = (context: AddonInstallContext) => this.installed!.traffic.add(render(context), owner);
    if (this.installed) {
      create(this.installed.context);
    } else {
      this.pending.push(create);
    }
  }

  /** Namespaces labelled for this mesh's injection in the baseline's charts stack. */
  private covered(context: AddonInstallContext): Set<string> {
    return meshNamespaces(context.chartScope, this.injectionRevision(context.cluster));
  }

  /**
   * The AKS managed add-on admits EnvoyFilter but Azure support does not cover it (its webhooks block
   * ProxyConfig, WorkloadEntry, WorkloadGroup, IstioOperator and WasmPlugin): an explicit choice.
   */
  private checkEnvoyFilterSupport(context: AddonInstallContext, owner: string): void {
    if (!context.cluster.managedIstioRevision) {
      return;
    }
    if (!this.props.allowEnvoyFiltersOnManagedMesh) {
      throw invalidProp(
        owner,
        'IstioAddonProps.allowEnvoyFiltersOnManagedMesh',
        false,
        'true to run an EnvoyFilter on the AKS managed Istio add-on, which admits EnvoyFilters but leaves issues arising from them outside Azure support (WasmPlugin-based limits are blocked by the add-on)',
        'rate-limit at the edge with TlsIngressGateway rateLimitRules (supported), or set allowEnvoyFiltersOnManagedMesh: true to accept an unsupported EnvoyFilter',
      );
    }
    Annotations.of(context.objectScope).addWarning(
      `[istio-envoyfilter-unsupported] ${owner}: an EnvoyFilter on the AKS managed Istio add-on runs, but Azure support does not cover issues arising from it`,
    );
  }

  public install(context: AddonInstallContext): void {
    const cluster = context.cluster;
    const root = this.rootNamespace(cluster);
    const outbound = this.props.outboundTrafficPolicy ?? MeshOutboundTrafficPolicy.REGISTRY_ONLY;
    if (cluster.managedIstioRevision) {
      this.configureManagedMesh(context.chartScope, cluster.managedIstioRevision, outbound);
    } else {
      this.installCharts(context, outbound);
    }

    const mesh = new Construct(context.objectScope, 'istio-mesh');
    new Manifest(mesh, 'mtls-strict', {
      manifest: {
        apiVersion: 'security.istio.io/v1',
        kind: 'PeerAuthentication',
        metadata: { name: 'default', namespace: root },
        spec: { mtls: { mode: 'STRICT' } },
      },
    });
    new Manifest(mesh, 'allow-nothing', {
      manifest: {
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        metadata: { name: 'allow-nothing', namespace: root },
        spec: {},
      },
    });
    for (const rule of [...this.allowRules].sort((a, b) => compareStrings(`${a.namespace}/${a.name}`, `${b.namespace}/${b.name}`))) {
      this.renderAllow(mesh, rule);
    }
    this.installed = { context, mesh, traffic: new MeshTraffic(new Construct(mesh, 'traffic'), root) };
    this.pending.splice(0).forEach((create) => create(context));
  }

  private renderAllow(mesh: Construct, rule: MeshAllowRule): void {
    new Manifest(mesh, `allow-${rule.namespace}-${rule.name}`, { manifest: renderAllowRule(rule, this.trustDomain) });
  }

  /** The managed add-on reads mesh settings from a shared ConfigMap; its own defaults are PERMISSIVE/ALLOW_ANY. */
  private configureManagedMesh(scope: Construct, revision: string, outbound: MeshOutboundTrafficPolicy): void {
    // Written for ALLOW_ANY too: the istio-outbound-registry-only rule judges the mode the add-on reads.
    new ConfigMapV1(scope, 'istio-shared-mesh-config', {
      metadata: { name: `istio-shared-configmap-${revision}`, namespace: MANAGED_ROOT_NAMESPACE },
      data: { mesh: `outboundTrafficPolicy:\n  mode: ${outbound}\n` },
    });
  }

  private installCharts(context: AddonInstallContext, outbound: MeshOutboundTrafficPolicy): void {
    const scope = context.chartScope;
    const version = this.props.version ?? IstioVersion.V1_30_3;
    const namespace = new HardenedNamespace(scope, 'istio-namespace', libraryNamespaceProps({
      name: HELM_ROOT_NAMESPACE,
      podSecurityVersion: context.podSecurityVersion,
      allowSameNamespaceTraffic: true,
      // 15012 xDS and certificates for sidecars, 15017 injection/validation webhooks, 15014 monitoring.
      ingressTcpPorts: [15012, 15014, 15017],
      egressTcpPortsToAnywhere: [443, 6443],
    }));
    const base = new HardenedHelmRelease(scope, 'istio-base', {
      pin: version.base(),
      releaseName: 'istio-base',
      namespace: namespace.namespaceName,
      hardenedValues: HelmValues.resolve(HelmValues.fromKeys(ISTIO_BASE_HARDENING), { defaultRevision: this.props.revision ?? 'default' }),
    });
    // The CNI node agent is privileged by design and belongs in kube-system (system-node-critical priority).
    new HardenedHelmRelease(scope, 'istio-cni', {
      pin: version.cni(),
      releaseName: 'istio-cni',
      namespace: 'kube-system',
      hardenedValues: HelmValues.resolve(HelmValues.fromKeys(ISTIO_CNI_HARDENING), this.props.revision ? { revision: this.props.revision } : {}),
      dependsOn: [base.release],
    });
    const userValues = foldLegacyPilotValues(this.props.istiodValues);
    if (userValues.legacyKeys.length) {
      Annotations.of(scope).addWarning(
        `[istiod-legacy-pilot-values] istiodValues ${userValues.legacyKeys.join(', ')}: the istiod chart reads these at the top level (the pilot prefix is a legacy alias); they are written there`,
      );
    }
    new HardenedHelmRelease(scope, 'istiod', {
      pin: version,
      releaseName: 'istiod',
      namespace: namespace.namespaceName,
      hardenedValues: HelmValues.resolve(HelmValues.fromKeys(ISTIOD_HARDENING), { meshConfig: { trustDomain: this.trustDomain } }),
      typedValues: {
        meshConfig: { outboundTrafficPolicy: { mode: outbound } },
        ...(this.props.revision ? { revision: this.props.revision } : {}),
      },
      userValues: userValues.values,
      dependsOn: [base.release],
    });
  }
}
