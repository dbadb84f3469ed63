// The default example: a hardened AKS platform checked against CIS AKS 1.8 and the in-cluster
// baseline at synth time. `npm run synth` writes it to cdktf.out/ with a compliance report per stack
// and one for the whole app.
import { App } from 'cdktf';
import { CisAksPack, CisBenchmark, Compliance, KubernetesBaselinePack, TerraformStatePack } from '../../lib';
import { addAksPlatform } from './platform';
import { addStateBackend } from './state';

const app = new App();
const state = addStateBackend(app);
addAksPlatform(app, 'platformprod');
// Every other stack keeps its state in the account: one key per stack, Entra ID auth, no key or SAS.
state.useForEveryStack();
Compliance.of(app, { benchmarks: [CisBenchmark.AKS_1_8] })
  .apply(new CisAksPack())
  .apply(new KubernetesBaselinePack())
  .apply(new TerraformStatePack());
app.synth();
