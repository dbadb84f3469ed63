import * as fs from 'fs';
import * as path from 'path';
import { renderControlMatrix } from '../../lib/compliance/control-matrix';
import { documentedPacks } from '../../scripts/control-matrix-packs';

test('docs/controls.md is generated from the current rule metadata (run `npm run docs:controls`)', () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'controls.md'), 'utf-8');
  expect(committed).toBe(renderControlMatrix(documentedPacks()));
});

test('the matrix lists every control of every benchmark and the rules proving it', () => {
  const md = renderControlMatrix(documentedPacks());
  expect(md).toMatch(/\| 5\.4\.2 \| Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled \| iac \| `aks-private-cluster` \|/);
  expect(md.match(/^\| \d+(\.\d+)+ \|/gm)).toHaveLength(51 + 130);
});
