/* global require, __dirname */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS loaded by jest itself, not transformed */
// Jest resolver: an import of the library's entry (`../lib`) from a test or an example resolves to
// the lazy entry (test/helpers/lazy-library.ts); everything else, the library's own imports and
// cdktf's (`../lib` in its testing module), resolves as usual.
const path = require('path');

const LIB = path.join(__dirname, '..', '..', 'lib');
const ENTRY = path.join(LIB, 'index.ts');
const LAZY = path.join(__dirname, 'lazy-library.ts');

module.exports = (request, options) => {
  const resolved = options.defaultResolver(request, options);
  const fromApp = !options.basedir.startsWith(LIB + path.sep) && !options.basedir.includes(`${path.sep}node_modules${path.sep}`);
  return resolved === ENTRY && fromApp && !/(^|\/)index(\.ts)?$/.test(request) ? LAZY : resolved;
};
