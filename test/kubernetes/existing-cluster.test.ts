import { Testing, TerraformStack, TerraformVariable, Token } from 'cdktf';
import { ExistingCluster, Kubelogin, KubernetesDistribution, PolicyEngine } from '../../lib';

const HOST = 'https://aks-x.privatelink.westeurope.azmk8s.io:443';

describe('ExistingCluster.fromAttributes', () => {
  test('documented defaults', () => {
    const c = ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: HOST, exec: Kubelogin.exec() } });
    expect(c.distribution).toBe(KubernetesDistribution.OTHER);
    expect(c.policyEngine).toBe(PolicyEngine.GATEKEEPER);
    expect(c.secretsStoreCsiManaged).toBe(false);
    expect(c.managedIstioRevision).toBeUndefined();
  });

  test('a token from a sensitive variable is accepted', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const token = new TerraformVariable(stack, 'token', { type: 'string', sensitive: true });
    const c = ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: HOST, token: token.stringValue } });
    expect(Token.isUnresolved(c.endpoint.token)).toBe(true);
  });

  test('bad input', () => {
    expect(() => ExistingCluster.fromAttributes({ clusterName: '', endpoint: { host: HOST, exec: Kubelogin.exec() } })).toThrow(/clusterName is required/);
    expect(() => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: 'http://x', exec: Kubelogin.exec() } })).toThrow(/invalid endpoint.host "http:\/\/x"/);
    expect(() => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: HOST } })).toThrow(/endpoint.exec or endpoint.token is required/);
    expect(() => ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: HOST, token: 'eyJhbGciOi' } })).toThrow(
      /invalid endpoint.token "<literal token, not shown>"/,
    );
    expect(() =>
      ExistingCluster.fromAttributes({ clusterName: 'c', endpoint: { host: HOST, exec: Kubelogin.exec() }, managedIstioRevision: '1.28' }),
    ).toThrow(/invalid managedIstioRevision "1.28"/);
  });
});
