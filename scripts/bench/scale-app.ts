// The benchmark's scale app: BENCH_CLUSTERS copies of the default platform (cluster and baseline) in one app.
import { App } from 'cdktf';
import { CisAksPack, Compliance } from '../../lib';

const clusters = Number(process.env.BENCH_CLUSTERS ?? 1);
const app = new App();
// Placeholder until the platform builder exists; replaced at integration.
void clusters;
Compliance.of(app).apply(new CisAksPack());
app.synth();
