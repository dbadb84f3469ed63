// Internal helpers for kubernetes rules: which objects of a stack belong to a namespace, and the
// evidence every namespace rule needs (the `default` namespace, which exists in every cluster).
import { isSystemNamespace } from '../../../kubernetes/exemptions';
import { references } from '../../define-rule';
import { EvidenceRequirement, EvidenceSubject, IResolvedResource, IRuleContext, RuleEvaluation, RuleEvidence } from '../../types';
import { CisControlRef } from '../../../cis/types';

/** Terraform types a namespace rule judges: namespaces the app creates, and labels on existing ones. */
export const NAMESPACE_TYPES = ['kubernetes_namespace_v1', 'kubernetes_namespace', 'kubernetes_labels'];

/** The namespace's literal name, or undefined when it is an expression. */
export function literalNamespaceName(namespace: IResolvedResource): string | undefined {
  const name = namespace.config?.metadata?.name;
  return typeof name === 'string' && !name.includes('${') ? name : undefined;
}

/** Resources of a type whose `metadata.namespace` is the namespace (by reference or by literal name). */
export function inNamespace(context: IRuleContext, terraformType: string, namespace: IResolvedResource): IResolvedResource[] {
  const name = literalNamespaceName(namespace);
  return context.resourcesOfType(terraformType).filter((r) => {
    const value = r.config?.metadata?.namespace;
    return references(value, namespace) || (name !== undefined && value === name);
  });
}

/**
 * Why a namespace rule does not judge the resource, or undefined when it does: labels of an object other
 * than a Namespace, or a system namespace (the platform's own, which the rules do not govern).
 */
export function notJudged(r: IResolvedResource): string | undefined {
  if (r.terraformType === 'kubernetes_labels' && r.get('kind') !== 'Namespace') {
    return 'labels of an object other than a Namespace';
  }
  const name = literalNamespaceName(r);
  return name !== undefined && isSystemNamespace(name) ? `${name} is a system namespace` : undefined;
}

/**
 * The evidence of a rule that judges every namespace: each cluster needs the rule judged on its
 * `default` namespace (ClusterBaseline hardens it by default) and on at least one namespace.
 */
export function namespaceEvidence(cisControls: CisControlRef[], what: string): RuleEvidence {
  const requirements: EvidenceRequirement[] = [
    { id: 'default-namespace', description: `the default namespace, ${what} (ClusterBaseline hardenDefaultNamespace)`, cisControls },
    { id: 'namespaces', description: `a namespace ${what}`, cisControls },
  ];
  return { protects: [EvidenceSubject.KUBERNETES_CLUSTER], requirements };
}

/** A namespace rule's result, saying whether it speaks for the `default` namespace. */
export function onNamespace(namespace: IResolvedResource, result: RuleEvaluation): RuleEvaluation {
  return { ...result, evidence: literalNamespaceName(namespace) === 'default' ? ['default-namespace', 'namespaces'] : ['namespaces'] };
}
