// Internal: the private endpoint every private Azure resource of the library gets.
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import { Construct } from 'constructs';

export interface PrivateEndpointOptions {
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  readonly subnetId: string;
  readonly resourceId: string;
  /** Sub-resource, e.g. `registry` or `vault`. */
  readonly subresource: string;
  readonly privateDnsZoneId: string;
}

/** A private endpoint for a resource, registered in its private DNS zone. */
export function addPrivateEndpoint(scope: Construct, id: string, o: PrivateEndpointOptions): PrivateEndpoint {
  return new PrivateEndpoint(scope, id, {
    name: `pe-${o.name}`,
    resourceGroupName: o.resourceGroupName,
    location: o.location,
    subnetId: o.subnetId,
    privateServiceConnection: {
      name: `psc-${o.name}`,
      privateConnectionResourceId: o.resourceId,
      subresourceNames: [o.subresource],
      isManualConnection: false,
    },
    privateDnsZoneGroup: { name: o.subresource, privateDnsZoneIds: [o.privateDnsZoneId] },
  });
}
