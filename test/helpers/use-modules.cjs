/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS preloaded by plain node */
// Preloaded (`node -r`) into a compiled example's process to run it against the per-module build
// of the library (lib/index.js and its ~240 modules, as jsii compiled them) instead of the bundle
// made from it: the same app on both sides shows whether bundling changed anything.
'use strict';
const Module = require('module');
const path = require('path');

const LIB = path.join(__dirname, '..', '..', 'lib');
const BUNDLE = path.join(LIB, 'bundle.js');
const ENTRY = path.join(LIB, 'index.js');

let redirected = false;
const resolve = Module._resolveFilename;
Module._resolveFilename = function resolveToModules(...args) {
  const resolved = resolve.apply(this, args);
  if (resolved !== BUNDLE) {
    return resolved;
  }
  redirected = true;
  return ENTRY;
};

// A run that never asked for the bundle proved nothing about it.
process.on('exit', () => {
  if (!redirected) {
    process.stderr.write('use-modules: the library bundle was never loaded, so nothing was compared\n');
    process.exitCode = 1;
  }
});
