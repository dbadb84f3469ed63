import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Construct } from 'constructs';
import { requireStrings } from '../../required-props';
import { validateDnsLabel } from '../../kubernetes/namespace/dns-label';

/** Props of {@link WorkloadIdentity}. */
export interface WorkloadIdentityProps {
  /** Identity name. */
  readonly name: string;
  /** Resource group. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** OIDC issuer URL of the cluster (HardenedAksCluster.oidcIssuerUrl). */
  readonly oidcIssuerUrl: string;
  /** Namespace of the workload's service account. */
  readonly namespace: string;
  /** Service account the workload runs as (annotate it with `azure.workload.identity/client-id`). */
  readonly serviceAccountName: string;
  /**
   * Key Vault whose secrets the workload reads: grants Key Vault Secrets User on it.
   * @default - no grant
   */
  readonly keyVaultId?: string;
}

/**
 * A workload's own Azure identity (CIS AKS 1.8 5.2.1): a user-assigned identity federated with one
 * Kubernetes service account through the cluster's OIDC issuer, optionally allowed to read a vault's secrets.
 */
export class WorkloadIdentity extends Construct {
  /** The identity. */
  public readonly identity: UserAssignedIdentity;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(scope, id);
    const construct = `WorkloadIdentity ${this.node.path}`;
    requireStrings(construct, props, ['name', 'resourceGroupName', 'location', 'oidcIssuerUrl', 'namespace', 'serviceAccountName']);
    validateDnsLabel(construct, 'namespace', props.namespace);
    validateDnsLabel(construct, 'serviceAccountName', props.serviceAccountName);
    this.identity = new UserAssignedIdentity(this, 'identity', { name: props.name, resourceGroupName: props.resourceGroupName, location: props.location });
    new FederatedIdentityCredential(this, 'federation', {
      name: `${props.namespace}-${props.serviceAccountName}`,
      resourceGroupName: props.resourceGroupName,
      parentId: this.identity.id,
      issuer: props.oidcIssuerUrl,
      subject: `system:serviceaccount:${props.namespace}:${props.serviceAccountName}`,
      audience: ['api://AzureADTokenExchange'],
    });
    if (props.keyVaultId) {
      new RoleAssignment(this, 'secrets-reader', {
        scope: props.keyVaultId,
        roleDefinitionName: 'Key Vault Secrets User',
        principalId: this.identity.principalId,
        principalType: 'ServicePrincipal',
      });
    }
  }

  /** Client id for the service account annotation and the SecretProviderClass. */
  public get clientId(): string {
    return this.identity.clientId;
  }

  /** Principal id for further role assignments. */
  public get principalId(): string {
    return this.identity.principalId;
  }
}
