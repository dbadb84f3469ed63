import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const PROVIDERS = ['@cdktf/provider-azurerm', '@cdktf/provider-kubernetes', '@cdktf/provider-helm'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return sourceFiles(full);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

// The package root of a prebuilt provider loads every resource class (about 2 s and 400 MB);
// deep paths load one.
test('no provider is imported from its package root', () => {
  const offenders: string[] = [];
  for (const file of ['lib', 'examples', 'test', 'scripts'].flatMap((d) => sourceFiles(path.join(ROOT, d)))) {
    const text = fs.readFileSync(file, 'utf-8');
    for (const provider of PROVIDERS) {
      const rootImport = new RegExp(`(from|require\\()\\s*['"]${provider.replace('/', '\\/')}['"]`);
      if (rootImport.test(text)) {
        offenders.push(`${path.relative(ROOT, file)} imports ${provider}`);
      }
    }
  }
  expect(offenders).toEqual([]);
});
