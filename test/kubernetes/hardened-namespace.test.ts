import { Testing, TerraformStack } from 'cdktf';
import { HardenedNamespace, HardenedNamespaceProps, PodSecurityLabels, PodSecurityLevel, PodSecurityVersion } from '../../lib';
import { HardenedK8sError } from '../../lib/errors';
import { kubernetesObject, schemaProblems } from '../helpers/k8s-schema';
import { resources, synthJson } from './baseline-helpers';

function synthNamespace(props: HardenedNamespaceProps): any {
  const stack = new TerraformStack(Testing.app(), 'test');
  new HardenedNamespace(stack, 'ns', props);
  return synthJson(stack);
}

describe('HardenedNamespace defaults', () => {
  const json = synthNamespace({ name: 'payments' });
  const namespace = Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any;

  test('Pod Security enforce, audit and warn restricted, pinned to the default version v1.36 (CIS AKS 1.8 4.2.x)', () => {
    expect(namespace.metadata).toEqual({
      name: 'payments',
      labels: {
        'pod-security.kubernetes.io/audit': 'restricted',
        'pod-security.kubernetes.io/audit-version': 'v1.36',
        'pod-security.kubernetes.io/enforce': 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'v1.36',
        'pod-security.kubernetes.io/warn': 'restricted',
        'pod-security.kubernetes.io/warn-version': 'v1.36',
      },
    });
    expect(PodSecurityVersion.DEFAULT).toBe(PodSecurityVersion.V1_36);
  });

  test('default-deny ingress and egress, DNS to kube-system allowed (CIS AKS 1.8 4.4.2)', () => {
    const policies = Object.values(resources(json, 'kubernetes_network_policy_v1')) as any[];
    expect(policies).toHaveLength(1);
    expect(policies[0].spec).toEqual({
      pod_selector: {},
      policy_types: ['Ingress', 'Egress'],
      egress: [
        {
          to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'kube-system' } } }],
          ports: [
            { port: '53', protocol: 'UDP' },
            { port: '53', protocol: 'TCP' },
          ],
        },
      ],
    });
  });

  test('default service account mounts no token (CIS AKS 1.8 4.1.5)', () => {
    const account = Object.values(resources(json, 'kubernetes_default_service_account_v1'))[0] as any;
    expect(account.automount_service_account_token).toBe(false);
    expect(account.metadata.namespace).toMatch(/^\$\{kubernetes_namespace_v1\..*\.metadata\[0\]\.name\}$/);
  });

  test('no quota, limit range, mesh label or extra policy unless asked', () => {
    expect(resources(json, 'kubernetes_resource_quota_v1')).toEqual({});
    expect(resources(json, 'kubernetes_limit_range_v1')).toEqual({});
    expect(Object.keys(namespace.metadata.labels).some((k) => k.startsWith('istio'))).toBe(false);
  });
});

describe('HardenedNamespace options', () => {
  test('quota, limit range, mesh revision and allow rules', () => {
    const json = synthNamespace({
      name: 'web',
      resourceQuota: { requestsCpu: '2', limitsMemory: '4Gi', pods: 20 },
      limitRange: { defaultRequestCpu: '100m', defaultLimitMemory: '256Mi' },
      istioRevision: 'asm-1-28',
      meshControlPlaneNamespace: 'aks-istio-system',
      allowSameNamespaceTraffic: true,
      ingressTcpPorts: [8443],
    });
    const namespace = Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any;
    expect(namespace.metadata.labels['istio.io/rev']).toBe('asm-1-28');
    expect((Object.values(resources(json, 'kubernetes_resource_quota_v1'))[0] as any).spec.hard).toEqual({ 'limits.memory': '4Gi', pods: '20', 'requests.cpu': '2' });
    const allow = (Object.values(resources(json, 'kubernetes_network_policy_v1')) as any[]).find((p) => p.metadata.name === 'baseline-allow');
    expect(allow.spec.policy_types).toEqual(['Ingress', 'Egress']);
    expect(allow.spec.egress).toContainEqual({
      to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'aks-istio-system' } } }],
      ports: [
        { port: '15012', protocol: 'TCP' },
        { port: '15017', protocol: 'TCP' },
      ],
    });
  });

  test('istioInjection labels istio-injection=enabled', () => {
    const json = synthNamespace({ name: 'web', istioInjection: true });
    expect((Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any).metadata.labels['istio-injection']).toBe('enabled');
  });

  test('podSecurityVersion pins every label; labels of your own sit beside them', () => {
    const json = synthNamespace({ name: 'web', podSecurityVersion: PodSecurityVersion.V1_33, labels: [{ key: 'team', value: 'web' }] });
    const labels = (Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any).metadata.labels;
    expect(labels).toMatchObject({
      [PodSecurityLabels.ENFORCE]: 'restricted',
      [PodSecurityLabels.ENFORCE_VERSION]: 'v1.33',
      [PodSecurityLabels.AUDIT_VERSION]: 'v1.33',
      [PodSecurityLabels.WARN_VERSION]: 'v1.33',
      team: 'web',
    });
  });

  test('a looser level is an explicit choice that synthesizes (audit and warn stay restricted)', () => {
    const json = synthNamespace({ name: 'agents', podSecurityLevel: PodSecurityLevel.PRIVILEGED });
    const labels = (Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any).metadata.labels;
    expect(labels[PodSecurityLabels.ENFORCE]).toBe('privileged');
    expect(labels[PodSecurityLabels.AUDIT]).toBe('restricted');
  });

  test('every object is schema-valid (kubernetes-models)', () => {
    const json = synthNamespace({
      name: 'web',
      resourceQuota: { requestsCpu: '2', pods: 20 },
      limitRange: { defaultRequestCpu: '100m', defaultLimitMemory: '256Mi' },
      allowSameNamespaceTraffic: true,
      ingressTcpPorts: [8443],
      egressTcpPortsToAnywhere: [443],
    });
    const objects = [
      ...Object.values(resources(json, 'kubernetes_namespace_v1')).map((c) => kubernetesObject('v1', 'Namespace', c)),
      ...Object.values(resources(json, 'kubernetes_network_policy_v1')).map((c) => kubernetesObject('networking.k8s.io/v1', 'NetworkPolicy', c)),
      ...Object.values(resources(json, 'kubernetes_resource_quota_v1')).map((c) => kubernetesObject('v1', 'ResourceQuota', c)),
      ...Object.values(resources(json, 'kubernetes_limit_range_v1')).map((c) => kubernetesObject('v1', 'LimitRange', c)),
      ...Object.values(resources(json, 'kubernetes_default_service_account_v1')).map((c) => kubernetesObject('v1', 'ServiceAccount', c)),
    ];
    expect(objects).toHaveLength(6);
    expect(schemaProblems(objects)).toEqual([]);
    // The converted policy is the real shape, so the schema check above is meaningful.
    const defaultDeny = objects.find((o) => o.kind === 'NetworkPolicy' && o.metadata.name === 'default-deny');
    expect(defaultDeny.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(defaultDeny.spec.egress[0].ports[0]).toEqual({ port: 53, protocol: 'UDP' });
  });
});

