// Internal: which namespaces the mesh covers (labelled for sidecar injection), found in the baseline's stack.
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { TerraformStack, Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { invalidProp } from '../../../errors';

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
