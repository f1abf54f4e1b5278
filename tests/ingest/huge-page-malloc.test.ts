import { execFile, type spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HUGE_PAGE_TUNABLE, hugePageMallocEnv, relaunchWithHugePages } from '../../bin/huge-page-malloc.js';

const onLinuxGlibc = { platform: 'linux', glibc: () => true };

describe('hugePageMallocEnv', () => {
  it('adds the tunable where there are none, and after any already set', () => {
    expect(hugePageMallocEnv({ HOME: '/home/a' }, onLinuxGlibc)).toEqual({
      HOME: '/home/a',
      GLIBC_TUNABLES: HUGE_PAGE_TUNABLE,
    });
    expect(hugePageMallocEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, onLinuxGlibc)?.GLIBC_TUNABLES).toBe(
      `glibc.malloc.arena_max=2:${HUGE_PAGE_TUNABLE}`,
    );
  });

  it('leaves a choice already made alone, which also ends the relaunched process’s own check', () => {
    expect(hugePageMallocEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, onLinuxGlibc)).toBeUndefined();
    const once = hugePageMallocEnv({}, onLinuxGlibc);
    expect(once).toBeDefined();
    expect(hugePageMallocEnv(once ?? {}, onLinuxGlibc)).toBeUndefined();
  });

  it('changes nothing where glibc does not run the process', () => {
    expect(hugePageMallocEnv({}, { platform: 'darwin', glibc: () => true })).toBeUndefined();
    expect(hugePageMallocEnv({}, { platform: 'linux', glibc: () => false })).toBeUndefined();
  });
});

type SpawnResult = ReturnType<typeof spawnSync>;
/** A spawnSync that records what it was asked to start and ends as told. */
function fakeSpawn(ended: Partial<SpawnResult>) {
  const calls: { command: string; args: readonly string[]; env: NodeJS.ProcessEnv | undefined }[] = [];
  const spawn = ((command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv }) => {
    calls.push({ command, args, env: options.env });
    return { pid: 1, output: [], stdout: null, stderr: null, status: null, signal: null, ...ended };
  }) as unknown as typeof spawnSync;
  return { spawn, calls };
}

describe('relaunchWithHugePages', () => {
  const base = {
    env: { PATH: '/bin' },
    argv: ['/usr/bin/node', '/app/bin/broadsheet.js', 'build', '--out', 'site'],
    execArgv: ['--max-old-space-size=8000'],
    where: onLinuxGlibc,
  };

  it('starts the same command with the same Node options and the tunable, and passes its status on', () => {
    const { spawn, calls } = fakeSpawn({ status: 2 });
    expect(relaunchWithHugePages({ ...base, spawn })).toEqual({ status: 2 });
    expect(calls).toEqual([
      {
        command: process.execPath,
        args: ['--max-old-space-size=8000', '/app/bin/broadsheet.js', 'build', '--out', 'site'],
        env: { PATH: '/bin', GLIBC_TUNABLES: HUGE_PAGE_TUNABLE },
      },
    ]);
  });

  it('tells the signal that stopped the command', () => {
    const { spawn } = fakeSpawn({ signal: 'SIGINT' });
    expect(relaunchWithHugePages({ ...base, spawn })).toEqual({ signal: 'SIGINT' });
  });

  it('runs the command here when no process could be started, or none is needed', () => {
    const failed = fakeSpawn({ error: new Error('spawnSync EAGAIN') });
    expect(relaunchWithHugePages({ ...base, spawn: failed.spawn })).toBeNull();
    const needless = fakeSpawn({ status: 0 });
    expect(
      relaunchWithHugePages({ ...base, env: { GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, spawn: needless.spawn }),
    ).toBeNull();
    expect(needless.calls).toEqual([]);
  });
});

describe('broadsheet build on the command line', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'broadsheet-huge-pages-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('builds in a process started again with the tunable, whose output and status are the command’s', async () => {
    const articles = join(work, 'articles');
    await mkdir(articles);
    await writeFile(
      join(articles, 'wall.txt'),
      'Harbour town votes to rebuild its sea wall\n\nVoters in this small harbour town approved a plan on Sunday to rebuild the crumbling sea wall that failed last winter, the council said.\n',
    );
    const bin = fileURLToPath(new URL('../../bin/broadsheet.js', import.meta.url));
    // A probe module preloaded into every Node process of the command says which one builds and what
    // GLIBC_TUNABLES it was started with.
    const probe = join(work, 'probe.cjs');
    await writeFile(
      probe,
      "process.on('exit', () => process.stderr.write(`probe ${process.argv.includes('build')} ${process.env.GLIBC_TUNABLES ?? '-'}\\n`));\n",
    );
    const env = { ...process.env, GLIBC_TUNABLES: undefined, NODE_OPTIONS: `--require ${probe}` };
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [bin, 'build', '--articles', articles, '--out', join(work, 'site'), '--no-cache'],
      { env },
    );
    expect(stderr).toContain('built 1 article in 1 story');
    const probes = stderr.split('\n').filter((line) => line.startsWith('probe '));
    const expected =
      hugePageMallocEnv({}) === undefined ? ['probe true -'] : [`probe true ${HUGE_PAGE_TUNABLE}`, 'probe true -'];
    expect(probes).toEqual(expected);
  }, 60_000);
});
