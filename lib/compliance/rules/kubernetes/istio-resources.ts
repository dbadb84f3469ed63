// Internal: facts about Istio objects the mesh rules share.
import { MESH_ROOT_NAMESPACES } from '../../../kubernetes/exemptions';
import { IResolvedResource } from '../../types';

/** True for the namespace of the mesh's root (mesh-wide policies live there). */
export function isMeshRootNamespace(namespace: unknown): boolean {
  return typeof namespace === 'string' && MESH_ROOT_NAMESPACES.includes(namespace);
}

/** True for a policy that applies mesh-wide: in the mesh root namespace, with no workload selector or target. */
export function isMeshWide(r: IResolvedResource): boolean {
  return isMeshRootNamespace(r.get('manifest.metadata.namespace')) && !r.has('manifest.spec.selector') && !r.has('manifest.spec.targetRef') && !r.has('manifest.spec.targetRefs');
}

/** True for an Istio `security.istio.io` object of a kind. */
export function isIstioSecurity(r: IResolvedResource, kind: string): boolean {
  const apiVersion = r.get('manifest.apiVersion');
  return r.get('manifest.kind') === kind && typeof apiVersion === 'string' && apiVersion.startsWith('security.istio.io/');
}
