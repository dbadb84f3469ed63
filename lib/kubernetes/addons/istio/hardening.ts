import { HardeningKey } from '../helm-values';

// Keys of the Istio 1.30.3 charts (manifests/charts/{base,istio-control/istio-discovery,istio-cni}) that let
// traffic bypass the sidecars, exempt pods from injection or validation, or widen what the pods may do.

const bypass = (path: string, value: string, what: string): HardeningKey => ({
  path,
  value,
  reason: `${what} bypasses the sidecar, so it escapes STRICT mTLS and the allow-nothing authorization baseline`,
});

/** Values of the istiod chart that keep the mesh hardened. */
export const ISTIOD_HARDENING: HardeningKey[] = [
  {
    // The chart's key since Istio 1.24; `pilot.cni.enabled` is only a legacy alias (see istiod-values.ts).
    path: 'cni.enabled',
    value: true,
    reason: 'traffic redirection by the Istio CNI node agent: sidecars need no NET_ADMIN init container, so meshed pods pass Pod Security restricted',
  },
  { path: 'global.proxy.privileged', value: false, reason: 'sidecars never run privileged (CIS AKS 1.8 4.2.1)' },
  {
    path: 'meshConfig.outboundTrafficPolicy.mode',
    value: 'REGISTRY_ONLY',
    reason: 'sidecars reach only services in the mesh registry (ServiceEntry for anything external)',
  },
  bypass('global.proxy.includeIPRanges', '*', 'outbound traffic to addresses outside the included ranges'),
  bypass('global.proxy.excludeIPRanges', '', 'outbound traffic to excluded addresses'),
  bypass('global.proxy.includeInboundPorts', '*', 'inbound traffic to ports outside the included ones'),
  bypass('global.proxy.excludeInboundPorts', '', 'inbound traffic to excluded ports'),
  bypass('global.proxy.excludeOutboundPorts', '', 'outbound traffic to excluded ports'),
  {
    path: 'sidecarInjectorWebhook.neverInjectSelector',
    value: [],
    reason: 'no pod is exempt from sidecar injection by label (an uninjected pod has no mTLS identity and no authorization)',
  },
  { path: 'sidecarInjectorWebhook.templates', value: {}, reason: "sidecars come from Istio's own injection templates (a custom one can add any container)" },
  { path: 'sidecarInjectorWebhook.defaultTemplates', value: [], reason: "sidecars come from Istio's default template" },
  { path: 'global.configValidation', value: true, reason: 'the validation webhook rejects malformed PeerAuthentication and AuthorizationPolicy objects' },
  { path: 'base.validationURL', value: '', reason: 'the API server validates Istio objects with istiod, not with a URL elsewhere' },
  { path: 'istiodRemote.injectionURL', value: '', reason: 'pods are injected by this istiod, not sent to an injector elsewhere' },
  { path: 'gateways.securityContext', value: {}, reason: "gateway pods injected from istiod's gateway template keep its security context" },
  { path: 'seccompProfile', value: { type: 'RuntimeDefault' }, reason: 'istiod runs with the RuntimeDefault seccomp profile (Pod Security restricted)' },
  { path: 'volumes', value: [], reason: 'no extra volumes in istiod (a hostPath volume would expose the node)' },
  { path: 'volumeMounts', value: [], reason: 'no extra volume mounts in istiod' },
  { path: 'initContainers', value: [], reason: 'no extra init containers in istiod' },
];

/** Values of the Istio base chart (CRDs and the validation webhook) that keep validation in the cluster. */
export const ISTIO_BASE_HARDENING: HardeningKey[] = [
  { path: 'base.validationURL', value: '', reason: 'the API server validates Istio objects with istiod, not with a URL elsewhere' },
];

/** Values of the Istio CNI chart (a privileged node agent by design) that keep it from exempting pods. */
export const ISTIO_CNI_HARDENING: HardeningKey[] = [
  {
    path: 'excludeNamespaces',
    value: ['kube-system'],
    reason: 'pods of every namespace but kube-system get their traffic redirected to the sidecar (an excluded namespace bypasses the mesh)',
  },
  { path: 'ambient.shareHostNetworkNamespace', value: false, reason: "the node agent stays out of the node's network namespace" },
  { path: 'cniBinDir', value: '/opt/cni/bin', reason: 'the agent writes its plugin only to the CNI binary directory of the node' },
  { path: 'cniConfDir', value: '/etc/cni/net.d', reason: 'the agent writes only to the CNI configuration directory of the node' },
  { path: 'cniNetnsDir', value: '/var/run/netns', reason: 'the agent mounts only the network namespace directory of the node' },
];
