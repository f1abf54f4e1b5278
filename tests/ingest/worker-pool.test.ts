import { describe, expect, it } from 'vitest';
import { runOnWorkers, WorkerPool } from '../../src/ingest/worker-pool.ts';

const ECHO = new URL('./fixtures/echo-worker.ts', import.meta.url);

describe('worker pool', () => {
  it('serves several runs on the same workers, results in the items’ order', async () => {
    const pool = new WorkerPool(ECHO, { threads: 2 });
    try {
      const done: number[] = [];
      expect(await pool.run([1, 2, 3, 4, 5], { batchSize: 2, onDone: (n) => done.push(n) })).toEqual([2, 4, 6, 8, 10]);
      expect(done.at(-1)).toBe(5);
      expect(await pool.run([7], { batchSize: 1 })).toEqual([14]);
      expect(await pool.run([], { batchSize: 1 })).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('makes what it sends for an item only as the item is sent', async () => {
    const pool = new WorkerPool(ECHO, { threads: 1 });
    try {
      const prepared: number[] = [];
      const prepare = (n: number) => {
        prepared.push(n);
        return n + 1;
      };
      const run = pool.run([10, 20, 30], { batchSize: 1, prepare });
      // The first item is sent at once; the others wait for the worker's answers.
      expect(prepared).toEqual([10]);
      expect(await run).toEqual([22, 42, 62]);
      expect(prepared).toEqual([10, 20, 30]);
    } finally {
      await pool.close();
    }
  });

  it('rejects a run whose item fails once every worker has answered, and serves the next run', async () => {
    const pool = new WorkerPool(ECHO, { threads: 2 });
    try {
      // The slow item's answer comes after the failure: it must not be taken as the next run's.
      await expect(pool.run([1000, -4, 2], { batchSize: 1 })).rejects.toThrow(/negative: -4/);
      expect(await pool.run([3], { batchSize: 1 })).toEqual([6]);
    } finally {
      await pool.close();
    }
  });

  it('rejects a run whose worker exits, and every run after it', async () => {
    const pool = new WorkerPool(ECHO, { threads: 1 });
    try {
      await expect(pool.run([999], { batchSize: 1 })).rejects.toThrow(/exited with code 3/);
      await expect(pool.run([1], { batchSize: 1 })).rejects.toThrow(/exited with code 3/);
    } finally {
      await pool.close();
    }
  });

  it('runs once on a pool of its own, starting no worker for no items', async () => {
    expect(await runOnWorkers(ECHO, [1, 2, 3], { threads: 2, batchSize: 1 })).toEqual([2, 4, 6]);
    expect(await runOnWorkers(ECHO, [], { threads: 2, batchSize: 1 })).toEqual([]);
  });
});
