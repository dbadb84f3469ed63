import { CisBenchmark, CisCatalog, ControlImplementation } from '../../../lib';
import { FALCO_HARDENING } from '../../../lib/kubernetes/addons/falco/hardening';
import { HelmValues } from '../../../lib/kubernetes/addons/helm-values';
import { k8sDefaultServiceAccountToken } from '../../../lib/compliance/rules/kubernetes/default-service-account-token';
import { gatekeeperAllowedRegistries } from '../../../lib/compliance/rules/kubernetes/gatekeeper-allowed-registries';
import { gatekeeperConstraintEnforced } from '../../../lib/compliance/rules/kubernetes/gatekeeper-constraint-enforced';
import { gatekeeperTemplateUnchanged } from '../../../lib/compliance/rules/kubernetes/gatekeeper-template-unchanged';
import { GatekeeperPolicy } from '../../../lib/kubernetes/addons/gatekeeper-policies/gatekeeper-policy';
import { policyLibrary, renderConstraint, renderTemplate } from '../../../lib/kubernetes/addons/gatekeeper-policies/policy-library';
import { EnforcementAction, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { helmHardenedValues } from '../../../lib/compliance/rules/kubernetes/helm-hardened-values';
import { KUBERNETES_RULES } from '../../../lib/compliance/rules/kubernetes';
import { APPGW_RULES } from '../../../lib/compliance/rules/appgw';
import { istioMtlsStrict } from '../../../lib/compliance/rules/kubernetes/istio-mtls-strict';
import { istioOutboundRegistryOnly } from '../../../lib/compliance/rules/kubernetes/istio-outbound-registry-only';
import { istioServiceEntryNamedHosts } from '../../../lib/compliance/rules/kubernetes/istio-service-entry-named-hosts';
import { k8sNamespaceNetworkPolicy } from '../../../lib/compliance/rules/kubernetes/namespace-network-policy';
import { k8sNamespacePodSecurity } from '../../../lib/compliance/rules/kubernetes/namespace-pod-security';
import { KUBERNETES_NOT_COVERABLE } from '../../../lib/compliance/rules/kubernetes/not-coverable';
import { evaluateRule } from '../../helpers/rule-harness';

const NS = 'kubernetes_namespace_v1';
const RESTRICTED = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'v1.30',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/audit-version': 'v1.30',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/warn-version': 'v1.30',
};
const NAMESPACE_REF = '${kubernetes_namespace_v1.subject.metadata[0].name}';
const DEFAULT_DENY = {
  metadata: { name: 'default-deny', namespace: NAMESPACE_REF },
  spec: { pod_selector: {}, policy_types: ['Ingress', 'Egress'], egress: [{ ports: [{ port: '53', protocol: 'UDP' }] }] },
};

