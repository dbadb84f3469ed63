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

export interface LibraryPackage {
  readonly name: string;
  readonly version: string;
  readonly repository: string;
}

/** The package as JSON text, set by the bundler (scripts/bundle-library.ts): a bundle needs no package.json beside it. */
declare const LIBRARY_PACKAGE_JSON: string | undefined;

let cached: LibraryPackage | undefined;

function readPackageJson(): LibraryPackage {
  try {
    const json = JSON.parse(fs.readFileSync(path.join(libraryDir(), '..', 'package.json'), 'utf-8'));
    const repository = String(json.repository?.url ?? json.repository ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
    return { name: String(json.name), version: String(json.version), repository };
  } catch {
    // The library bundled into an app: no package.json to read. Reports still name the tool.
    return { name: 'cdktf-hardened-k8s', version: '0.0.0-unknown', repository: 'https://github.com/cdktf-hardened-k8s/cdktf-hardened-k8s' };
  }
}

/** Name, version and repository of the package, for the tools section of SARIF and the command's --version. */
export function libraryPackage(): LibraryPackage {
  cached ??= typeof LIBRARY_PACKAGE_JSON === 'string' ? (JSON.parse(LIBRARY_PACKAGE_JSON) as LibraryPackage) : readPackageJson();
  return cached;
}
