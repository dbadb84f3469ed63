// Jest global setup: the example and CLI tests run the published bundle (lib/bundle.js, the
// package's main) and the compiled examples, so both are built here, once, when missing or stale.
import { ensureCompiledExample, exampleNames } from '../scripts/fresh-build.cjs';

export default async function buildIfStale(): Promise<void> {
  const log = (line: string) => process.stdout.write(`\n${line}\n`);
  for (const name of exampleNames()) {
    await ensureCompiledExample(name, log);
  }
}
