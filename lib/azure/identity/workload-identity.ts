import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalidProp } from '../../errors';
import { assignRole } from '../internal/role-assignment';
import { KeyVaultRole } from '../keyvault/key-vault-role';
import { libraryScope } from '../../scope';
import { federatedCredentialName, validateFederatedNamespace, validateIdentityName, validateServiceAccountName } from './federation-subject';
import { requireProps, requireString, validateDnsLabel } from '../../validation';

/** Props of {@link WorkloadIdentity}. */
export interface WorkloadIdentityProps {
  /** Name of the user-assigned managed identity. */
  readonly name: string;
  /** Resource group of the identity. */
  readonly resourceGroupName: string;
  /** Azure region. */
  readonly location: string;
  /** OIDC issuer URL of the cluster (`HardenedAksCluster.oidcIssuerUrl`). */
  readonly oidcIssuerUrl: string;
  /** Kubernetes namespace of the service account (a DNS label). */
  readonly namespace: string;
  /** Kubernetes service account the workload runs as (a DNS label). */
  readonly serviceAccountName: string;
  /** Key Vault the workload reads secrets from; the identity gets Key Vault Secrets User on it. */
  readonly keyVaultId: string;
}

/** Audience of tokens exchanged for Entra ID tokens (Azure workload identity). */
const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

/**
 * Azure workload identity for one Kubernetes service account (CIS AKS 1.8 5.2.1): a user-assigned managed
 * identity, a federated credential trusting the cluster's OIDC issuer for
 * `system:serviceaccount:<namespace>:<serviceAccountName>`, and Key Vault Secrets User on a vault. Annotate
 * the service account with `azure.workload.identity/client-id: <clientId>` and label its pods
 * `azure.workload.identity/use: "true"`.
 */
export class WorkloadIdentity extends Construct {
  /** Audience of the federated credential. */
  public static readonly AUDIENCE = TOKEN_EXCHANGE_AUDIENCE;

  /** The user-assigned identity. */
  public readonly identity: UserAssignedIdentity;
  /** The federated identity credential. */
  public readonly federatedCredential: FederatedIdentityCredential;
  /** The Key Vault Secrets User role assignment. */
  public readonly keyVaultRoleAssignment: RoleAssignment;
  /** Client id of the identity (SecretProviderClass `clientID`, service account annotation). */
  public readonly clientId: string;
  /** Principal (object) id of the identity, for further role assignments. */
  public readonly principalId: string;
  /** Resource id of the identity. */
  public readonly identityId: string;
  /** Namespace of the bound service account. */
  public readonly namespace: string;
  /** Name of the bound service account. */
  public readonly serviceAccountName: string;
  /** The token subject the credential trusts. */
  public readonly subject: string;

  constructor(scope: Construct, id: string, props: WorkloadIdentityProps) {
    super(libraryScope(scope, id, 'WorkloadIdentity'), id);
    const construct = `WorkloadIdentity ${this.node.path}`;
    requireProps(construct, props, 'pass WorkloadIdentityProps');
    requireString(construct, 'name', props?.name, 'name the managed identity, e.g. "id-payments"');
    requireString(construct, 'resourceGroupName', props.resourceGroupName, 'pass the resource group name');
    requireString(construct, 'location', props.location, 'pass the Azure region');
    requireString(construct, 'oidcIssuerUrl', props.oidcIssuerUrl, 'pass the cluster OIDC issuer URL (aks.oidcIssuerUrl)');
    if (!Token.isUnresolved(props.oidcIssuerUrl) && !/^https:\/\/[^\s/]+(\/\S*)?$/.test(props.oidcIssuerUrl)) {
      throw invalidProp(construct, 'oidcIssuerUrl', props.oidcIssuerUrl, 'an https:// URL', 'pass the cluster attribute oidc_issuer_url');
    }
    requireString(construct, 'namespace', props.namespace, 'pass the Kubernetes namespace of the service account');
    requireString(construct, 'serviceAccountName', props.serviceAccountName, 'pass the Kubernetes service account name');
    validateDnsLabel(construct, 'namespace', props.namespace);
    validateServiceAccountName(construct, props.serviceAccountName);
    validateFederatedNamespace(construct, props.namespace);
    validateIdentityName(construct, props.name);
    requireString(construct, 'keyVaultId', props.keyVaultId, 'pass the vault id (HardenedKeyVault.keyVaultId)');

    this.namespace = props.namespace;
    this.serviceAccountName = props.serviceAccountName;
    this.subject = `system:serviceaccount:${props.namespace}:${props.serviceAccountName}`;
    this.identity = new UserAssignedIdentity(this, 'identity', {
      name: props.name,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
    });
    this.federatedCredential = new FederatedIdentityCredential(this, 'federated-credential', {
      name: federatedCredentialName(props.namespace, props.serviceAccountName),
      resourceGroupName: props.resourceGroupName,
      parentId: this.identity.id,
      issuer: props.oidcIssuerUrl,
      subject: this.subject,
      audience: [TOKEN_EXCHANGE_AUDIENCE],
    });
    this.keyVaultRoleAssignment = assignRole(this, 'key-vault-secrets-user', props.keyVaultId, KeyVaultRole.SECRETS_USER, this.identity.principalId);
    this.clientId = this.identity.clientId;
    this.principalId = this.identity.principalId;
    this.identityId = this.identity.id;
  }
}
