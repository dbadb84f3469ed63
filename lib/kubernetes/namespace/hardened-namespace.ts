import { DefaultServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/default-service-account-v1';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1, NetworkPolicyV1SpecEgress, NetworkPolicyV1SpecIngress } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp, missingProp } from '../../errors';
import { NamespaceTenant } from './namespace-tenant';
import { PodSecurityLevel } from './pod-security';
import { podSecurityLabelValues } from './pod-security-label-values';
import { isLibraryNamespace, validateNamespaceLabel, validateNamespaceName } from './reserved-namespaces';
import { PodSecurityVersion } from './pod-security-version';
import { validatePodSecurityVersion } from './pod-security-version-validation';
import { addTenantRole, validateTenant } from './tenant-role';
import { optionalResources } from '../../optional-resources';
import { libraryScope } from '../../scope';
import { requireStrings, validateDnsLabel } from '../../validation';

/** A namespace label. */
export interface NamespaceLabel {
  /** Label key. */
  readonly key: string;
  /** Label value. */
  readonly value: string;
}

/** Hard limits of a namespace's ResourceQuota (Kubernetes quantities). */
export interface NamespaceResourceQuota {
  /**
   * Sum of CPU requests, e.g. `4`.
   * @default - not limited
   */
  readonly requestsCpu?: string;
  /**
   * Sum of memory requests, e.g. `8Gi`.
   * @default - not limited
   */
  readonly requestsMemory?: string;
  /**
   * Sum of CPU limits.
   * @default - not limited
   */
  readonly limitsCpu?: string;
  /**
   * Sum of memory limits.
   * @default - not limited
   */
  readonly limitsMemory?: string;
  /**
   * Number of pods.
   * @default - not limited
   */
  readonly pods?: number;
}

/** Container defaults of a namespace's LimitRange (Kubernetes quantities). */
export interface NamespaceLimitRange {
  /**
   * CPU request of containers that set none.
   * @default - none
   */
  readonly defaultRequestCpu?: string;
  /**
   * Memory request of containers that set none.
   * @default - none
   */
  readonly defaultRequestMemory?: string;
  /**
   * CPU limit of containers that set none.
   * @default - none
   */
  readonly defaultLimitCpu?: string;
  /**
   * Memory limit of containers that set none.
   * @default - none
   */
  readonly defaultLimitMemory?: string;
}

/** Props of {@link HardenedNamespace}. */
export interface HardenedNamespaceProps {
  /** Namespace name: an RFC 1123 DNS label. */
  readonly name: string;
  /**
   * Pod Security Standards level enforced by Pod Security Admission. Audit and warn are always
   * `restricted`, so anything a looser level admits still shows up.
   * @default PodSecurityLevel.RESTRICTED (CIS AKS 1.8 4.2.1-4.2.5, 4.6.2)
   */
  readonly podSecurityLevel?: PodSecurityLevel;
  /**
   * Pod Security Standards version pinned on the enforce, audit and warn labels. Use the version the
   * baseline's Gatekeeper policies implement (ClusterBaseline passes its own).
   * @default PodSecurityVersion.DEFAULT (v1.36; CIS AKS 1.8 4.2.x: a pinned version keeps an upgrade from loosening admission)
   */
  readonly podSecurityVersion?: PodSecurityVersion;
  /**
   * Whether the namespace's default service account mounts its API token into pods.
   * @default false (CIS AKS 1.8 4.1.5)
   */
  readonly automountDefaultServiceAccountToken?: boolean;
  /**
   * A ResourceQuota for the namespace.
   * @default - no ResourceQuota
   */
  readonly resourceQuota?: NamespaceResourceQuota;
  /**
   * A LimitRange giving containers default requests and limits.
   * @default - no LimitRange
   */
  readonly limitRange?: NamespaceLimitRange;
  /**
   * Istio revision to inject sidecars from (`istio.io/rev` label), e.g. `asm-1-28` on AKS.
   * @default - no revision label
   */
  readonly istioRevision?: string;
  /**
   * Label the namespace `istio-injection=enabled` (default-revision sidecar injection). Ignored when
   * `istioRevision` is set.
   * @default false
   */
  readonly istioInjection?: boolean;
  /**
   * Namespace of the Istio control plane: sidecars may reach istiod there (TCP 15012, 15017).
   * @default - no egress to a mesh control plane
   */
  readonly meshControlPlaneNamespace?: string;
  /**
   * Allow traffic between pods of this namespace.
   * @default false
   */
  readonly allowSameNamespaceTraffic?: boolean;
  /**
   * TCP ports of this namespace's pods that accept traffic from anywhere (admission webhooks called by
   * the API server, mesh control plane ports).
   * @default - none
   */
  readonly ingressTcpPorts?: number[];
  /**
   * TCP ports this namespace's pods may reach anywhere (443/6443 for the API server, whose address the
   * policy sees only after service translation; 443 for vulnerability database downloads).
   * @default - none
   */
  readonly egressTcpPortsToAnywhere?: number[];
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: NamespaceLabel[];
  /**
   * The tenant: Entra ID groups bound to a tenant Role (`hardened-tenant`) that manages workloads, with no
   * access to Secrets, RBAC or pods/exec, attach and port-forward unless opted in.
   * @default - no tenant role or binding
   */
  readonly tenant?: NamespaceTenant;
}

function validPort(construct: string, prop: string, port: number): number {
  if (!Token.isUnresolved(port) && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw invalidProp(construct, prop, port, 'TCP ports 1-65535', 'give whole port numbers such as 443');
  }
  return port;
}

/**
 * A namespace with the baseline's guard rails: Pod Security Admission labels (enforce/audit/warn
 * restricted, pinned version), a default-deny ingress+egress NetworkPolicy that allows DNS (CIS AKS 1.8
 * 4.4.2), a default service account that mounts no token (4.1.5), optional ResourceQuota/LimitRange,
 * Istio injection labels, and for a tenant a Role that manages workloads without Secrets, pod creation or
 * RBAC (4.1.2, 4.1.4) bound to the tenant's Entra ID groups.
 */
export class HardenedNamespace extends Construct {
  /** The namespace name (a reference to the namespace resource, so users depend on it). */
  public readonly namespaceName: string;
  /** The namespace resource. */
  public readonly namespace: NamespaceV1;
  /** The default-deny NetworkPolicy (allows DNS egress only). */
  public readonly defaultDenyPolicy: NetworkPolicyV1;
  /** The enforced Pod Security level. */
  public readonly podSecurityLevel: PodSecurityLevel;
  /** The Pod Security Standards version the labels pin. */
  public readonly podSecurityVersion: PodSecurityVersion;
  /** The tenant Role, when the namespace has a tenant. */
  public readonly tenantRole?: RoleV1;
  /** The RoleBinding of the tenant groups to the tenant Role, when the namespace has a tenant. */
  public readonly tenantRoleBinding?: RoleBindingV1;

  constructor(scope: Construct, id: string, props: HardenedNamespaceProps) {
    super(libraryScope(scope, id, 'HardenedNamespace'), id);
    const construct = `HardenedNamespace ${this.node.path}`;
    if (props === undefined || props === null) {
      throw missingProp(construct, 'props', 'pass HardenedNamespaceProps with at least the name');
    }
    requireStrings(construct, props, ['name']);
    validateDnsLabel(construct, 'name', props.name);
    const library = isLibraryNamespace(props);
    validateNamespaceName(construct, props.name, library);
    const level = props.podSecurityLevel ?? PodSecurityLevel.RESTRICTED;
    if (!Object.values(PodSecurityLevel).includes(level)) {
      throw invalidProp(construct, 'podSecurityLevel', level, Object.values(PodSecurityLevel).join(', '), 'use a PodSecurityLevel member');
    }
    const version = props.podSecurityVersion ?? PodSecurityVersion.DEFAULT;
    validatePodSecurityVersion(construct, 'podSecurityVersion', version);
    if (props.tenant !== undefined) {
      validateTenant(construct, props.tenant);
    }
    this.podSecurityLevel = level;
    this.podSecurityVersion = version;

    const labels: Record<string, string> = {};
    for (const label of props.labels ?? []) {
      validateNamespaceLabel(construct, label?.key, label?.value, library);
      labels[label.key] = label.value;
    }
    Object.assign(labels, podSecurityLabelValues(level, version));
    if (props.istioRevision) {
      labels['istio.io/rev'] = props.istioRevision;
    } else if (props.istioInjection) {
      labels['istio-injection'] = 'enabled';
    }

    this.namespace = new NamespaceV1(this, 'namespace', {
      metadata: { name: props.name, labels: sortedRecord(labels) },
    });
    this.namespaceName = this.namespace.metadata.name;

    if (props.tenant) {
      const tenant = addTenantRole(this, this.namespaceName, props.tenant);
      this.tenantRole = tenant.role;
      this.tenantRoleBinding = tenant.binding;
    }

    new DefaultServiceAccountV1(this, 'default-service-account', {
      metadata: { namespace: this.namespaceName },
      automountServiceAccountToken: props.automountDefaultServiceAccountToken ?? false,
    });

    this.defaultDenyPolicy = new NetworkPolicyV1(this, 'default-deny', {
      metadata: { name: 'default-deny', namespace: this.namespaceName },
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        egress: [
          {
            to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
            ports: [
              { port: '53', protocol: 'UDP' },
              { port: '53', protocol: 'TCP' },
            ],
          },
        ],
      },
    });

    const ingress: NetworkPolicyV1SpecIngress[] = [];
    const egress: NetworkPolicyV1SpecEgress[] = [];
    if (props.allowSameNamespaceTraffic) {
      ingress.push({ from: [{ podSelector: {} }] });
      egress.push({ to: [{ podSelector: {} }] });
    }
    const ingressPorts = (props.ingressTcpPorts ?? []).map((p) => validPort(construct, 'ingressTcpPorts', p));
    if (ingressPorts.length > 0) {
      ingress.push({ ports: ingressPorts.map((p) => ({ port: String(p), protocol: 'TCP' })) });
    }
    const egressPorts = (props.egressTcpPortsToAnywhere ?? []).map((p) => validPort(construct, 'egressTcpPortsToAnywhere', p));
    if (egressPorts.length > 0) {
      egress.push({ ports: egressPorts.map((p) => ({ port: String(p), protocol: 'TCP' })) });
    }
    if (props.meshControlPlaneNamespace) {
      egress.push({
        to: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': props.meshControlPlaneNamespace } } }],
        ports: [
          { port: '15012', protocol: 'TCP' },
          { port: '15017', protocol: 'TCP' },
        ],
      });
    }
    if (ingress.length > 0 || egress.length > 0) {
      const policyTypes = [...(ingress.length ? ['Ingress'] : []), ...(egress.length ? ['Egress'] : [])];
      new NetworkPolicyV1(this, 'baseline-allow', {
        metadata: { name: 'baseline-allow', namespace: this.namespaceName },
        spec: { podSelector: {}, policyTypes, ingress, egress },
      });
    }

    if (props.resourceQuota) {
      const q = props.resourceQuota;
      validateQuantities(construct, 'resourceQuota', { requestsCpu: q.requestsCpu, requestsMemory: q.requestsMemory, limitsCpu: q.limitsCpu, limitsMemory: q.limitsMemory });
      if (q.pods !== undefined && (!Number.isInteger(q.pods) || q.pods < 0)) {
        throw invalidProp(construct, 'resourceQuota.pods', q.pods, 'a whole number of pods, 0 or more', 'give a pod count such as 50');
      }
      const hard = sortedRecord({
        ...(q.requestsCpu ? { 'requests.cpu': q.requestsCpu } : {}),
        ...(q.requestsMemory ? { 'requests.memory': q.requestsMemory } : {}),
        ...(q.limitsCpu ? { 'limits.cpu': q.limitsCpu } : {}),
        ...(q.limitsMemory ? { 'limits.memory': q.limitsMemory } : {}),
        ...(q.pods !== undefined ? { pods: String(q.pods) } : {}),
      });
      const ResourceQuotaV1 = optionalResources.resourceQuotaV1();
      new ResourceQuotaV1(this, 'resource-quota', { metadata: { name: 'baseline-quota', namespace: this.namespaceName }, spec: { hard } });
    }
    if (props.limitRange) {
      const l = props.limitRange;
      validateQuantities(construct, 'limitRange', {
        defaultRequestCpu: l.defaultRequestCpu,
        defaultRequestMemory: l.defaultRequestMemory,
        defaultLimitCpu: l.defaultLimitCpu,
        defaultLimitMemory: l.defaultLimitMemory,
      });
      const LimitRangeV1 = optionalResources.limitRangeV1();
      new LimitRangeV1(this, 'limit-range', {
        metadata: { name: 'baseline-limits', namespace: this.namespaceName },
        spec: {
          limit: [
            {
              type: 'Container',
              defaultRequest: sortedRecord({
                ...(l.defaultRequestCpu ? { cpu: l.defaultRequestCpu } : {}),
                ...(l.defaultRequestMemory ? { memory: l.defaultRequestMemory } : {}),
              }),
              default: sortedRecord({
                ...(l.defaultLimitCpu ? { cpu: l.defaultLimitCpu } : {}),
                ...(l.defaultLimitMemory ? { memory: l.defaultLimitMemory } : {}),
              }),
            },
          ],
        },
      });
    }
  }
}

const QUANTITY = /^[0-9]+(\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** Kubernetes resource quantities such as `500m`, `2` or `4Gi`. */
function validateQuantities(construct: string, prop: string, values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && !Token.isUnresolved(value) && (typeof value !== 'string' || !QUANTITY.test(value))) {
      throw invalidProp(construct, `${prop}.${key}`, value, 'a Kubernetes quantity such as "500m", "2" or "4Gi"', 'write CPU in cores or millicores and memory with a binary suffix');
    }
  }
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) {
    out[key] = record[key];
  }
  return out;
}