describe('k8s-namespace-pod-security (CIS AKS 1.8 4.2.1-4.2.5, 4.6.2)', () => {
  test('compliant: restricted everywhere, pinned', () => {
    expect(evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a', labels: RESTRICTED } }).status).toBe('compliant');
  });
  test('non-compliant: no labels', () => {
    expect(evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a' } }).status).toBe('non-compliant');
  });
  test('non-compliant: enforce baseline', () => {
    const result = evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a', labels: { ...RESTRICTED, 'pod-security.kubernetes.io/enforce': 'baseline' } } });
    expect(result).toEqual({ status: 'non-compliant', message: 'Pod Security labels: enforce=baseline', evidence: ['namespaces'] });
  });
  test('non-compliant: version latest', () => {
    expect(evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a', labels: { ...RESTRICTED, 'pod-security.kubernetes.io/warn-version': 'latest' } } }).message).toMatch(
      /warn-version=latest \(not pinned\)/,
    );
  });
  test('compliant: any pinned version from v1.23; non-compliant: older pins, whose restricted lacks the capability or runAsUser checks', () => {
    const pinned = (version: string) =>
      evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a', labels: { ...RESTRICTED, 'pod-security.kubernetes.io/audit-version': version } } });
    for (const version of ['v1.23', 'v1.36', 'v1.37']) {
      expect(pinned(version).status).toBe('compliant');
    }
    expect(pinned('v1.22')).toEqual({
      status: 'non-compliant',
      message: 'Pod Security labels: audit-version=v1.22 (older than v1.23: restricted lacks the capability and runAsUser checks)',
      evidence: ['namespaces'],
    });
    expect(pinned('v1.0').status).toBe('non-compliant');
    expect(pinned('1.30').message).toMatch(/audit-version=1.30 \(not pinned\)/);
  });
  test('the construct default it documents is the library default version', () => {
    expect(k8sNamespacePodSecurity.metadata.constructDefault).toMatch(/\*-version = v1\.36$/);
  });
  test('unknown: level from a variable', () => {
    expect(evaluateRule(k8sNamespacePodSecurity, NS, { metadata: { name: 'a', labels: { ...RESTRICTED, 'pod-security.kubernetes.io/enforce': '${var.level}' } } }).status).toBe(
      'unknown',
    );
  });
  test('kubernetes_labels on a Namespace is checked, on other kinds not applicable', () => {
    expect(evaluateRule(k8sNamespacePodSecurity, 'kubernetes_labels', { kind: 'Namespace', metadata: { name: 'default' }, labels: RESTRICTED }).status).toBe('compliant');
    expect(evaluateRule(k8sNamespacePodSecurity, 'kubernetes_labels', { kind: 'Namespace', metadata: { name: 'default' }, labels: {} }).status).toBe('non-compliant');
    expect(evaluateRule(k8sNamespacePodSecurity, 'kubernetes_labels', { kind: 'ConfigMap', metadata: { name: 'x' }, labels: {} }).status).toBe('not-applicable');
  });
});

describe('k8s-namespace-default-deny-network-policy (CIS AKS 1.8 4.4.2)', () => {
  const namespace = { metadata: { name: 'payments' } };
  test('compliant: default-deny by reference', () => {
    expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace, { kubernetes_network_policy_v1: { p: DEFAULT_DENY } }).status).toBe('compliant');
  });
  test('compliant: default-deny by literal name', () => {
    const policy = { ...DEFAULT_DENY, metadata: { name: 'd', namespace: 'payments' } };
    expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace, { kubernetes_network_policy_v1: { p: policy } }).status).toBe('compliant');
  });
  test('non-compliant: no policy', () => {
    expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace).message).toBe('no NetworkPolicy in this namespace');
  });
  test('non-compliant: policy of another namespace', () => {
    const policy = { ...DEFAULT_DENY, metadata: { name: 'd', namespace: 'web' } };
    expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace, { kubernetes_network_policy_v1: { p: policy } }).status).toBe('non-compliant');
  });
  test('non-compliant: ingress only, or allows all egress, or selects some pods', () => {
    const ingressOnly = { ...DEFAULT_DENY, spec: { ...DEFAULT_DENY.spec, policy_types: ['Ingress'] } };
    const allEgress = { ...DEFAULT_DENY, spec: { ...DEFAULT_DENY.spec, egress: [{}] } };
    const somePods = { ...DEFAULT_DENY, spec: { ...DEFAULT_DENY.spec, pod_selector: { match_labels: { app: 'x' } } } };
    for (const policy of [ingressOnly, allEgress, somePods]) {
      expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace, { kubernetes_network_policy_v1: { p: policy } }).status).toBe('non-compliant');
    }
  });
  test('unknown: policy types from a variable', () => {
    const policy = { ...DEFAULT_DENY, spec: { ...DEFAULT_DENY.spec, policy_types: '${var.types}' } };
    expect(evaluateRule(k8sNamespaceNetworkPolicy, NS, namespace, { kubernetes_network_policy_v1: { p: policy } }).status).toBe('unknown');
  });
});

