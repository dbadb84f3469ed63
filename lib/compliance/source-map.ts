// Internal: a compiled JavaScript position mapped back to its source through the file's source map
// (Source Map v3: an inline data URL or a file named by `//# sourceMappingURL=`). The engine reads the
// map only of the few app files its findings point into, so an app compiled to JavaScript (tsc, esbuild)
// gets locations in its .ts sources without Node's --enable-source-maps, which parses the maps of every
// loaded module (cdktf and the providers ship large ones) and doubles synth time.
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

export interface MappedPosition {
  /** Absolute path of the source file. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

/** Per generated line: [generated column, source index, source line, source column], 0-based. */
type Segment = [number, number, number, number];

interface DecodedMap {
  readonly sources: string[];
  readonly lines: Segment[][];
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const cache = new Map<string, DecodedMap | null>();

/** The values of one base64 VLQ segment. */
function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) {
      return [];
    }
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function decodeMappings(mappings: string): Segment[][] {
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const segments: Segment[] = [];
    for (const text of line.split(',')) {
      const fields = decodeVlq(text);
      if (fields.length < 4) {
        continue; // empty, or a position mapped to no source
      }
      column += fields[0];
      source += fields[1];
      sourceLine += fields[2];
      sourceColumn += fields[3];
      segments.push([column, source, sourceLine, sourceColumn]);
    }
    return segments;
  });
}

function readMap(file: string): DecodedMap | null {
  const text = fs.readFileSync(file, 'utf-8');
  const url = /\/\/[#@] sourceMappingURL=(\S+)\s*$/.exec(text)?.[1];
  if (!url) {
    return null;
  }
  const inline = /^data:application\/json;(?:charset=utf-8;)?base64,(.+)$/.exec(url);
  const json = JSON.parse(inline ? Buffer.from(inline[1], 'base64').toString('utf-8') : fs.readFileSync(path.resolve(path.dirname(file), decodeURIComponent(url)), 'utf-8'));
  if (json.version !== 3 || typeof json.mappings !== 'string' || !Array.isArray(json.sources)) {
    return null;
  }
  const root = path.resolve(path.dirname(file), typeof json.sourceRoot === 'string' ? json.sourceRoot : '');
  const sources = (json.sources as string[]).map((s) => (s.startsWith('file://') ? fileURLToPath(s) : path.resolve(root, s)));
  return { sources, lines: decodeMappings(json.mappings) };
}

/** The source position of a 1-based position in a compiled file; undefined when the file has no usable map. */
export function mappedPosition(file: string, line: number, column: number): MappedPosition | undefined {
  let map = cache.get(file);
  if (map === undefined) {
    try {
      map = readMap(file);
    } catch {
      map = null;
    }
    cache.set(file, map);
  }
  const segments = map?.lines[line - 1];
  if (!map || !segments || segments.length === 0) {
    return undefined;
  }
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > column - 1) {
      break;
    }
    found = segment;
  }
  found ??= segments[0];
  const source = map.sources[found[1]];
  return source === undefined ? undefined : { file: source, line: found[2] + 1, column: found[3] + 1 };
}
