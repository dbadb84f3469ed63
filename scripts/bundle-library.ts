// Bundles the compiled library (jsii's lib/**/*.js, one module per rule, policy or construct) into
// one file, the package's `main`. Loading ~240 small modules costs more than the code they hold;
// one file removes the per-module resolve, stat, read and wrap. The entry is lazy, as in
// aws-cdk-lib: each export is a getter that loads its module on first use, so an AKS app never
// compiles the RKE2 code. Dependencies stay external, so the app and the bundle share one cdktf and
// one set of provider classes.
//
// After writing, the bundle is checked against the per-module build in a fresh node process: the
// same exported names, and every exported class with the same jsii type id (what jsii runtimes
// use to find a type), so a bundling mistake fails the build instead of a user's app.
//
// Usage: bundle-library.ts [<compiled lib dir> [<bundle file>]]  (defaults: lib, lib/bundle.js)
import { execFileSync } from 'child_process';
import * as esbuild from 'esbuild';
import * as path from 'path';
import { NODE_BUNDLE_OPTIONS } from './fresh-build.cjs';

/** Writes the bundle of `<libDir>/index.js` to `outfile` and checks it exports what the entry does. */
export function bundleLibrary(libDir: string, outfile: string): void {
  const entry = path.resolve(libDir, 'index.js');
  esbuild.buildSync({
    stdin: { contents: lazyEntry(entry), resolveDir: path.dirname(entry), sourcefile: 'lazy-index.js', loader: 'js' },
    outfile,
    ...NODE_BUNDLE_OPTIONS,
    // The compiled modules, never the .ts sources beside them: jsii adds type ids to the JS.
    resolveExtensions: ['.js', '.json'],
  });
  checkSameExports(entry, outfile);
}

/**
 * A CommonJS entry defining each export of `entry` as a getter that requires the module declaring
 * it. The modules come from the compiled `export * from` chain (tsc's `__exportStar(require(..))`).
 */
function lazyEntry(entry: string): string {
  const list = `
    const fs = require('fs'), path = require('path');
    const declaredIn = {};
    const visit = (file) => {
      const reexported = [...fs.readFileSync(file, 'utf-8').matchAll(/__exportStar\\(require\\("([^"]+)"\\), exports\\)/g)].map((m) => {
        const target = path.resolve(path.dirname(file), m[1]);
        return fs.existsSync(target + '.js') ? target + '.js' : path.join(target, 'index.js');
      });
      reexported.forEach(visit);
      const inherited = new Set(reexported.flatMap((f) => Object.keys(require(f))));
      for (const name of Object.keys(require(file))) {
        if (!inherited.has(name) && !(name in declaredIn)) declaredIn[name] = file;
      }
    };
    visit(process.argv[1]);
    process.stdout.write(JSON.stringify(declaredIn));`;
  const declaredIn = JSON.parse(execFileSync(process.execPath, ['-e', list, entry], { encoding: 'utf-8' })) as Record<string, string>;
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  for (const name of Object.keys(declaredIn).sort()) {
    const module = `./${path.relative(path.dirname(entry), declaredIn[name]).split(path.sep).join('/')}`;
    lines.push(`Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => require(${JSON.stringify(module)}).${name} });`);
  }
  return lines.join('\n') + '\n';
}

/** Fails unless both modules export the same names and the same jsii type id for each class. */
function checkSameExports(entry: string, bundle: string): void {
  const describe = `
    const rtti = Symbol.for('jsii.rtti');
    const shape = (file) => {
      const exports = require(file);
      return ['__esModule ' + exports.__esModule, ...Object.keys(exports).sort().map((name) => {
        const value = exports[name];
        const fqn = typeof value === 'function' && value[rtti] ? value[rtti].fqn : '';
        return name + ' ' + typeof value + ' ' + fqn;
      })];
    };
    process.stdout.write(JSON.stringify([shape(process.argv[1]), shape(process.argv[2])]));`;
  const [expected, actual] = JSON.parse(
    execFileSync(process.execPath, ['-e', describe, path.resolve(entry), path.resolve(bundle)], { encoding: 'utf-8' }),
  ) as [string[], string[]];
  const missing = expected.filter((e) => !actual.includes(e));
  const extra = actual.filter((a) => !expected.includes(a));
  if (missing.length || extra.length || expected.length <= 1) {
    throw new Error(`bundle ${bundle} does not match ${entry}: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`);
  }
}

if (require.main === module) {
  const [libDir = 'lib', outfile = path.join(libDir, 'bundle.js')] = process.argv.slice(2);
  bundleLibrary(libDir, outfile);
  process.stdout.write(`bundled ${path.join(libDir, 'index.js')} -> ${outfile}\n`);
}
