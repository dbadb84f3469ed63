import { cisAks } from '../../../cis/refs';
import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';

/** Secrets come from Key Vault through the Secrets Store CSI add-on, rotated. */
export const aksSecretsStoreProvider = defineRule(
  {
    id: 'aks-key-vault-secrets-provider',
    title: 'AKS Key Vault secrets provider add-on is on with rotation',
    severity: RuleSeverity.ERROR,
    remediation:
      'Use HardenedAksCluster (it enables the Key Vault secrets provider with rotation), or keep the key_vault_secrets_provider block with secret_rotation_enabled = true.',
    remediationTargets: ['HardenedAksCluster'],
    cisControls: [cisAks('4.5.2')],
    resourceTypes: ['azurerm_kubernetes_cluster'],
    constructDefault: 'HardenedAksCluster: key_vault_secrets_provider { secret_rotation_enabled = true, interval 2m }',
  },
  (r) => check(r.has('key_vault_secrets_provider') && valueOr(r, 'key_vault_secrets_provider.secret_rotation_enabled', false) === true, 'secrets provider add-on missing or rotation off'),
);