describe('k8s-default-service-account-token-disabled (CIS AKS 1.8 4.1.5)', () => {
  const namespace = { metadata: { name: 'payments' } };
  const account = (automount: unknown) => ({ kubernetes_default_service_account_v1: { sa: { metadata: { namespace: NAMESPACE_REF }, automount_service_account_token: automount } } });
  test('compliant: automount false', () => {
    expect(evaluateRule(k8sDefaultServiceAccountToken, NS, namespace, account(false)).status).toBe('compliant');
  });
  test('non-compliant: unmanaged default service account', () => {
    expect(evaluateRule(k8sDefaultServiceAccountToken, NS, namespace).status).toBe('non-compliant');
  });
  test('non-compliant: provider default (true)', () => {
    expect(evaluateRule(k8sDefaultServiceAccountToken, NS, namespace, account(undefined)).status).toBe('non-compliant');
  });
  test('unknown: from a variable', () => {
    expect(evaluateRule(k8sDefaultServiceAccountToken, NS, namespace, account('${var.automount}')).status).toBe('unknown');
  });
});

const constraint = (kind: string, spec: any) => ({ manifest: { apiVersion: 'constraints.gatekeeper.sh/v1beta1', kind, metadata: { name: 'c' }, spec } });

describe('gatekeeper-constraint-enforced', () => {
  test('compliant: deny, or unset (Gatekeeper defaults to deny)', () => {
    expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sHardenedSeccomp', { enforcementAction: 'deny' })).status).toBe('compliant');
    expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sHardenedSeccomp', {})).status).toBe('compliant');
  });
  test('non-compliant: dryrun and warn', () => {
    for (const action of ['dryrun', 'warn']) {
      expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sHardenedSeccomp', { enforcementAction: action })).status).toBe('non-compliant');
    }
  });
  test('unknown: action from a variable', () => {
    expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', constraint('K8sHardenedSeccomp', { enforcementAction: '${var.a}' })).status).toBe('unknown');
  });
  test('not applicable: other manifests', () => {
    expect(evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', { manifest: { apiVersion: 'templates.gatekeeper.sh/v1', kind: 'ConstraintTemplate' } }).status).toBe(
      'not-applicable',
    );
  });
});

/** The library's template and constraint of a policy, as the add-on renders them, at a profile. */
function rendered(policy: GatekeeperPolicy, version = PodSecurityVersion.DEFAULT, level = PodSecurityLevel.RESTRICTED) {
  const definition = policyLibrary({ level, version }).find((d) => d.policy === policy)!;
  return {
    template: { manifest: renderTemplate(definition) },
    constraint: { manifest: renderConstraint(definition, EnforcementAction.DENY, ['kube-system'], { ...definition.defaultParameters }) },
  };
}
const edited = (resource: any, edit: (manifest: any) => void) => {
  const copy = JSON.parse(JSON.stringify(resource));
  edit(copy.manifest);
  return copy;
};

