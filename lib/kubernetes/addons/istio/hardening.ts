import { HardeningKey } from '../helm-values';

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
];

