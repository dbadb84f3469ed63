import { cisAks } from '../../../cis/refs';
import { defineRule, compliant, nonCompliant, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Kubernetes secrets are envelope-encrypted in etcd with a Key Vault key reached privately. */
export const aksKmsEtcdEncryption = defineRule(
  {
    id: 'aks-kms-etcd-encryption',
    title: 'AKS encrypts Kubernetes secrets with a Key Vault key (KMS, private vault access)',
    severity: RuleSeverity.ERROR,
    remediation: 'Give HardenedAksCluster kmsKeyVaultKeyId (a key from HardenedKeyVault.addKmsKey) and kmsKeyVaultId.',
    remediationTargets: ['HardenedAksClusterProps.kmsKeyVaultKeyId', 'HardenedAksClusterProps.kmsKeyVaultId', 'HardenedKeyVault.addKmsKey'],
    cisControls: [cisAks('5.3.1')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: key_management_service with key_vault_network_access = Private when kmsKeyVaultKeyId is given',
  },
  (r) => {
    if (!r.has('key_management_service.key_vault_key_id')) {
      return nonCompliant('no key_management_service block: secrets are encrypted with platform keys only');
    }
    const access = valueOr(r, 'key_management_service.key_vault_network_access', 'Public');
    return access === 'Private' ? compliant() : nonCompliant(`key_vault_network_access = ${access}`);
  },
);