describe('gatekeeper-constraint-enforced: a library constraint enforces its whole policy', () => {
  const privileged = rendered(GatekeeperPolicy.PRIVILEGED_CONTAINER).constraint;
  const judge = (c: any) => evaluateRule(gatekeeperConstraintEnforced, 'kubernetes_manifest', c);
  test('compliant: as rendered; a constraint naming no kinds matches every kind (Gatekeeper)', () => {
    expect(judge(privileged)).toMatchObject({ status: 'compliant', evidence: [GatekeeperPolicy.PRIVILEGED_CONTAINER] });
    expect(judge(edited(privileged, (m) => delete m.spec.match.kinds)).status).toBe('compliant');
    expect(judge(edited(privileged, (m) => (m.spec.match.kinds = [{ apiGroups: ['*'], kinds: ['*'] }]))).status).toBe('compliant');
  });
  test('non-compliant: its match.kinds leaves out what the policy judges', () => {
    expect(judge(edited(privileged, (m) => (m.spec.match.kinds[0].kinds = ['ConfigMap'])))).toMatchObject({
      status: 'non-compliant',
      message: expect.stringContaining('its match.kinds leaves out Pod, which the policy judges'),
    });
  });
  test("non-compliant: parameters that drop the library's entries; compliant: parameters that add to them", () => {
    const disallowed = rendered(GatekeeperPolicy.DISALLOWED_NAMESPACES).constraint;
    expect(judge(edited(disallowed, (m) => (m.spec.parameters.namespaces = [])))).toMatchObject({ status: 'non-compliant', message: expect.stringContaining('parameters.namespaces drops "default"') });
    expect(judge(edited(disallowed, (m) => delete m.spec.parameters.namespaces)).status).toBe('non-compliant');
    expect(judge(edited(disallowed, (m) => m.spec.parameters.namespaces.push('sandbox'))).status).toBe('compliant');
  });
  test('a Pod Security set older than v1.34 stands in for the host probes check it does not have; a newer one does not', () => {
    expect(judge(rendered(GatekeeperPolicy.SECCOMP, PodSecurityVersion.V1_33).constraint).evidence).toEqual([GatekeeperPolicy.SECCOMP, GatekeeperPolicy.HOST_PROBES]);
    expect(judge(rendered(GatekeeperPolicy.SECCOMP, PodSecurityVersion.V1_34).constraint).evidence).toEqual([GatekeeperPolicy.SECCOMP]);
    expect(judge(rendered(GatekeeperPolicy.HOST_PROBES, PodSecurityVersion.V1_34).constraint).evidence).toEqual([GatekeeperPolicy.HOST_PROBES]);
    // Policies beyond the Pod Security set record no version, so they never stand in for it.
    expect(judge(rendered(GatekeeperPolicy.SECRETS_AS_FILES, PodSecurityVersion.V1_30).constraint).evidence).toEqual([GatekeeperPolicy.SECRETS_AS_FILES]);
  });
});

