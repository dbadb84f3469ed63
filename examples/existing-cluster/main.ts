// The in-cluster security baseline alone, on a cluster created elsewhere and given by attributes.
// Synthesizes to cdktf.out/existing-cluster (or $CDKTF_OUTDIR) so it leaves the default example's output alone.
import * as fs from 'fs';
import { App } from 'cdktf';
import {
  ClusterBaseline,
  Compliance,
  ExistingCluster,
  Kubelogin,
  KubeloginMode,
  KubernetesBaselinePack,
  KubernetesDistribution,
  PolicyEngine,
  RemoteState,
} from '../../lib';

const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out/existing-cluster';
fs.mkdirSync(outdir, { recursive: true });
const app = new App({ outdir });

const cluster = ExistingCluster.fromAttributes({
  clusterName: 'aks-platform-prod',
  distribution: KubernetesDistribution.AKS,
  policyEngine: PolicyEngine.GATEKEEPER,
  endpoint: {
    host: process.env.CLUSTER_HOST ?? 'https://aks-platform-prod.privatelink.westeurope.azmk8s.io:443',
    clusterCaCertificate: process.env.CLUSTER_CA_CERTIFICATE,
    // Local accounts are disabled: the providers get Entra ID tokens from kubelogin.
    exec: Kubelogin.exec(KubeloginMode.AZURE_CLI),
  },
});

new ClusterBaseline(app, 'baseline', {
  cluster,
  allowedRegistries: ['acrplatformprod.azurecr.io/', 'mcr.microsoft.com/'],
  namespaces: [
    { name: 'payments', resourceQuota: { requestsCpu: '4', requestsMemory: '8Gi', limitsMemory: '16Gi', pods: 50 } },
    { name: 'web', limitRange: { defaultRequestCpu: '100m', defaultRequestMemory: '128Mi', defaultLimitMemory: '256Mi' } },
  ],
  istioOptions: {
    allowRules: [
      { name: 'web-to-payments', namespace: 'payments', from: [{ namespace: 'web', serviceAccount: 'frontend' }], ports: [8080], methods: ['POST'] },
    ],
  },
});

RemoteState.azureStorage(app, { storageAccountName: 'sttfstateplatform', keyPrefix: 'existing-cluster' });
Compliance.of(app).apply(new KubernetesBaselinePack());
app.synth();
