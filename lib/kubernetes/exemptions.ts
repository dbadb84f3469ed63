// Internal: the one exemption model of the library. A fixed list of system namespaces (the platform's
// own) that user lists extend and never replace; the namespaces the library creates for its own agents,
// the only ones its built-in waivers and exclusions cover; and every other namespace, which may hold
// workloads, so exempting it from a policy is a finding that needs a waiver. Wildcards are refused
// (exemption-validation.ts): an exemption names what it exempts. Facts only, no cdktf: the compliance
// rules read them, in the check command too.
import { compareStrings } from '../ordering';
import { KubernetesDistribution } from './cluster';

/** Namespaces of Kubernetes itself. */
const KUBERNETES_NAMESPACES = ['kube-node-lease', 'kube-public', 'kube-system'];
/** Namespaces of the CNIs the library configures (Calico, through the Tigera operator). */
const CNI_NAMESPACES = ['calico-apiserver', 'calico-system', 'tigera-operator'];
/** Root namespace of the AKS managed Istio add-on: its control plane and the mesh-wide policies. */
export const MANAGED_MESH_ROOT_NAMESPACE = 'aks-istio-system';
/** Root namespace of Istio installed with Helm by the library. */
export const HELM_MESH_ROOT_NAMESPACE = 'istio-system';
/** The mesh root namespaces: where mesh-wide PeerAuthentication and AuthorizationPolicy live. */
export const MESH_ROOT_NAMESPACES: readonly string[] = [MANAGED_MESH_ROOT_NAMESPACE, HELM_MESH_ROOT_NAMESPACE];
/** Namespaces of the AKS managed add-ons (the managed Istio mesh and its gateways). */
const AKS_NAMESPACES = ['aks-istio-egress', 'aks-istio-ingress', MANAGED_MESH_ROOT_NAMESPACE];
/** Namespaces of Rancher's agents and operators on the clusters it manages or imports. */
const RANCHER_NAMESPACES = [
  'cattle-fleet-system',
  'cattle-impersonation-system',
  'cattle-provisioning-capi-system',
  'cattle-system',
  'cis-operator-system',
  'compliance-operator-system',
];

/** The namespaces RKE2's Pod Security admission configuration exempts, as Rancher's rancher-restricted template does. */
export const RKE2_SYSTEM_NAMESPACES: readonly string[] = sorted([...KUBERNETES_NAMESPACES, ...CNI_NAMESPACES, ...RANCHER_NAMESPACES]);

/** The system namespaces of every cluster: Kubernetes', the CNIs' and Gatekeeper's own. */
const COMMON_NAMESPACES = [...KUBERNETES_NAMESPACES, ...CNI_NAMESPACES, 'gatekeeper-system'];

/**
 * Every system namespace the library knows: Kubernetes, the CNIs, AKS, Rancher and Gatekeeper's own.
 * What counts for one cluster is `systemNamespaces(distribution)`; a rule that judges an exemption
 * without knowing the cluster takes this whole list.
 */
export const SYSTEM_NAMESPACES: readonly string[] = sorted([...COMMON_NAMESPACES, ...AKS_NAMESPACES, ...RANCHER_NAMESPACES]);

/**
 * The system namespaces of a cluster, which its constraints skip: the common ones, AKS's managed add-ons
 * on AKS, Rancher's agents on RKE2 (a name of another platform's list is an ordinary namespace there, so
 * nobody can squat it into an exemption). What a user adds extends this list and never replaces it.
 */
export function systemNamespaces(distribution: KubernetesDistribution): string[] {
  const platform = distribution === KubernetesDistribution.AKS ? AKS_NAMESPACES : distribution === KubernetesDistribution.RKE2 ? RANCHER_NAMESPACES : [];
  return sorted([...COMMON_NAMESPACES, ...platform]);
}

/**
 * The namespaces the library creates for its own agents, by add-on id: the only namespaces its built-in
 * waivers (Pod Security privileged for node agents) and its own constraint exclusions cover. An add-on
 * given another namespace gets neither: that namespace may hold workloads.
 */
export const AGENT_NAMESPACES: Readonly<Record<string, string>> = {
  'falco': 'falco',
  'istio': HELM_MESH_ROOT_NAMESPACE,
  'kube-bench': 'kube-bench',
  'trivy-operator': 'trivy-system',
};

const AGENTS = new Set(Object.values(AGENT_NAMESPACES));

/** True for a system namespace (the platform's own). */
export function isSystemNamespace(name: string): boolean {
  return SYSTEM_NAMESPACES.includes(name);
}

/** True for a namespace the library creates for one of its own agents. */
export function isAgentNamespace(name: string): boolean {
  return AGENTS.has(name);
}

/** True when `name` is the namespace the library creates for the add-on `addonId` (not one the user chose). */
export function isOwnAgentNamespace(addonId: string, name: string): boolean {
  return AGENT_NAMESPACES[addonId] === name;
}

/**
 * The entries of an exemption list that may hold workloads: neither a system namespace nor one of the
 * library's agent namespaces. Exempting one needs a waiver.
 */
export function workloadNamespaces(exempted: readonly unknown[]): string[] {
  return sorted(exempted.map(String).filter((n) => !isSystemNamespace(n) && !isAgentNamespace(n)));
}

/** A cluster's system namespaces plus the given lists, sorted and without repeats: user lists extend, never replace. */
export function withSystemNamespaces(distribution: KubernetesDistribution, ...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  return sorted([...systemNamespaces(distribution), ...lists.flatMap((l) => l ?? [])]);
}

function sorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareStrings);
}