describe('gatekeeper-template-unchanged', () => {
  const judge = (t: any) => evaluateRule(gatekeeperTemplateUnchanged, 'kubernetes_manifest', t);
  test('compliant: every template of the library as rendered, at every level and version', () => {
    for (const version of [PodSecurityVersion.V1_27, PodSecurityVersion.V1_30, PodSecurityVersion.DEFAULT]) {
      for (const level of [PodSecurityLevel.BASELINE, PodSecurityLevel.RESTRICTED]) {
        const results = policyLibrary({ level, version }).map((d) => [d.policy, judge({ manifest: renderTemplate(d) }).status]);
        expect(results.filter(([, status]) => status !== 'compliant')).toEqual([]);
      }
    }
  });
  const template = rendered(GatekeeperPolicy.PRIVILEGED_CONTAINER).template;
  test('non-compliant: a validation or match condition replaced, a parameter schema widened, the template renamed', () => {
    const source = (m: any) => m.spec.targets[0].code[0].source;
    expect(judge(edited(template, (m) => (source(m).validations = [{ expression: 'true', messageExpression: "'ok'" }])))).toMatchObject({
      status: 'non-compliant',
      cisControls: [{ benchmark: 'cis-aks-1.8', id: '4.2.1' }, { benchmark: 'rke2-cis-1.8', id: '5.2.2' }],
      message: expect.stringMatching(/^K8sHardenedPrivilegedContainer: spec\.targets\.0\.code\.0\.source\.validations\.0\.expression differs from the library's template at restricted v1\.36/),
    });
    expect(judge(edited(template, (m) => (source(m).matchCondition = [{ name: 'never', expression: 'false' }]))).status).toBe('non-compliant');
    expect(judge(edited(template, (m) => (m.spec.crd.spec.validation.openAPIV3Schema.properties.extra = { type: 'string' }))).status).toBe('non-compliant');
    expect(judge(edited(template, (m) => (m.metadata.name = 'other'))).message).toMatch(/metadata\.name differs/);
  });
  test("non-compliant: a template that records a version the library does not implement, or one without the check", () => {
    expect(judge(edited(template, (m) => (m.metadata.annotations['cdktf-hardened-k8s/pod-security-version'] = 'v1.20'))).message).toMatch(/records no Pod Security level and version the library implements/);
    const probes = rendered(GatekeeperPolicy.HOST_PROBES).template;
    expect(judge(edited(probes, (m) => (m.metadata.annotations['cdktf-hardened-k8s/pod-security-version'] = 'v1.33'))).message).toMatch(/records restricted v1\.33, which has no such check/);
  });
  test('unknown: a template holding a Terraform expression; not applicable: templates of other kinds, constraints', () => {
    expect(judge(edited(template, (m) => (m.spec.targets[0].code[0].source.validations[0].expression = '${var.cel}'))).status).toBe('unknown');
    expect(judge(edited(template, (m) => (m.spec.crd.spec.names.kind = 'K8sMyOwnPolicy'))).status).toBe('not-applicable');
    expect(judge(rendered(GatekeeperPolicy.PRIVILEGED_CONTAINER).constraint).status).toBe('not-applicable');
  });
});

describe('gatekeeper-allowed-registries (CIS AKS 1.8 5.1.4)', () => {
  const registries = (list: unknown, action = 'deny') => constraint('K8sHardenedAllowedRegistries', { enforcementAction: action, parameters: { registries: list } });
  test('compliant: registry hosts ending in /', () => {
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', registries(['myacr.azurecr.io/', 'mcr.microsoft.com/oss/'])).status).toBe('compliant');
  });
  test('compliant: gatekeeper-library K8sAllowedRepos', () => {
    const repos = constraint('K8sAllowedRepos', { parameters: { repos: ['myacr.azurecr.io/'] } });
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', repos).status).toBe('compliant');
  });
  test('non-compliant: host without slash, empty list, dryrun', () => {
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', registries(['myacr.azurecr.io'])).status).toBe('non-compliant');
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', registries([])).status).toBe('non-compliant');
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', registries(['myacr.azurecr.io/'], 'dryrun')).status).toBe('non-compliant');
  });
  test('unknown: registries from a variable', () => {
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', registries(['${var.acr}'])).status).toBe('unknown');
  });
  test('not applicable: other constraints', () => {
    expect(evaluateRule(gatekeeperAllowedRegistries, 'kubernetes_manifest', constraint('K8sHardenedSeccomp', {})).status).toBe('not-applicable');
  });
});

describe('istio-outbound-registry-only', () => {
  const istiod = (values: any) => ({ chart: 'istiod', repository: 'https://istio-release.storage.googleapis.com/charts', values: [JSON.stringify(values)] });
  const shared = (mesh: unknown, name = 'istio-shared-configmap-asm-1-30') => ({ metadata: { name, namespace: 'aks-istio-system' }, data: { mesh } });
  const judge = (type: string, config: any) => evaluateRule(istioOutboundRegistryOnly, type, config);
  test('compliant: istiod or the managed add-on ConfigMap with REGISTRY_ONLY', () => {
    expect(judge('helm_release', istiod({ meshConfig: { outboundTrafficPolicy: { mode: 'REGISTRY_ONLY' } } })).status).toBe('compliant');
    expect(judge('kubernetes_config_map_v1', shared('outboundTrafficPolicy:\n  mode: REGISTRY_ONLY\n')).status).toBe('compliant');
  });
  test("non-compliant: ALLOW_ANY, or nothing set (both meshes' default is ALLOW_ANY)", () => {
    expect(judge('helm_release', istiod({ meshConfig: { outboundTrafficPolicy: { mode: 'ALLOW_ANY' } } })).message).toMatch(/mode=ALLOW_ANY: sidecars reach any external host/);
    expect(judge('helm_release', istiod({})).status).toBe('non-compliant');
    expect(judge('kubernetes_config_map_v1', shared('outboundTrafficPolicy:\n  mode: ALLOW_ANY\n')).message).toMatch(/mode ALLOW_ANY/);
    expect(judge('kubernetes_config_map_v1', shared('defaultConfig: {}\n')).message).toMatch(/mode unset \(the add-on defaults to ALLOW_ANY\)/);
  });
  test('unknown: the mesh config from a variable; not applicable: other charts and ConfigMaps', () => {
    expect(judge('kubernetes_config_map_v1', shared('${var.mesh}')).status).toBe('unknown');
    expect(judge('helm_release', { chart: 'falco', values: ['{}'] }).status).toBe('not-applicable');
    expect(judge('kubernetes_config_map_v1', shared('outboundTrafficPolicy:\n  mode: ALLOW_ANY\n', 'app-settings')).status).toBe('not-applicable');
  });
});

describe('istio-peer-authentication-strict', () => {
  const pa = (spec: any) => ({ manifest: { apiVersion: 'security.istio.io/v1', kind: 'PeerAuthentication', metadata: { name: 'default', namespace: 'istio-system' }, spec } });
  test('compliant: STRICT', () => {
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', pa({ mtls: { mode: 'STRICT' } })).status).toBe('compliant');
  });
  test('non-compliant: PERMISSIVE, unset, or a port exception', () => {
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', pa({ mtls: { mode: 'PERMISSIVE' } })).status).toBe('non-compliant');
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', pa({})).status).toBe('non-compliant');
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', pa({ mtls: { mode: 'STRICT' }, portLevelMtls: { 8080: { mode: 'DISABLE' } } })).message).toBe(
      'ports without STRICT mTLS: 8080',
    );
  });
  test('unknown: mode from a variable', () => {
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', pa({ mtls: { mode: '${var.mode}' } })).status).toBe('unknown');
  });
  test('not applicable: other manifests', () => {
    expect(evaluateRule(istioMtlsStrict, 'kubernetes_manifest', { manifest: { apiVersion: 'v1', kind: 'ConfigMap' } }).status).toBe('not-applicable');
  });
});

