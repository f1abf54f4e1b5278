// Types of compiled-source.js for the TypeScript that imports it (its tests).
export declare const COMPILED_VARIABLE: string;

export declare function withJsSpecifiers(code: string): string;

export declare function compileForNode(
  entry: string,
  where?: { readonly root?: string; readonly cacheDir?: string },
): Promise<{ readonly url: string; readonly setting: string; readonly compiledNow: boolean }>;

export declare function runCompiled(entry: string): Promise<void>;
