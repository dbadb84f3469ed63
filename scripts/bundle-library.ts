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
import { builtinModules } from 'module';
import * as esbuild from 'esbuild';
import * as fs from 'fs';
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
    define: packageDefine(),
  });
  checkSameExports(entry, outfile);
}

/** The package's name, version and repository, written into a bundle so it reads no package.json at run time. */
function packageDefine(): Record<string, string> {
  const json = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf-8'));
  const repository = String(json.repository?.url ?? json.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
  return { LIBRARY_PACKAGE_JSON: JSON.stringify(JSON.stringify({ name: json.name, version: json.version, repository })) };
}

/**
 * Where each export of `entry` (a compiled index.js) is declared: export name -> module file. The modules
 * come from the compiled `export * from` chain (tsc's `__exportStar(require(..))`), read in a fresh node
 * process so this one loads no library module.
 */
export function declaredExports(entry: string): Record<string, string> {
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
  return JSON.parse(execFileSync(process.execPath, ['-e', list, entry], { encoding: 'utf-8' })) as Record<string, string>;
}

/** A CommonJS entry defining each export of `entry` as a getter that requires the module declaring it. */
function lazyEntry(entry: string): string {
  const declaredIn = declaredExports(entry);
  const lines = ['"use strict";', 'Object.defineProperty(exports, "__esModule", { value: true });'];
  // The entry's side-effect imports (tsc's bare `require("./x");`) run on load, as in the per-module build.
  for (const match of fs.readFileSync(entry, 'utf-8').matchAll(/^require\("([^"]+)"\);$/gm)) {
    lines.push(`require(${JSON.stringify(match[1])});`);
  }
  // The test helpers (`cdktf-hardened-k8s/testing`, the package's testing.js) load from here, so they
  // share the engine's state with the app; a symbol keeps them out of the jsii API.
  lines.push(
    `Object.defineProperty(exports, Symbol.for("cdktf-hardened-k8s.testing"), { get: () => require("./testing/index.js") });`,
  );
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

/**
 * Writes the `cdktf-hardened-k8s` command (the package's `bin`) as one file beside the library bundle.
 * It holds the compliance engine and the packs only; the build fails if it would load any package
 * (cdktf, constructs, a provider), so the command starts fast and runs without the app's dependencies.
 */
export function bundleCommand(libDir: string, outfile: string): void {
  const result = esbuild.buildSync({
    stdin: { contents: 'require("./cli/main.js").runFromProcess();\n', resolveDir: path.resolve(libDir), sourcefile: 'cli-entry.js', loader: 'js' },
    outfile,
    ...NODE_BUNDLE_OPTIONS,
    resolveExtensions: ['.js', '.json'],
    define: packageDefine(),
    banner: { js: '#!/usr/bin/env node' },
    metafile: true,
  });
  const packages = Object.values(result.metafile.outputs)
    .flatMap((o) => o.imports)
    .filter((i) => i.external && !i.path.startsWith('node:') && !builtinModules.includes(i.path))
    .map((i) => i.path);
  if (packages.length > 0) {
    throw new Error(`the check command ${outfile} would load packages it must not need: ${[...new Set(packages)].join(', ')}`);
  }
  fs.chmodSync(outfile, 0o755);
}

if (require.main === module) {
  const [libDir = 'lib', outfile = path.join(libDir, 'bundle.js')] = process.argv.slice(2);
  bundleLibrary(libDir, outfile);
  process.stdout.write(`bundled ${path.join(libDir, 'index.js')} -> ${outfile}\n`);
  const command = path.join(path.dirname(outfile), 'cli.js');
  bundleCommand(libDir, command);
  process.stdout.write(`bundled ${path.join(libDir, 'cli', 'main.js')} -> ${command}\n`);
}
