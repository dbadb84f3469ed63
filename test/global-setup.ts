// Jest global setup: the example and CLI tests run the published bundle (lib/bundle.js, the
// package's main) and the compiled examples, so both are built here, once, when missing or stale.
// It also records where each export of the library is declared, for the lazy entry the suites load
// (test/helpers/lazy-library.ts).
import * as path from 'path';
import { declaredExports } from '../scripts/bundle-library';
import { ensureCompiledExample, exampleNames } from '../scripts/fresh-build.cjs';
import { LIBRARY_EXPORTS_ENV } from './helpers/lazy-library-env';

const LIB = path.join(__dirname, '..', 'lib');

export default async function buildIfStale(): Promise<void> {
  const log = (line: string) => process.stdout.write(`\n${line}\n`);
  for (const name of exampleNames()) {
    await ensureCompiledExample(name, log);
  }
  // The jsii build the bundle was made from is current now; the workers inherit the environment.
  const declared = declaredExports(path.join(LIB, 'index.js'));
  const modules = Object.fromEntries(Object.entries(declared).map(([name, file]) => [name, path.relative(LIB, file).replace(/\.js$/, '').split(path.sep).join('/')]));
  process.env[LIBRARY_EXPORTS_ENV] = JSON.stringify(modules);
}