describe('HardenedNamespace bad input', () => {
  test.each(['Payments', 'team_a', '-web', 'web-', 'a'.repeat(64)])('name %j is not a DNS label', (name) => {
    expect(() => synthNamespace({ name })).toThrow(/HardenedNamespace test\/ns: invalid name .*Allowed: an RFC 1123 DNS label/);
  });
  test.each(['', undefined, null])('name %j is missing', (name) => {
    expect(() => synthNamespace({ name: name as any })).toThrow(/HardenedNamespace test\/ns: name is required but was not given/);
  });
  test.each(['kube-system', 'kube-public', 'kube-node-lease', 'default', 'kube-anything'])('name %j is one Kubernetes creates or reserves', (name) => {
    expect(() => synthNamespace({ name })).toThrow(/HardenedNamespace test\/ns: invalid name .*Allowed: a namespace Kubernetes does not create itself/);
  });
  test.each(['gatekeeper-system', 'istio-system', 'aks-istio-system', 'calico-system', 'tigera-operator', 'cattle-system', 'cattle-monitoring-system', 'trivy-system', 'falco'])(
    'name %j is one a platform component or an add-on of the baseline owns',
    (name) => {
      expect(() => synthNamespace({ name })).toThrow(/HardenedNamespace test\/ns: invalid name .*Allowed: a namespace no platform component or add-on of the baseline owns/);
    },
  );
  test.each([
    [PodSecurityLabels.ENFORCE, 'privileged', /podSecurityLevel/],
    [PodSecurityLabels.ENFORCE_VERSION, 'latest', /podSecurityVersion/],
    ['istio-injection', 'disabled', /exempts the namespace from the mesh/],
    ['istio.io/rev', 'asm-1-30', /istioRevision/],
    ['admission.gatekeeper.sh/ignore', 'yes', /exempts the namespace from every Gatekeeper constraint/],
    ['kubernetes.io/metadata.name', 'other', /API server sets it/],
  ])('label %s is one the namespace decides itself, or an exemption', (key, value, why) => {
    expect(() => synthNamespace({ name: 'web', labels: [{ key, value }] })).toThrow(why);
  });
  test.each([
    ['team a', 'x'],
    ['-team', 'x'],
    ['Example.COM/team', 'x'],
    ['team', 'has space'],
    ['team', 'a'.repeat(64)],
  ])('label %j=%j is one the API server refuses', (key, value) => {
    expect(() => synthNamespace({ name: 'web', labels: [{ key, value }] })).toThrow(/HardenedNamespace test\/ns: invalid labels\[/);
  });
  test('labels the API server accepts pass: prefixed keys, empty values', () => {
    expect(() => synthNamespace({ name: 'web', labels: [{ key: 'example.com/team', value: '' }, { key: 'cost_center', value: 'A-1.2' }] })).not.toThrow();
  });
  test.each(['latest', 'v1.33', 1.33, {}])('a podSecurityVersion that is not a PodSecurityVersion (%j, from JavaScript) is an error naming the fix', (version) => {
    const call = () => synthNamespace({ name: 'web', podSecurityVersion: version as any });
    expect(call).toThrow(HardenedK8sError);
    expect(call).toThrow(/HardenedNamespace test\/ns: invalid podSecurityVersion .*Allowed: a PodSecurityVersion \(v1\.27 to v1\.36\)\. Fix: pass /);
  });
  test('a string version names PodSecurityVersion.of in the fix; null and undefined mean the default', () => {
    expect(() => synthNamespace({ name: 'web', podSecurityVersion: 'v1.33' as any })).toThrow(/Fix: pass PodSecurityVersion\.of\("v1\.33"\)/);
    for (const version of [null, undefined]) {
      const json = synthNamespace({ name: 'web', podSecurityVersion: version as any });
      expect((Object.values(resources(json, 'kubernetes_namespace_v1'))[0] as any).metadata.labels[PodSecurityLabels.ENFORCE_VERSION]).toBe('v1.36');
    }
  });
  test('a port outside 1-65535 is an error', () => {
    expect(() => synthNamespace({ name: 'web', ingressTcpPorts: [70000] })).toThrow(/invalid ingressTcpPorts 70000/);
  });
});
