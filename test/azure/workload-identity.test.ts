import { FederatedIdentityCredential } from '@cdktf/provider-azurerm/lib/federated-identity-credential';
import { RoleAssignment } from '@cdktf/provider-azurerm/lib/role-assignment';
import { UserAssignedIdentity } from '@cdktf/provider-azurerm/lib/user-assigned-identity';
import { TerraformOutput, Testing } from 'cdktf';
import { WorkloadIdentity } from '../../lib/azure';
import { stack, synthJson } from './helpers';

const PROPS = {
  name: 'id-payments',
  resourceGroupName: 'rg-platform',
  location: 'westeurope',
  oidcIssuerUrl: 'https://westeurope.oic.prod-aks.azure.com/tenant/cluster/',
  namespace: 'payments',
  serviceAccountName: 'payments-api',
  keyVaultId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
};

test('identity, federated credential for the service account, Key Vault Secrets User', () => {
  const s = stack();
  const wi = new WorkloadIdentity(s, 'wi', PROPS);
  new TerraformOutput(s, 'ids', { value: [wi.clientId, wi.principalId] });
  const synth = Testing.synth(s);
  expect(synth).toHaveResourceWithProperties(UserAssignedIdentity, { name: 'id-payments', resource_group_name: 'rg-platform' });
  expect(synth).toHaveResourceWithProperties(FederatedIdentityCredential, {
    issuer: PROPS.oidcIssuerUrl,
    subject: 'system:serviceaccount:payments:payments-api',
    audience: ['api://AzureADTokenExchange'],
  });
  expect(synth).toHaveResourceWithProperties(RoleAssignment, { scope: PROPS.keyVaultId, role_definition_name: 'Key Vault Secrets User' });
  expect(synthJson(s).output.ids.value).toEqual([
    expect.stringMatching(/azurerm_user_assigned_identity\.[^.]+\.client_id/),
    expect.stringMatching(/azurerm_user_assigned_identity\.[^.]+\.principal_id/),
  ]);
  expect(wi.subject).toBe('system:serviceaccount:payments:payments-api');
  expect(WorkloadIdentity.AUDIENCE).toBe('api://AzureADTokenExchange');
});

describe('WorkloadIdentity bad input', () => {
  test.each([
    [{ namespace: 'Payments' }, /invalid namespace "Payments".*DNS label/],
    [{ serviceAccountName: 'payments_api' }, /invalid serviceAccountName "payments_api".*DNS subdomain/],
    [{ oidcIssuerUrl: 'http://issuer' }, /invalid oidcIssuerUrl .*https:\/\/ URL/],
    [{ keyVaultId: '' }, /keyVaultId is required.*Fix:/],
    [{ namespace: '' }, /namespace is required/],
  ])('%o', (override, message) => {
    expect(() => new WorkloadIdentity(stack(), 'wi', { ...PROPS, ...(override as any) })).toThrow(message);
  });
});
