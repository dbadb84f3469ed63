import { GatekeeperAddon, GatekeeperPoliciesAddon, GatekeeperPolicy, PodSecurityLevel, PodSecurityVersion } from '../../../lib';
import { HardenedK8sError } from '../../../lib/errors';
import { baseline, manifests, REGISTRIES, resources, synthJson } from '../baseline-helpers';

/** The ConstraintTemplates of a stack. */
const templatesOf = (stack: any) => manifests(synthJson(stack)).filter((m) => m.kind === 'ConstraintTemplate');

const VERSION_LABELS = ['pod-security.kubernetes.io/enforce-version', 'pod-security.kubernetes.io/audit-version', 'pod-security.kubernetes.io/warn-version'];

/** Every Pod Security version label the stack sets, on namespaces and on the `default` namespace's labels. */
function versionLabels(json: any): string[] {
  const namespaces = Object.values(resources(json, 'kubernetes_namespace_v1')).map((n: any) => n.metadata.labels);
  const labelled = Object.values(resources(json, 'kubernetes_labels')).map((l: any) => l.labels);
  return [...namespaces, ...labelled].flatMap((labels) => VERSION_LABELS.map((k) => labels[k]));
}

describe('ClusterBaseline podSecurityVersion', () => {
  // Synthesized once for the tests below.
  const byDefault = baseline({ namespaces: [{ name: 'payments' }] });
  const defaultTemplates = templatesOf(byDefault.objectsStack);

  test('the default pins v1.36 on every namespace, the default namespace and the Pod Security templates (CIS AKS 1.8 4.2.x)', () => {
    const b = byDefault;
    expect(b.podSecurityVersion).toBe(PodSecurityVersion.V1_36);
    const labels = versionLabels(synthJson(b.chartsStack));
    expect(labels.length).toBeGreaterThanOrEqual(3 * 6);
    expect(new Set(labels)).toEqual(new Set(['v1.36']));
    const templates = defaultTemplates.filter((t) => t.metadata.annotations['cdktf-hardened-k8s/pod-security-version']);
    expect(templates.length).toBe(16);
    expect(new Set(templates.map((t) => t.metadata.annotations['cdktf-hardened-k8s/pod-security-version']))).toEqual(new Set(['v1.36']));
    expect(new Set(templates.map((t) => t.metadata.annotations['cdktf-hardened-k8s/pod-security-level']))).toEqual(new Set(['restricted']));
  });

  test('every pod template judges creates and the updates Pod Security Admission re-judges (one match condition); RBAC templates judge every request', () => {
    const rbac = (t: any) => t.spec.crd.spec.names.kind.startsWith('K8sHardenedRbac');
    expect(defaultTemplates.filter(rbac)).toHaveLength(10);
    for (const t of defaultTemplates) {
      expect((t.spec.targets[0].code[0].source.matchCondition ?? []).map((c: any) => c.name)).toEqual(rbac(t) ? [] : ['pod-security-significant-update']);
    }
  });

  test('a chosen version reaches the namespaces of the add-ons, the workload namespaces, the default namespace and the policies', () => {
    const b = baseline({ podSecurityVersion: PodSecurityVersion.V1_29, namespaces: [{ name: 'payments' }] });
    const charts = synthJson(b.chartsStack);
    const namespaces = Object.values(resources(charts, 'kubernetes_namespace_v1')).map((n: any) => n.metadata.name).sort();
    expect(namespaces).toEqual(expect.arrayContaining(['falco', 'gatekeeper-system', 'istio-system', 'kube-bench', 'payments', 'trivy-system']));
    expect(new Set(versionLabels(charts))).toEqual(new Set(['v1.29']));
    const templates = templatesOf(b.objectsStack);
    expect(new Set(templates.map((t) => t.metadata.annotations['cdktf-hardened-k8s/pod-security-version']).filter(Boolean))).toEqual(new Set(['v1.29']));
    // v1.29 has no host probe check, so neither template nor constraint; its safe sysctls are its own.
    expect(templates.map((t) => t.spec.crd.spec.names.kind)).not.toContain('K8sHardenedHostProbes');
    expect(manifests(synthJson(b.policiesStack)).map((c) => c.kind)).not.toContain('K8sHardenedHostProbes');
    const sysctls: string = templates.find((t) => t.spec.crd.spec.names.kind === 'K8sHardenedSysctls').spec.targets[0].code[0].source.variables[0].expression;
    expect(sysctls).toContain("'net.ipv4.tcp_keepalive_time'");
    expect(sysctls).not.toContain("'net.ipv4.tcp_rmem'");
  });

  test.each([['v1.33'], [33], [null]])('a podSecurityVersion that is not a PodSecurityVersion (%j) is refused', (version) => {
    const call = () => baseline({ podSecurityVersion: version === null ? ({} as any) : (version as any) });
    expect(call).toThrow(HardenedK8sError);
    expect(call).toThrow(/ClusterBaseline baseline: invalid podSecurityVersion .*Allowed: a PodSecurityVersion/);
  });
});

