// Internal: the user's source line in a construct's creation stack. The first frame outside
// node_modules, outside this library (its lib/ folder, which holds the sources or the bundle) and
// outside Node itself is where the app created the construct; it is written relative to the project
// root with `/` separators, so reports are the same on every machine.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { libraryDir } from './library-package';
import { mappedPosition } from './source-map';

/** A place in the app's source: a path relative to the project root, 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `at fn (file:line:col)` or `at file:line:col`; the location is the last `file:line:col` of the frame. */
const FRAME = /^\s*at (?:.*?\()?(.+?):(\d+):(\d+)\)?\s*$/;

const LIBRARY_DIR = libraryDir();

/** True for a file strictly below `dir` (plain prefix tests: this runs for every frame of every finding). */
function inside(dir: string, file: string): boolean {
  return file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

const NODE_MODULES = /[\\/]node_modules[\\/]/;

function outsideApp(file: string, projectRoot: string, libraryRoot: string): boolean {
  return !path.isAbsolute(file) || NODE_MODULES.test(file) || inside(libraryRoot, file) || !inside(projectRoot, file);
}

/**
 * The first frame of `stack` in the app's own code, relative to `projectRoot`; undefined when there is
 * none. A frame in compiled JavaScript is mapped to its source through the file's source map, if any.
 */
export function projectRelativeFrame(stack: string, projectRoot: string, libraryRoot = LIBRARY_DIR): SourceLocation | undefined {
  for (const text of stack.split('\n')) {
    const match = FRAME.exec(text);
    if (!match || text.includes('eval at ')) {
      continue;
    }
    const raw = match[1].startsWith('file://') ? fileURLToPath(match[1]) : match[1];
    if (outsideApp(raw, projectRoot, libraryRoot)) {
      continue;
    }
    const position = { file: raw, line: Number(match[2]), column: Number(match[3]) };
    const source = /\.[cm]?js$/.test(raw) ? (mappedPosition(raw, position.line, position.column) ?? position) : position;
    if (outsideApp(source.file, projectRoot, libraryRoot)) {
      continue;
    }
    return { file: path.relative(projectRoot, source.file).split(path.sep).join('/'), line: source.line, column: source.column };
  }
  return undefined;
}
