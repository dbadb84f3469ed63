// Writes docs/controls.md from rule metadata: `npm run docs:controls`.
import * as fs from 'fs';
import * as path from 'path';
import { documentedPacks } from './control-matrix-packs';
import { renderControlMatrix } from '../lib/compliance/control-matrix';

const target = path.join(__dirname, '..', 'docs', 'controls.md');
fs.writeFileSync(target, renderControlMatrix(documentedPacks()));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
