// Internal: this package on disk, found from the running code (the sources, the bundle or the check
// command's bundle all live in the package's lib/ folder).
import * as fs from 'fs';
import * as path from 'path';

/** The folder that holds the library's code: `lib/` beside the package's package.json. */
export function libraryDir(): string {
  let dir = __dirname;
  while (!(path.basename(dir) === 'lib' && fs.existsSync(path.join(dir, '..', 'package.json')))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      return __dirname;
    }
    dir = parent;
  }
  return dir;
}

let cached: { name: string; version: string; repository: string } | undefined;

/** Name, version and repository of the package, for the tools section of SARIF and the command's --version. */
export function libraryPackage(): { name: string; version: string; repository: string } {
  if (!cached) {
    const json = JSON.parse(fs.readFileSync(path.join(libraryDir(), '..', 'package.json'), 'utf-8'));
    const repository = String(json.repository?.url ?? json.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
    cached = { name: String(json.name), version: String(json.version), repository };
  }
  return cached;
}
