// Child process of the benchmark: loads one cdktf app module (which synthesizes on load) and prints
// {"ms": CPU time (user + system) of load and synth, "wallMs", "rssMb": peak resident memory}.
// CPU time is what is compared: it moves much less than wall time when other work shares the cores.
// Usage: measure-app.ts <module> [--no-compliance]
import * as path from 'path';

const [modulePath, ...flags] = process.argv.slice(2);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
if (flags.includes('--no-compliance')) {
  // Measures the engine's cost: the same app with Compliance.apply() turned into a no-op.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require(path.join(__dirname, '..', '..', 'lib'));
  lib.Compliance.prototype.apply = function apply(this: unknown) {
    return this;
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
require(path.resolve(modulePath));
const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
const cpu = process.cpuUsage(cpuStart);
const ms = (cpu.user + cpu.system) / 1000;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n${JSON.stringify({ ms, wallMs, rssMb })}\n`);
