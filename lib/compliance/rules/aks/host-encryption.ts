import { check, defineRule, valueOr } from '../../define-rule';
import { RuleSeverity } from '../../types';
import { CLUSTER, NODE_POOL, poolPrefix } from './pools';

/** Temp disks, caches and OS disks are encrypted at the host. */
export const aksHostEncryption = defineRule(
  {
    id: 'aks-host-encryption',
    title: 'AKS node pools encrypt at host',
    severity: RuleSeverity.ERROR,
    remediation:
      'Keep hostEncryptionEnabled true on the HardenedAksCluster systemNodePool and AksNodePool (register Microsoft.Compute/EncryptionAtHost in the subscription).',
    remediationTargets: ['HardenedAksClusterProps.systemNodePool.hostEncryptionEnabled', 'AksNodePoolProps.hostEncryptionEnabled'],
    cisControls: [],
    resourceTypes: [CLUSTER, NODE_POOL],
    constructDefault: 'HardenedAksCluster / AksNodePool: host_encryption_enabled = true',
  },
  (r) => check(valueOr(r, `${poolPrefix(r)}host_encryption_enabled`, false) === true, 'host_encryption_enabled is not true'),
);
