import { cisAks, cisRke2 } from '../../../cis/refs';
import { compliant, defineRule, nonCompliant, notApplicable } from '../../define-rule';
import { isTerraformExpression, UnresolvedValueError } from '../../resolved-resource';
import { IResolvedResource, RuleSeverity } from '../../types';
import { inNamespace, namespaceEvidence, NAMESPACE_TYPES, notJudged, onNamespace } from './namespace-refs';

function selectsAllPods(policy: IResolvedResource): boolean {
  const selector = policy.config?.spec?.pod_selector ?? {};
  const labels = selector.match_labels ?? {};
  const expressions = selector.match_expressions ?? [];
  return Object.keys(labels).length === 0 && expressions.length === 0;
}

/** Only DNS (port 53) or nothing at all is allowed out by the default-deny policy itself. */
function onlyDnsEgress(policy: IResolvedResource): boolean {
  const egress: any[] = policy.config?.spec?.egress ?? [];
  return egress.every((rule) => {
    const ports: any[] = rule.ports ?? [];
    return ports.length > 0 && ports.every((p) => String(p.port) === '53');
  });
}

function isDefaultDeny(policy: IResolvedResource): boolean {
  const types = policy.config?.spec?.policy_types;
  if (isTerraformExpression(types)) {
    throw new UnresolvedValueError('spec.policy_types', types);
  }
  const ingress: any[] = policy.config?.spec?.ingress ?? [];
  return (
    Array.isArray(types) && types.includes('Ingress') && types.includes('Egress') && selectsAllPods(policy) && ingress.length === 0 && onlyDnsEgress(policy)
  );
}

/** Every namespace has a default-deny ingress+egress NetworkPolicy (DNS egress may be allowed). */
export const k8sNamespaceNetworkPolicy = defineRule(
  {
    id: 'k8s-namespace-default-deny-network-policy',
    title: 'Every namespace has a default-deny ingress and egress NetworkPolicy (DNS egress allowed)',
    severity: RuleSeverity.ERROR,
    remediation:
      'Create namespaces with HardenedNamespace or ClusterBaseline.addNamespace, or add a kubernetes_network_policy_v1 in the namespace with an empty pod selector, policy types Ingress and Egress, no ingress rules and egress only to port 53.',
    remediationTargets: ['HardenedNamespace', 'ClusterBaseline.addNamespace'],
    cisControls: [cisAks('4.4.2'), cisRke2('5.3.2')],
    resourceTypes: NAMESPACE_TYPES,
    constructDefault: 'HardenedNamespace: NetworkPolicy default-deny (Ingress+Egress, DNS egress to kube-system only)',
    evidence: namespaceEvidence([cisAks('4.4.2'), cisRke2('5.3.2')], 'judged for its default-deny NetworkPolicy'),
  },
  (namespace, context) => {
    const skip = notJudged(namespace);
    if (skip) {
      return notApplicable(skip);
    }
    const policies = [...inNamespace(context, 'kubernetes_network_policy_v1', namespace), ...inNamespace(context, 'kubernetes_network_policy', namespace)];
    if (policies.length === 0) {
      return onNamespace(namespace, nonCompliant('no NetworkPolicy in this namespace'));
    }
    return onNamespace(
      namespace,
      policies.some(isDefaultDeny) ? compliant() : nonCompliant(`none of ${policies.map((p) => p.address).join(', ')} denies all ingress and egress by default`),
    );
  },
);
