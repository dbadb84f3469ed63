// Internal: which namespaces the mesh covers (labelled for sidecar injection), found in the baseline's stack.
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProp } from '../../../errors';
import { validateDnsLabel } from '../../../validation';

/** Names of the namespaces of the scope's stack that are labelled for this mesh's sidecar injection. */
export function meshNamespaces(scope: IConstruct, revision: string | undefined): Set<string> {
  const names = new Set<string>();
  for (const c of TerraformStack.of(scope).node.findAll()) {
    if (!(c instanceof NamespaceV1)) {
      continue;
    }
    const metadata = c.metadataInput;
    const labels = metadata?.labels ?? {};
    const injected = revision ? labels['istio.io/rev'] === revision : labels['istio-injection'] === 'enabled';
    if (injected && typeof metadata?.name === 'string' && !Token.isUnresolved(metadata.name)) {
      names.add(metadata.name);
    }
  }
  return names;
}

/** Throws unless the namespace is covered by the mesh (its workloads have sidecars that enforce the rule). */
export function requireMeshNamespace(construct: string, prop: string, namespace: string, covered: Set<string>): void {
  if (Token.isUnresolved(namespace) || covered.has(namespace)) {
    return;
  }
  throw invalidProp(
    construct,
    prop,
    namespace,
    `a namespace the mesh covers (labelled for sidecar injection in the baseline's charts stack): ${[...covered].sort().join(', ') || 'none yet'}`,
    'create the namespace first with ClusterBaseline.addNamespace (meshInjection true, the default), then add the rule; without sidecars no mesh rule applies to its workloads',
  );
}

/**
 * The message prefix of a rule for workloads of one meshed namespace (`<kind> <name>`), after checking the
 * rule is an object with a DNS-label name and a namespace in the mesh; `shape` lists its fields for messages.
 */
export function meshRuleConstruct(kind: string, rule: { name: string; namespace: string } | undefined, shape: string, covered: Set<string>): string {
  if (!rule || typeof rule !== 'object') {
    throw invalidProp(kind, 'rule', rule, `a ${kind} { ${shape} }`, 'pass an object per rule');
  }
  const construct = `${kind} ${rule.name}`;
  validateDnsLabel(construct, 'name', rule.name);
  validateDnsLabel(construct, 'namespace', rule.namespace);
  requireMeshNamespace(construct, 'namespace', rule.namespace, covered);
  return construct;
}
