// Internal: the user's source line in a construct's creation stack. The first frame outside
// node_modules, outside this library (its lib/ folder, which holds the sources or the bundle) and
// outside Node itself is where the app created the construct; it is written relative to the project
// root with `/` separators, so reports are the same on every machine.
import * as path from 'path';
import { fileURLToPath } from 'url';
import { libraryDir } from './library-package';

/** A place in the app's source: a path relative to the project root, 1-based line and column. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `at fn (file:line:col)` or `at file:line:col`; the location is the last `file:line:col` of the frame. */
const FRAME = /^\s*at (?:.*?\()?(.+?):(\d+):(\d+)\)?\s*$/;

const LIBRARY_DIR = libraryDir();

function inside(dir: string, file: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** The first frame of `stack` in the app's own code, relative to `projectRoot`; undefined when there is none. */
export function projectRelativeFrame(stack: string, projectRoot: string, libraryRoot = LIBRARY_DIR): SourceLocation | undefined {
  for (const line of stack.split('\n')) {
    const match = FRAME.exec(line);
    if (!match || line.includes('eval at ')) {
      continue;
    }
    let file = match[1];
    if (file.startsWith('file://')) {
      file = fileURLToPath(file);
    }
    if (!path.isAbsolute(file) || file.split(/[\\/]/).includes('node_modules') || inside(libraryRoot, file) || !inside(projectRoot, file)) {
      continue;
    }
    return { file: path.relative(projectRoot, file).split(path.sep).join('/'), line: Number(match[2]), column: Number(match[3]) };
  }
  return undefined;
}
