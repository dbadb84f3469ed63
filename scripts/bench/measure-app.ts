// Child process of the benchmark: loads one cdktf app module (which synthesizes on load) and prints
// {"ms": synth time, "rssMb": peak resident memory}. Usage: measure-app.ts <module> [--no-compliance]
import * as path from 'path';

const [modulePath, ...flags] = process.argv.slice(2);
const start = process.hrtime.bigint();
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
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`\n${JSON.stringify({ ms, rssMb })}\n`);
