/**
 * Runs `broadsheet build` in a process whose malloc asks the kernel for transparent huge pages, by starting
 * the command again with glibc's tunable set: glibc reads GLIBC_TUNABLES only when a process starts.
 *
 * Why: on the 2-core VM the benches run on, memory costs most the first time it is touched. 1 GiB of fresh
 * buffers filled took 5.4–6.4 s, the same buffers filled again 0.5 s; asking for huge pages makes one fault
 * of 512 small ones (1 GiB filled: 3.5 s). A build's files, cache files and the strings made from them live
 * in malloc's memory. Measured on one-article rebuilds of the 100k bench corpus, alternating, whole command
 * under /usr/bin/time: page faults 257k → 170–175k, wall 10.07–10.58 s → 8.71–9.51 s, user+system CPU
 * 14.9–15.9 s → 12.5–13.6 s; peak RSS 2–5 % higher. (The tunable's mmap and trim thresholds, tried beside it,
 * did not help.) V8's own heap is not malloc's, and is left as it is.
 *
 * Where the tunable means nothing (not Linux, not glibc) nothing is started again, and a GLIBC_TUNABLES that
 * already names the setting is left alone: `GLIBC_TUNABLES=glibc.malloc.hugetlb=0` turns it off.
 */
import { spawnSync } from 'node:child_process';

export const HUGE_PAGE_TUNABLE = 'glibc.malloc.hugetlb=1';

/** The C library this Node.js runs on is glibc. */
function onGlibc() {
  try {
    const header = /** @type {{ glibcVersionRuntime?: string }} */ (process.report.getReport().header);
    return typeof header.glibcVersionRuntime === 'string';
  } catch {
    // No diagnostic report in this Node.js: not known to be glibc, so nothing is started again.
    return false;
  }
}

/**
 * `env` with the huge-page tunable added to any tunables it has, or undefined when the process needs no
 * new start: not glibc on Linux, or the setting already chosen (by the user, or by the start before).
 *
 * @param {NodeJS.ProcessEnv} env
 * @param {{ platform?: string, glibc?: () => boolean }} [where] what runs this (tests pass their own)
 * @returns {NodeJS.ProcessEnv | undefined}
 */
export function hugePageMallocEnv(env, { platform = process.platform, glibc = onGlibc } = {}) {
  const tunables = env.GLIBC_TUNABLES ?? '';
  if (platform !== 'linux' || tunables.split(':').some((t) => t.startsWith('glibc.malloc.hugetlb='))) {
    return undefined;
  }
  if (!glibc()) return undefined;
  return { ...env, GLIBC_TUNABLES: tunables === '' ? HUGE_PAGE_TUNABLE : `${tunables}:${HUGE_PAGE_TUNABLE}` };
}

/**
 * Runs this command again with huge pages for malloc, waiting for it: how it ended (an exit status, or
 * the signal that stopped it), or null when it was not started again (then this process runs the command).
 *
 * @param {{ env?: NodeJS.ProcessEnv, argv?: readonly string[], execArgv?: readonly string[],
 *   spawn?: typeof spawnSync, where?: { platform?: string, glibc?: () => boolean } }} [process_]
 * @returns {{ status: number } | { signal: NodeJS.Signals } | null}
 */
export function relaunchWithHugePages({
  env = process.env,
  argv = process.argv,
  execArgv = process.execArgv,
  spawn = spawnSync,
  where,
} = {}) {
  const changed = hugePageMallocEnv(env, where);
  if (changed === undefined) return null;
  const child = spawn(process.execPath, [...execArgv, ...argv.slice(1)], { stdio: 'inherit', env: changed });
  // Not started at all (no process to be had): this process runs the command as it is.
  if (child.error !== undefined && child.status === null && child.signal === null) return null;
  if (child.signal !== null) return { signal: child.signal };
  return { status: child.status ?? 1 };
}
