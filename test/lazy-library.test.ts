// The suites import the library through a lazy entry (test/helpers/lazy-library.ts, chosen by the jest
// resolver), as the published bundle's entry is lazy: it must be the entry, name for name.
import * as path from 'path';
import * as lazy from '../lib';

test("a test's import of the library's entry resolves to the lazy entry; the library's own imports do not", () => {
  expect(require.resolve('../lib')).toBe(path.join(__dirname, 'helpers', 'lazy-library.ts'));
  expect(require.resolve('../lib/index')).toBe(path.join(__dirname, '..', 'lib', 'index.ts'));
});

test('the lazy entry exports every name of lib/index.ts, each the same object', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const entry = require('../lib/index');
  expect(Object.keys(lazy).sort()).toEqual(Object.keys(entry).sort());
  const different = Object.keys(entry).filter((name) => (lazy as Record<string, unknown>)[name] !== entry[name]);
  expect(different).toEqual([]);
});
