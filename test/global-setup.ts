// Jest global setup: the example tests also synthesize against the published bundle
// (lib/bundle.js, the package's main), so it is built first when missing or older than a source.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');

function newestSource(dir: string): number {
  return Math.max(
    0,
    ...fs.readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        return newestSource(full);
      }
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? fs.statSync(full).mtimeMs : 0;
    }),
  );
}

export default function buildBundleIfStale(): void {
  const bundle = path.join(ROOT, 'lib', 'bundle.js');
  const sources = Math.max(newestSource(path.join(ROOT, 'lib')), fs.statSync(path.join(ROOT, 'scripts', 'bundle-library.ts')).mtimeMs);
  if (fs.existsSync(bundle) && fs.statSync(bundle).mtimeMs >= sources) {
    return;
  }
  process.stdout.write('\nlib/bundle.js is missing or older than the sources: npm run build\n');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'pipe' });
}
