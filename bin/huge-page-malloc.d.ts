// Types of huge-page-malloc.js for the TypeScript that imports it (the benchmark starts builds as the bin does).
import type { spawnSync } from 'node:child_process';

export declare const HUGE_PAGE_TUNABLE: string;

export interface Where {
  readonly platform?: string;
  readonly glibc?: () => boolean;
}

export declare function hugePageMallocEnv(env: NodeJS.ProcessEnv, where?: Where): NodeJS.ProcessEnv | undefined;

export declare function relaunchWithHugePages(options?: {
  readonly env?: NodeJS.ProcessEnv;
  readonly argv?: readonly string[];
  readonly execArgv?: readonly string[];
  readonly spawn?: typeof spawnSync;
  readonly where?: Where;
}): { readonly status: number } | { readonly signal: NodeJS.Signals } | null;
