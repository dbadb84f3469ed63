// Types of fresh-build.cjs for the TypeScript files that use it.
import type { BuildOptions, Plugin } from 'esbuild';

export declare const NODE_BUNDLE_OPTIONS: Readonly<BuildOptions>;
export declare function ensureLibraryBundle(log?: (line: string) => void): string;
export declare function ensureCompiledExample(name: string, log?: (line: string) => void): Promise<string>;
export declare function exampleNames(): string[];
export declare function newestSource(dir: string): number;
export declare function libraryFromBundle(outdir: string): Plugin;
