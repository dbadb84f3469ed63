// The benchmark's scale app: BENCH_CLUSTERS copies of the default platform (infrastructure stack with
// network, vault, registry and cluster, plus the three baseline stacks) in one app.
import { App } from 'cdktf';
import { addAksPlatform } from '../../examples/aks/platform';
import { CisAksPack, CisBenchmark, Compliance, KubernetesBaselinePack } from '../../lib';

const clusters = Number(process.env.BENCH_CLUSTERS ?? 1);
const app = new App();
for (let i = 1; i <= clusters; i++) {
  addAksPlatform(app, `platform${i}`);
}
Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8], printSummary: false }).apply(new CisAksPack()).apply(new KubernetesBaselinePack());
app.synth();
