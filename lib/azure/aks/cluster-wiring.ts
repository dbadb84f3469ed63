// What a HardenedAksCluster is wired to: registries its kubelet pulls from and the gateway AGIC manages.
// Checked before the cluster creates anything, also for JavaScript callers passing the wrong kind of value.
import { Token } from 'cdktf';
import { invalidProp } from '../../errors';
import type { TlsIngressGateway } from '../appgw/tls-ingress-gateway';
import type { HardenedContainerRegistry } from '../registry/hardened-container-registry';

const REGISTRY_ID = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.ContainerRegistry\/registries\/([A-Za-z0-9]{5,50})$/i;

/** The wiring props of a cluster, as the cluster reads them. */
export interface ClusterWiringProps {
  readonly containerRegistries?: HardenedContainerRegistry[];
  readonly containerRegistryIds?: string[];
  readonly applicationGateway?: TlsIngressGateway;
  readonly applicationGatewayId?: string;
}

/** A registry created elsewhere: its resource id and the construct id of its AcrPull assignment. */
export interface RegistryById {
  readonly id: string;
  readonly registryId: string;
}

export interface ClusterWiring {
  /** The gateway AGIC manages, if any. */
  readonly gatewayId?: string;
  readonly registries: HardenedContainerRegistry[];
  readonly registryIds: RegistryById[];
}

/** Validates the wiring props and returns what the cluster wires. */
export function validateClusterWiring(construct: string, props: ClusterWiringProps): ClusterWiring {
  return {
    gatewayId: gatewayIdOf(construct, props),
    registries: registriesOf(construct, props.containerRegistries),
    registryIds: registryIdsOf(construct, props.containerRegistryIds, props.containerRegistries ?? []),
  };
}

function gatewayIdOf(construct: string, props: ClusterWiringProps): string | undefined {
  const gateway = props.applicationGateway;
  if (gateway === undefined || gateway === null) {
    return props.applicationGatewayId || undefined;
  }
  if (typeof (gateway as any)._claimAgic !== 'function') {
    throw invalidProp(
      construct,
      'applicationGateway',
      describeValue(gateway),
      'a TlsIngressGateway construct of this app',
      'pass the TlsIngressGateway itself; for a gateway created elsewhere use applicationGatewayId',
    );
  }
  if (props.applicationGatewayId !== undefined) {
    throw invalidProp(
      construct,
      'applicationGatewayId',
      props.applicationGatewayId,
      'applicationGateway or applicationGatewayId, not both',
      'keep applicationGateway for a TlsIngressGateway of this app (it also grants AGIC), applicationGatewayId for one created elsewhere',
    );
  }
  return gateway.gatewayId;
}

function registriesOf(construct: string, registries: HardenedContainerRegistry[] | undefined): HardenedContainerRegistry[] {
  if (registries === undefined || registries === null) {
    return [];
  }
  const allowed = 'a list of HardenedContainerRegistry constructs of this app';
  if (!Array.isArray(registries)) {
    throw invalidProp(construct, 'containerRegistries', describeValue(registries), allowed, 'pass [registry]; for registries created elsewhere use containerRegistryIds');
  }
  registries.forEach((registry, i) => {
    if (typeof (registry as any)?._grantPullIn !== 'function') {
      throw invalidProp(construct, `containerRegistries[${i}]`, describeValue(registry), allowed, 'pass the HardenedContainerRegistry itself; for a registry created elsewhere use containerRegistryIds');
    }
    if (registries.indexOf(registry) !== i) {
      throw invalidProp(construct, `containerRegistries[${i}]`, registry.node.path, 'each registry once', 'remove the repeated registry');
    }
  });
  return registries;
}

function registryIdsOf(construct: string, ids: string[] | undefined, registries: HardenedContainerRegistry[]): RegistryById[] {
  if (ids === undefined || ids === null) {
    return [];
  }
  const allowed = 'resource ids of container registries, "/subscriptions/<id>/resourceGroups/<group>/providers/Microsoft.ContainerRegistry/registries/<name>"';
  if (!Array.isArray(ids)) {
    throw invalidProp(construct, 'containerRegistryIds', ids, `a list of ${allowed}`, 'pass a list, e.g. [registryId]');
  }
  // Resource ids are case-insensitive; a registry given twice would get a second, rejected assignment.
  const seen = new Set(registries.map((r) => r.registryId));
  return ids.map((registryId, i) => {
    const prop = `containerRegistryIds[${i}]`;
    if (typeof registryId !== 'string' || registryId.trim() === '') {
      throw invalidProp(construct, prop, registryId, allowed, 'give the id of the registry, e.g. from a data source or the registry\'s stack output');
    }
    const key = Token.isUnresolved(registryId) ? registryId : registryId.toLowerCase();
    if (seen.has(key)) {
      throw invalidProp(construct, prop, registryId, 'each registry once, in containerRegistries or containerRegistryIds', 'remove the repeated registry');
    }
    seen.add(key);
    if (Token.isUnresolved(registryId)) {
      return { id: `id-${i}`, registryId };
    }
    const match = REGISTRY_ID.exec(registryId);
    if (!match) {
      throw invalidProp(construct, prop, registryId, allowed, 'copy the id from the registry\'s Properties page or `az acr show --query id`');
    }
    return { id: match[1].toLowerCase(), registryId };
  });
}

/** A short description of a wrong value for messages (constructs by path, not as JSON). */
function describeValue(value: unknown): unknown {
  const path = (value as any)?.node?.path;
  return typeof path === 'string' ? `${(value as any).constructor?.name ?? 'construct'} ${path}` : value;
}
