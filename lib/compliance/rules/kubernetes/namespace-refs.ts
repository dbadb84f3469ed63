// Internal helpers for kubernetes rules: which objects of a stack belong to a namespace resource.
import { references } from '../../define-rule';
import { IResolvedResource, IRuleContext } from '../../types';

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
