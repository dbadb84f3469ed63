import { aksPrivateCluster } from '../../../lib/compliance/rules/aks/private-cluster';
import { evaluateRule } from '../../helpers/rule-harness';

const CLUSTER = 'azurerm_kubernetes_cluster';

describe('aks-private-cluster (CIS AKS 1.8 5.4.2)', () => {
  test('compliant: private cluster without public FQDN', () => {
    expect(evaluateRule(aksPrivateCluster, CLUSTER, { private_cluster_enabled: true, private_cluster_public_fqdn_enabled: false }).status).toBe(
      'compliant',
    );
  });
  test('non-compliant: provider default (public)', () => {
    expect(evaluateRule(aksPrivateCluster, CLUSTER, {}).status).toBe('non-compliant');
  });
  test('non-compliant: private with a public FQDN', () => {
    expect(evaluateRule(aksPrivateCluster, CLUSTER, { private_cluster_enabled: true, private_cluster_public_fqdn_enabled: true }).status).toBe(
      'non-compliant',
    );
  });
  test('unknown: private flag from a variable', () => {
    expect(evaluateRule(aksPrivateCluster, CLUSTER, { private_cluster_enabled: '${var.private}' }).status).toBe('unknown');
  });
});
