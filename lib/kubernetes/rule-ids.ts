// Internal: ids of the kubernetes compliance rules constructs refer to (built-in waivers).

/** Rule: namespaces enforce Pod Security restricted. */
export const POD_SECURITY_RULE_ID = 'k8s-namespace-pod-security';

/** Rule: Istio PeerAuthentication policies require mutual TLS on every port. */
export const ISTIO_MTLS_RULE_ID = 'istio-peer-authentication-strict';