describe('GatekeeperPoliciesAddon Pod Security profile', () => {
  const addon = (props: any) => new GatekeeperPoliciesAddon({ allowedRegistries: REGISTRIES, ...props });
  const install = (policies: GatekeeperPoliciesAddon) => {
    const b = baseline({ gatekeeper: false, allowedRegistries: undefined, istio: false, trivy: false, falco: false, kubeBench: false, hardenDefaultNamespace: false });
    b.addAddon(new GatekeeperAddon());
    b.addAddon(policies);
    return { templates: templatesOf(b.objectsStack), constraints: manifests(synthJson(b.policiesStack)) };
  };

  test('defaults: restricted at PodSecurityVersion.DEFAULT', () => {
    const policies = addon({});
    expect(policies.podSecurityLevel).toBe(PodSecurityLevel.RESTRICTED);
    expect(policies.podSecurityVersion).toBe(PodSecurityVersion.DEFAULT);
  });

  test('BASELINE leaves out the restricted checks and judges capabilities, seccomp and procMount at baseline; declared parameters reach the constraint', () => {
    const { templates, constraints } = install(
      addon({
        podSecurityLevel: PodSecurityLevel.BASELINE,
        constraints: [
          { policy: GatekeeperPolicy.REQUIRED_RESOURCES, parameters: { requiredLimits: ['cpu', 'memory'] } },
          // Options of a check the version has are accepted, as are those of one it lacks (HOST_PROBES before v1.34).
          { policy: GatekeeperPolicy.HOST_PROBES, enabled: false },
        ],
      }),
    );
    const kinds = constraints.map((c) => c.kind);
    for (const kind of ['K8sHardenedPrivilegeEscalation', 'K8sHardenedRunAsNonRoot', 'K8sHardenedRunAsUser', 'K8sHardenedVolumeTypes']) {
      expect(kinds).not.toContain(kind);
    }
    const checks = (kind: string) => templates.find((t) => t.spec.crd.spec.names.kind === kind).metadata.annotations['cdktf-hardened-k8s/pod-security-checks'];
    expect([checks('K8sHardenedCapabilities'), checks('K8sHardenedSeccomp'), checks('K8sHardenedProcMount')]).toEqual(['capabilities_baseline', 'seccompProfile_baseline', 'procMount']);
    expect(templates).toHaveLength(constraints.length);
    expect(kinds).not.toContain('K8sHardenedHostProbes');
    expect(constraints.find((c) => c.kind === 'K8sHardenedRequiredResources').spec.parameters).toEqual({ requiredRequests: ['cpu', 'memory'], requiredLimits: ['cpu', 'memory'] });
    expect(() => addon({ podSecurityVersion: PodSecurityVersion.V1_30, constraints: [{ policy: GatekeeperPolicy.HOST_PROBES, enabled: false }] })).not.toThrow();
  });

  test.each([
    [{ podSecurityLevel: PodSecurityLevel.PRIVILEGED }, /invalid podSecurityLevel "privileged". Allowed: PodSecurityLevel.RESTRICTED or PodSecurityLevel.BASELINE. Fix: .*excludedNamespaces/],
    [{ podSecurityLevel: 'strict' }, /invalid podSecurityLevel "strict"/],
    [{ podSecurityVersion: 'v1.36' }, /invalid podSecurityVersion "v1.36".*Fix: pass PodSecurityVersion.of\("v1.36"\)/],
    [{ constraints: [{ policy: GatekeeperPolicy.HOST_PORTS, parameters: { allowedHostPorts: [9100] } }] }, /invalid constraints\[host-ports\].parameters "allowedHostPorts". Allowed: the parameters of K8sHardenedHostPorts: exemptImages. Fix: the Pod Security set implements the Standards exactly/],
    [{ constraints: [{ policy: GatekeeperPolicy.SYSCTLS, parameters: { allowedSysctls: ['kernel.msgmax'] } }] }, /invalid constraints\[sysctls\].parameters "allowedSysctls". Allowed: none \(K8sHardenedSysctls takes no parameters\)/],
    [{ constraints: [{ policy: GatekeeperPolicy.HOST_NAMESPACES, exemptImages: ['acrplatformprod.azurecr.io/agent:*'] }] }, /invalid constraints\[host-namespaces\].exemptImages .*only on policies that judge containers/],
    [{ constraints: [{ policy: GatekeeperPolicy.PRIVILEGED_CONTAINER, exemptImages: ['*'] }] }, /invalid constraints\[privileged-container\].exemptImages "\*".*names a registry host and a repository/],
    [{ constraints: [{ policy: GatekeeperPolicy.PRIVILEGED_CONTAINER, exemptImages: [' acrplatformprod.azurecr.io/a:1'] }] }, /exemptImages " acrplatformprod/],
    [{ constraints: [{ policy: GatekeeperPolicy.REQUIRED_RESOURCES, parameters: ['cpu'] }] }, /invalid constraints\[required-resources\].parameters \["cpu"\]. Allowed: an object/],
    [{ constraints: [{ policy: GatekeeperPolicy.SECCOMP }, { policy: GatekeeperPolicy.SECCOMP, enabled: false }] }, /invalid constraints\[\].policy "seccomp". Allowed: each policy once/],
    [{ constraints: [null] }, /invalid constraints\[\].policy undefined/],
  ])('bad input %j is refused at construction', (props, message) => {
    expect(() => addon(props)).toThrow(HardenedK8sError);
    expect(() => addon(props)).toThrow(message);
  });
});
