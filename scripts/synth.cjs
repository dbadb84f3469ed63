/* global require */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS run by plain node, no compiler */
// The main command (`npm run synth [-- <example>]`, also the `app` of cdktf.json): synthesizes an
// example, by default examples/aks, from compiled JavaScript. The library bundle and the compiled
// example are built first only when missing or stale, then the example runs in this process.
'use strict';
const { ensureCompiledExample } = require('./fresh-build.cjs');

const name = process.argv[2] || 'aks';
ensureCompiledExample(name, (line) => process.stderr.write(`${line}\n`)).then(
  (compiled) => require(compiled),
  (error) => {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 1;
  },
);