describe('istio-service-entry-named-hosts', () => {
  const se = (spec: any, apiVersion = 'networking.istio.io/v1') => ({ manifest: { apiVersion, kind: 'ServiceEntry', metadata: { name: 'egress', namespace: 'apps' }, spec } });
  const named = { hosts: ['kv-platform.vault.azure.net'], ports: [{ number: 443, name: 'https-443', protocol: 'HTTPS' }], resolution: 'DNS' };
  const status = (spec: any, apiVersion?: string) => evaluateRule(istioServiceEntryNamedHosts, 'kubernetes_manifest', se(spec, apiVersion));
  test('compliant: a named host resolved by DNS; pass-through to single addresses', () => {
    expect(status(named).status).toBe('compliant');
    expect(status({ ...named, resolution: 'NONE', addresses: ['20.1.2.3/32', '20.1.2.4'] }, 'networking.istio.io/v1beta1').status).toBe('compliant');
    expect(status({ ...named, protocol: 'TCP', addresses: ['10.0.0.0/24'] }).status).toBe('compliant');
  });
  test('non-compliant: a wildcard host, even resolved by DNS', () => {
    expect(status({ ...named, hosts: ['*.blob.core.windows.net'] })).toEqual({ status: 'non-compliant', message: 'wildcard hosts *.blob.core.windows.net admit every host of their domain' });
  });
  test('non-compliant: pass-through (resolution NONE, also the default) to any address or to a range', () => {
    expect(status({ ...named, resolution: 'NONE' }).message).toBe('resolution NONE without addresses passes traffic to any address on its ports');
    expect(status({ hosts: named.hosts, ports: named.ports }).status).toBe('non-compliant');
    expect(status({ ...named, resolution: 'NONE', addresses: ['10.0.0.0/16'] }).message).toBe('resolution NONE passes traffic to every address of 10.0.0.0/16');
  });
  test('not applicable: mesh-internal entries and other kinds', () => {
    expect(status({ ...named, location: 'MESH_INTERNAL', resolution: 'NONE' }).status).toBe('not-applicable');
    expect(evaluateRule(istioServiceEntryNamedHosts, 'kubernetes_manifest', { manifest: { apiVersion: 'networking.istio.io/v1', kind: 'Sidecar', spec: {} } }).status).toBe('not-applicable');
  });
  test('unknown: hosts or addresses from a variable', () => {
    expect(status({ ...named, hosts: ['${var.host}'] }).status).toBe('unknown');
    expect(status({ ...named, resolution: 'NONE', addresses: '${var.addresses}' }).status).toBe('unknown');
  });
});

