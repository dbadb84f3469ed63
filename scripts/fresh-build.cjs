/* global require, __dirname, __filename */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS run by plain node, no compiler */
// Builds what a run needs when it is missing or older than its sources, and nothing otherwise:
// - lib/bundle.js, the package's main (`npm run build`: jsii, then scripts/bundle-library.ts);
// - examples/<name>/main.js, each example compiled by esbuild into one file that loads the
//   library from lib/bundle.js, as an app of a consumer loads the published package.
// Plain JavaScript so the main command (scripts/synth.cjs) runs it without a TypeScript compiler;
// jest's global setup, the CLI tests and the benchmark use the same functions.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const BUNDLE = path.join(LIB, 'bundle.js');
const EXAMPLES = path.join(ROOT, 'examples');

/**
 * esbuild settings of both bundles, the library's and each example's: one CommonJS file for Node
 * with every package left as a require (so an app and the library share one cdktf and one set of
 * provider classes), and class and function names kept as written (errors and metadata show them).
 */
const NODE_BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  packages: 'external',
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});

/** Newest modification time of the TypeScript sources (not declarations) below `dir`, 0 when none. */
function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      newest = Math.max(newest, newestSource(full));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  }
  return newest;
}

function isFresh(file, ...inputs) {
  return fs.existsSync(file) && fs.statSync(file).mtimeMs >= Math.max(...inputs);
}

/** Builds lib/bundle.js (jsii + bundle) when it is missing or older than a library source. */
function ensureLibraryBundle(log = () => {}) {
  const inputs = [newestSource(LIB), fs.statSync(path.join(__dirname, 'bundle-library.ts')).mtimeMs, fs.statSync(__filename).mtimeMs];
  if (isFresh(BUNDLE, ...inputs)) {
    return BUNDLE;
  }
  log('lib/bundle.js is missing or older than the sources: npm run build');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
  return BUNDLE;
}

/** Every runnable example: examples/<name>/main.ts, sorted. */
function exampleNames() {
  return fs
    .readdirSync(EXAMPLES)
    .filter((name) => fs.existsSync(path.join(EXAMPLES, name, 'main.ts')))
    .sort();
}

/**
 * Path of examples/<name>/main.js, compiled first when missing or older than the example's sources,
 * the library bundle or this file. Resolves once the file is current.
 */
async function ensureCompiledExample(name, log = () => {}) {
  if (!exampleNames().includes(name)) {
    throw new Error(`unknown example ${JSON.stringify(name)}. Allowed: ${exampleNames().join(', ')}. Fix: name a folder of examples/ that has a main.ts.`);
  }
  ensureLibraryBundle(log);
  const dir = path.join(EXAMPLES, name);
  const outfile = path.join(dir, 'main.js');
  if (isFresh(outfile, newestSource(dir), fs.statSync(BUNDLE).mtimeMs, fs.statSync(__filename).mtimeMs)) {
    return outfile;
  }
  log(`compiling examples/${name}/main.ts`);
  // Loaded only to compile: a run whose files are current never pays for it.
  const esbuild = require('esbuild');
  await esbuild.build({
    entryPoints: [path.join(dir, 'main.ts')],
    outfile,
    ...NODE_BUNDLE_OPTIONS,
    // Run with source maps on (the main command, the tests), errors and the compliance reports'
    // source locations name the example's .ts files and lines, not the compiled file.
    sourcemap: 'inline',
    sourcesContent: false,
    plugins: [libraryFromBundle(dir)],
  });
  return outfile;
}

/** The library's entry (`../../lib`) becomes a require of lib/bundle.js; a deep import of lib/ is an error. */
function libraryFromBundle(outdir) {
  return {
    name: 'library-from-bundle',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        if (target === LIB) {
          return { path: path.relative(outdir, BUNDLE).split(path.sep).join('/'), external: true };
        }
        if (target.startsWith(LIB + path.sep)) {
          return { errors: [{ text: `${args.path}: an example imports the library from its entry (lib) only, as a consumer imports the package` }] };
        }
        return undefined;
      });
    },
  };
}

module.exports = { NODE_BUNDLE_OPTIONS, ensureLibraryBundle, ensureCompiledExample, exampleNames, libraryFromBundle, newestSource };
