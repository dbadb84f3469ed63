// Preloaded (`node -r`) into an example's process to run it against the published bundle: every
// import of the library's entry (lib/index) resolves to lib/bundle.js, the package's main.
import * as path from 'path';

const LIB = path.join(__dirname, '..', '..', 'lib');
const ENTRIES = new Set([path.join(LIB, 'index.ts'), path.join(LIB, 'index.js')]);
const BUNDLE = path.join(LIB, 'bundle.js');

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Module = require('module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveToBundle(this: unknown, ...args: unknown[]): string {
  const resolved: string = resolve.apply(this, args);
  if (!ENTRIES.has(resolved)) {
    return resolved;
  }
  redirected = true;
  return BUNDLE;
};

// A run that never loaded the library through its entry proved nothing about the bundle.
let redirected = false;
process.on('exit', () => {
  if (!redirected) {
    process.stderr.write('use-bundle: the library entry was never loaded, so the bundle was not used\n');
    process.exitCode = 1;
  }
});