describe('helm-hardened-values', () => {
  const falco = (values: any[], extra: any = {}) => ({ chart: 'falco', values: values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))), ...extra });
  const hardened = HelmValues.fromKeys(FALCO_HARDENING);
  test('compliant: hardened values', () => {
    expect(evaluateRule(helmHardenedValues, 'helm_release', falco([hardened])).status).toBe('compliant');
  });
  test('non-compliant: a later values document overrides a key', () => {
    expect(evaluateRule(helmHardenedValues, 'helm_release', falco([hardened, { driver: { kind: 'kmod' } }])).message).toMatch(/driver\.kind="kmod" \(hardened: "modern_ebpf"/);
  });
  test('non-compliant: a set entry overrides a key (auto type parses booleans)', () => {
    const release = falco([hardened], { set: [{ name: 'driver.modernEbpf.leastPrivileged', value: 'false' }] });
    expect(evaluateRule(helmHardenedValues, 'helm_release', release).message).toMatch(/leastPrivileged=false/);
  });
  test('non-compliant: a key missing from the values (chart default applies)', () => {
    expect(evaluateRule(helmHardenedValues, 'helm_release', falco([{}])).status).toBe('non-compliant');
  });
  test('unknown: YAML values, or a set entry from a variable', () => {
    expect(evaluateRule(helmHardenedValues, 'helm_release', falco(['driver:\n  kind: modern_ebpf\n'])).status).toBe('unknown');
    expect(evaluateRule(helmHardenedValues, 'helm_release', falco([hardened], { set: [{ name: 'driver.kind', value: '${var.kind}' }] })).status).toBe('unknown');
  });
  test('not applicable: a chart without hardening keys', () => {
    expect(evaluateRule(helmHardenedValues, 'helm_release', { chart: 'nginx', values: ['{}'] }).status).toBe('not-applicable');
  });
});

describe('CIS coverage of the in-cluster controls', () => {
  // The gateway's TLS rules prove AKS 5.4.5 (TLS to the load balancer), an in-cluster control by class.
  const proven = (benchmark: CisBenchmark) =>
    new Set([...KUBERNETES_RULES, ...APPGW_RULES].flatMap((r) => r.metadata.cisControls).filter((c) => c.benchmark === benchmark).map((c) => c.id));
  const notCoverable = (benchmark: CisBenchmark) => new Set(KUBERNETES_NOT_COVERABLE.filter((n) => n.control.benchmark === benchmark).map((n) => n.control.id));

  test('every CIS AKS 1.8 in-cluster control is proven by a rule or listed as not coverable, never both', () => {
    const inCluster = CisCatalog.controlsImplementedBy(CisBenchmark.AKS_1_8, ControlImplementation.IN_CLUSTER).map((c) => c.id);
    const uncovered = inCluster.filter((id) => !proven(CisBenchmark.AKS_1_8).has(id) && !notCoverable(CisBenchmark.AKS_1_8).has(id));
    const both = inCluster.filter((id) => proven(CisBenchmark.AKS_1_8).has(id) && notCoverable(CisBenchmark.AKS_1_8).has(id));
    expect({ uncovered, both }).toEqual({ uncovered: [], both: [] });
  });

  test('every RKE2 CIS 1.8 in-cluster control is proven or listed as not coverable', () => {
    const inCluster = CisCatalog.controlsImplementedBy(CisBenchmark.RKE2_1_8, ControlImplementation.IN_CLUSTER).map((c) => c.id);
    expect(inCluster.filter((id) => !proven(CisBenchmark.RKE2_1_8).has(id) && !notCoverable(CisBenchmark.RKE2_1_8).has(id))).toEqual([]);
  });

  test('not-coverable entries name real controls and give a reason', () => {
    for (const entry of KUBERNETES_NOT_COVERABLE) {
      expect(CisCatalog.tryFind(entry.control.benchmark, entry.control.id)).toBeDefined();
      expect(entry.reason.length).toBeGreaterThan(40);
      expect(entry.key).toMatch(/^[a-z]+(-[a-z]+)+$/);
    }
  });
});
