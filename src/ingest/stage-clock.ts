/**
 * Times the stages of a build: wall time and the process's resident memory after each, so the
 * benchmark can say which stage is slow or heavy without a profiler.
 */

export interface StageTiming {
  readonly stage: string;
  readonly ms: number;
  /** Resident set size when the stage ended, in MiB. */
  readonly rssMiB: number;
  /** Highest resident set size of the process so far, in MiB. */
  readonly peakRssMiB: number;
}

export class StageClock {
  readonly timings: StageTiming[] = [];

  async time<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
    const start = performance.now();
    const result = await work();
    this.record(stage, performance.now() - start);
    return result;
  }

  timeSync<T>(stage: string, work: () => T): T {
    const start = performance.now();
    const result = work();
    this.record(stage, performance.now() - start);
    return result;
  }

  private record(stage: string, ms: number): void {
    const mib = 1024 * 1024;
    this.timings.push({
      stage,
      ms,
      rssMiB: process.memoryUsage.rss() / mib,
      peakRssMiB: (process.resourceUsage().maxRSS * 1024) / mib,
    });
  }
}
