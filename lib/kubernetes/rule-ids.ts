// Internal: ids of the kubernetes compliance rules constructs refer to (built-in waivers).

/** Rule: namespaces enforce Pod Security restricted. */
export const POD_SECURITY_RULE_ID = 'k8s-namespace-pod-security';
