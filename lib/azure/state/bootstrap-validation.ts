// Internal: the checks HardenedStateBackend makes on its identity, network and key props.
import { Token } from 'cdktf';
import { HardenedK8sError, invalidProp } from '../../errors';
import type { HardenedStateBackendProps, StateEncryptionKey } from './hardened-state-backend';
import { validateRunnerEgressRanges } from './state-names';
import { requireString } from '../../validation';

const KEY_ID = /^https:\/\/[A-Za-z0-9-]{3,24}\.vault\.[a-z0-9.]+\/keys\/[A-Za-z0-9-]{1,127}\/?$/;

/** The pipeline identities: a non-empty list of object ids, each once. */
export function validatePrincipals(construct: string, principals: unknown): string[] {
  if (!Array.isArray(principals) || principals.length === 0) {
    throw invalidProp(construct, 'pipelinePrincipalIds', principals, 'a non-empty list of object ids', 'pass the object id of the identity your pipeline runs Terraform as');
  }
  for (const principal of principals) {
    requireString(construct, 'pipelinePrincipalIds[]', principal as string, 'pass object ids as non-empty strings');
  }
  const literals = principals.filter((x) => !Token.isUnresolved(x));
  if (new Set(literals).size !== literals.length) {
    throw invalidProp(construct, 'pipelinePrincipalIds', principals, 'each identity once', 'remove the repeated object id');
  }
  return [...principals];
}

/** The network path: a private endpoint with its zone, a runner allowlist, or both. */
export function validateNetwork(construct: string, p: HardenedStateBackendProps): { subnetId?: string; zoneId?: string; allowlist: string[] } {
  const allowlist = p.runnerEgressIpRanges === undefined ? [] : validateRunnerEgressRanges(construct, 'runnerEgressIpRanges', p.runnerEgressIpRanges);
  if (p.privateEndpointSubnetId === undefined && p.privateDnsZoneId === undefined && allowlist.length === 0) {
    throw new HardenedK8sError(
      `${construct}: the state account would be reachable from nowhere (no private endpoint, no runner allowlist). ` +
        'Allowed: privateEndpointSubnetId with privateDnsZoneId (runners inside the network), runnerEgressIpRanges (runners outside), or both. Fix: give one of them.',
    );
  }
  if ((p.privateEndpointSubnetId === undefined) !== (p.privateDnsZoneId === undefined)) {
    const missing = p.privateEndpointSubnetId === undefined ? 'privateEndpointSubnetId' : 'privateDnsZoneId';
    throw new HardenedK8sError(
      `${construct}: ${missing} is required with ${missing === 'privateDnsZoneId' ? 'privateEndpointSubnetId' : 'privateDnsZoneId'}: a private endpoint needs its subnet and the privatelink.blob.core.windows.net zone. Fix: give both.`,
    );
  }
  if (p.privateEndpointSubnetId !== undefined) {
    requireString(construct, 'privateEndpointSubnetId', p.privateEndpointSubnetId, 'pass the subnet id of the private endpoint');
    requireString(construct, 'privateDnsZoneId', p.privateDnsZoneId, 'pass the id of the privatelink.blob.core.windows.net zone');
  }
  return { subnetId: p.privateEndpointSubnetId, zoneId: p.privateDnsZoneId, allowlist };
}

/** A customer-managed key: the vault id and a versionless key id. */
export function validateKey(construct: string, key: StateEncryptionKey): StateEncryptionKey {
  requireString(construct, 'customerManagedKey.keyVaultId', key?.keyVaultId, 'pass the resource id of the vault holding the key');
  requireString(construct, 'customerManagedKey.keyVaultKeyId', key.keyVaultKeyId, 'pass the versionless key id, e.g. kmsKey.versionlessId');
  if (!Token.isUnresolved(key.keyVaultKeyId) && !KEY_ID.test(key.keyVaultKeyId)) {
    throw invalidProp(
      construct,
      'customerManagedKey.keyVaultKeyId',
      key.keyVaultKeyId,
      'a versionless Key Vault key id, https://<vault>.vault.azure.net/keys/<name>',
      'drop the version segment so the account follows the key\'s rotation (KmsKey.versionlessId)',
    );
  }
  return key;
}
