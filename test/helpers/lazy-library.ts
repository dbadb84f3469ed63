// Jest maps the library's entry (`../lib` from a test) here: each export is a getter that loads the
// source module declaring it on first use, as the published bundle's entry does. A suite then compiles
// only the modules it uses instead of all ~370 and the provider classes they import (about 0.7 s of CPU
// per suite). Without the map from the global setup, it is the entry itself.
/* eslint-disable @typescript-eslint/no-require-imports -- the modules are chosen at run time, on first use */
import * as path from 'path';
import { LIBRARY_EXPORTS_ENV } from './lazy-library-env';

const LIB = path.join(__dirname, '..', '..', 'lib');
const map = process.env[LIBRARY_EXPORTS_ENV];

if (map === undefined) {
  module.exports = require(path.join(LIB, 'index'));
} else {
  // The entry's side effect: record where constructs are created from the first import on.
  require(path.join(LIB, 'compliance', 'creation-sites'));
  const modules: Record<string, string> = JSON.parse(map);
  for (const name of Object.keys(modules).sort()) {
    // Kept after the first use: jest's require resolves the path again on every call.
    let value: unknown;
    Object.defineProperty(exports, name, { enumerable: true, get: () => (value ??= require(path.join(LIB, modules[name]))[name]) });
  }
}
