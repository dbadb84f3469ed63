// Cross-field checks that Istio 1.30 makes when it admits an object (the CRDs' CEL validations and
// istiod's validating webhook) and that the structural schemas of kubernetes-models cannot express.
// Each check states one fact read in Istio's pkg/config/validation and the base chart's CRDs at 1.30.3;
// an object failing one is refused by the API server, so Terraform applies nothing.

const has = (o, k) => o !== null && typeof o === 'object' && o[k] !== undefined;
const labelsOf = (selector) => (has(selector, 'matchLabels') ? selector.matchLabels : {});

/** Label selectors: no empty keys, no wildcards (AuthorizationPolicy, PeerAuthentication, DestinationRule). */
function selectorProblems(selector, where) {
  const problems = [];
  for (const [key, value] of Object.entries(labelsOf(selector))) {
    if (key === '' || key.includes('*') || String(value).includes('*')) {
      problems.push(`${where}: label ${JSON.stringify(key)}=${JSON.stringify(value)} is empty or a wildcard`);
    }
  }
  return problems;
}

const CHECKS = {
  ServiceEntry(spec) {
    const problems = [];
    const resolution = spec.resolution ?? 'NONE';
    if ((spec.addresses ?? []).some((a) => a.includes('/')) && !['NONE', 'STATIC'].includes(resolution)) {
      problems.push(`CIDR addresses need resolution NONE or STATIC, not ${resolution}`);
    }
    if (resolution === 'NONE' && has(spec, 'endpoints')) {
      problems.push('resolution NONE takes no endpoints');
    }
    if (has(spec, 'workloadSelector') && has(spec, 'endpoints')) {
      problems.push('workloadSelector and endpoints are exclusive');
    }
    if ((spec.hosts ?? []).includes('*')) {
      problems.push('a host may not be "*"');
    }
    if (['DNS', 'DNS_ROUND_ROBIN'].includes(resolution) && !has(spec, 'endpoints') && (spec.hosts ?? []).some((h) => h.includes('*'))) {
      problems.push(`resolution ${resolution} without endpoints needs host names, not wildcards`);
    }
    const ports = spec.ports ?? [];
    if (new Set(ports.map((p) => p.number)).size !== ports.length || new Set(ports.map((p) => p.name)).size !== ports.length) {
      problems.push('port numbers and names must be unique');
    }
    return problems;
  },
  Sidecar(spec) {
    const problems = [];
    for (const [i, egress] of (spec.egress ?? []).entries()) {
      if (!egress.port && i !== spec.egress.length - 1) {
        problems.push('the egress listener without a port must be the last');
      }
      for (const host of egress.hosts ?? []) {
        if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?|\*|~|\.)\/(\*|(\*\.)?[a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/.test(host)) {
          problems.push(`egress host ${JSON.stringify(host)} is not "<namespace>/<host>"`);
        }
      }
    }
    if (has(spec.outboundTrafficPolicy, 'egressProxy') && spec.outboundTrafficPolicy.mode !== 'ALLOW_ANY') {
      problems.push('egressProxy needs outboundTrafficPolicy ALLOW_ANY');
    }
    return problems;
  },
  VirtualService(spec) {
    const problems = [];
    const hosts = spec.hosts ?? [];
    const covers = (sni) => hosts.some((h) => h === sni || (h.startsWith('*') && sni.endsWith(h.slice(1))));
    const gateways = spec.gateways ?? ['mesh'];
    for (const route of [...(spec.tls ?? []), ...(spec.tcp ?? []), ...(spec.http ?? [])]) {
      for (const match of route.match ?? []) {
        for (const gateway of match.gateways ?? []) {
          if (!gateways.includes(gateway)) {
            problems.push(`match gateway ${gateway} is not among the VirtualService's gateways`);
          }
        }
      }
    }
    for (const route of spec.tls ?? []) {
      if (!route.match?.length || !route.route?.length) {
        problems.push('a TLS route needs a match and a route');
      }
      for (const match of route.match ?? []) {
        if (!match.sniHosts?.length) {
          problems.push('a TLS match needs sniHosts');
        }
        for (const sni of match.sniHosts ?? []) {
          if (!covers(sni)) {
            problems.push(`SNI host ${sni} is not one of the hosts ${hosts.join(', ')}`);
          }
        }
      }
    }
    return problems;
  },
  DestinationRule(spec) {
    return selectorProblems(spec.workloadSelector, 'workloadSelector');
  },
  AuthorizationPolicy(spec) {
    const problems = selectorProblems(spec.selector, 'selector');
    if (['selector', 'targetRef', 'targetRefs'].filter((k) => has(spec, k)).length > 1) {
      problems.push('selector, targetRef and targetRefs are exclusive');
    }
    for (const rule of spec.rules ?? []) {
      for (const { source } of rule.from ?? []) {
        if ((has(source, 'serviceAccounts') || has(source, 'notServiceAccounts')) && ['principals', 'notPrincipals', 'namespaces', 'notNamespaces'].some((k) => has(source, k))) {
          problems.push('serviceAccounts cannot be combined with principals or namespaces');
        }
      }
    }
    return problems;
  },
  PeerAuthentication(spec) {
    const problems = selectorProblems(spec.selector, 'selector');
    if (has(spec, 'portLevelMtls') && Object.keys(labelsOf(spec.selector)).length === 0) {
      problems.push('portLevelMtls needs a selector with labels');
    }
    return problems;
  },
  EnvoyFilter(spec) {
    const problems = [];
    if (has(spec, 'workloadSelector') && has(spec, 'targetRefs')) {
      problems.push('workloadSelector and targetRefs are exclusive');
    }
    for (const patch of spec.configPatches ?? []) {
      if (has(patch.match, 'waypoint') !== (patch.match?.context === 'WAYPOINT')) {
        problems.push('a waypoint match belongs to context WAYPOINT only');
      }
    }
    return problems;
  },
};

/** What Istio's admission would refuse in a manifest (empty for other kinds and for admitted objects). */
export function admissionProblems(manifest) {
  const check = /\.istio\.io\//.test(manifest?.apiVersion ?? '') ? CHECKS[manifest.kind] : undefined;
  return check ? check(manifest.spec ?? {}) : [];
}
