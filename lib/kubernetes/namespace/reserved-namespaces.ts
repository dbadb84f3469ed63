// Internal: namespace names and labels a HardenedNamespace may not take, because Kubernetes, the platform
// or the library's own add-ons create and manage them (a second owner fails at apply or fights the first).
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import { AGENT_NAMESPACES, SYSTEM_NAMESPACES } from '../exemptions';

/** Namespaces every Kubernetes cluster creates itself; `kube-` is reserved for Kubernetes as a prefix. */
const KUBERNETES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];
const KUBERNETES_PREFIX = 'kube-';

/**
 * Namespaces of AKS features the library leaves off (app routing, run command): AKS owns them when they
 * are on, but they are not system namespaces of the exemption model, so no policy skips them.
 */
const AKS_FEATURE_NAMESPACES = ['aks-command', 'app-routing-system'];

/**
 * Namespaces the platform or the library's add-ons create: the system namespaces of the exemption model
 * (AKS add-ons, Calico, Rancher, Gatekeeper) and the library's agent namespaces (their default names),
 * with the AKS feature namespaces.
 */
const PLATFORM = [...new Set([...SYSTEM_NAMESPACES, ...Object.values(AGENT_NAMESPACES), ...AKS_FEATURE_NAMESPACES])].filter((n) => !KUBERNETES.includes(n)).sort();
const PLATFORM_PREFIX = 'cattle-';

/** Props objects the library's own add-ons create their namespaces with (they may use platform names). */
const LIBRARY_NAMESPACES = new WeakSet<object>();

/** Marks the props of a namespace an add-on of the library creates for itself; returns them. */
export function libraryNamespaceProps<T extends object>(props: T): T {
  LIBRARY_NAMESPACES.add(props);
  return props;
}

/** True for props marked with libraryNamespaceProps. */
export function isLibraryNamespace(props: object): boolean {
  return LIBRARY_NAMESPACES.has(props);
}

/**
 * Throws for a namespace Kubernetes creates (always), a `kube-` name, or one the platform or an add-on owns
 * (the last two unless the library creates the namespace for its own add-on).
 */
export function validateNamespaceName(construct: string, name: string, library: boolean): void {
  if (Token.isUnresolved(name)) {
    return;
  }
  // The library's own kube-bench namespace keeps its upstream name; users get the prefix reserved.
  if (KUBERNETES.includes(name) || (!library && name.startsWith(KUBERNETES_PREFIX))) {
    throw invalidProp(
      construct,
      'name',
      name,
      `a namespace Kubernetes does not create itself (not ${KUBERNETES.join(', ')}, nor any name starting with "${KUBERNETES_PREFIX}")`,
      name === 'default'
        ? 'run workloads in a namespace of their own (CIS AKS 1.8 4.6.3); ClusterBaseline hardenDefaultNamespace already locks "default" down'
        : 'give your workloads a namespace of their own, e.g. "payments"',
    );
  }
  if (!library && (PLATFORM.includes(name) || name.startsWith(PLATFORM_PREFIX))) {
    throw invalidProp(
      construct,
      'name',
      name,
      `a namespace no platform component or add-on of the baseline owns (not ${PLATFORM.join(', ')}, nor "${PLATFORM_PREFIX}*")`,
      'choose another name: this one is created and managed by AKS, Calico, Rancher or an add-on of the baseline',
    );
  }
}

/** Label keys a HardenedNamespace decides itself, or that exempt the namespace from a control. */
const RESERVED_LABELS: Array<{ test: (key: string) => boolean; why: string }> = [
  { test: (k) => k.startsWith('pod-security.kubernetes.io/'), why: 'the Pod Security labels come from podSecurityLevel and podSecurityVersion' },
  { test: (k) => k === 'istio-injection' || k === 'istio.io/rev', why: 'sidecar injection comes from istioInjection and istioRevision (a "disabled" label exempts the namespace from the mesh)' },
  { test: (k) => k === 'admission.gatekeeper.sh/ignore', why: "it exempts the namespace from every Gatekeeper constraint, and Gatekeeper's own webhook refuses it outside its exempt namespaces" },
  { test: (k) => k === 'kubernetes.io/metadata.name', why: 'the API server sets it to the namespace name' },
];

const LABEL_NAME = /^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const LABEL_PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Throws for a label key or value the API server refuses, or a key the namespace decides itself. */
export function validateNamespaceLabel(construct: string, key: string, value: string, library: boolean): void {
  if (Token.isUnresolved(key) || Token.isUnresolved(value)) {
    return;
  }
  const slash = typeof key === 'string' ? key.lastIndexOf('/') : -1;
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (typeof key !== 'string' || !LABEL_NAME.test(name) || (prefix !== undefined && (prefix.length > 253 || !LABEL_PREFIX.test(prefix)))) {
    throw invalidProp(construct, 'labels[].key', key, 'a label key: an optional DNS subdomain prefix and "/", then 1-63 letters, digits, "-", "_" or "." starting and ending alphanumeric', 'use a key such as "team" or "example.com/team"');
  }
  if (typeof value !== 'string' || (value !== '' && !LABEL_NAME.test(value))) {
    throw invalidProp(construct, `labels[${key}].value`, value, 'an empty string or 1-63 letters, digits, "-", "_" or "." starting and ending alphanumeric', 'use a value such as "payments"');
  }
  const reserved = library ? undefined : RESERVED_LABELS.find((r) => r.test(key));
  if (reserved) {
    throw invalidProp(construct, 'labels[].key', key, 'a label the namespace does not decide itself', `remove the label: ${reserved.why}`);
  }
}
