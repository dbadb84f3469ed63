// The default example: a hardened AKS platform checked against CIS AKS 1.8 and the in-cluster
// baseline at synth time. `npm run synth` writes it to cdktf.out/ with a compliance report per stack
// and one for the whole app.
import { App } from 'cdktf';
import { CisAksPack, CisBenchmark, Compliance, KubernetesBaselinePack } from '../../lib';
import { addAksPlatform } from './platform';

const app = new App();
addAksPlatform(app, 'platformprod');
Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8] })
  .apply(new CisAksPack())
  .apply(new KubernetesBaselinePack());
app.synth();
