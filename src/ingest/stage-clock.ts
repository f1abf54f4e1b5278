/**
 * Times the stages of a build: wall time and the process's resident memory after each, so the
 * benchmark can say which stage is slow or heavy without a profiler.
 */
import { SILENT_PROGRESS, type BuildProgress } from './build-progress.ts';

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

  /** Told when each stage starts and ends, and how far a counting stage has got (the terminal's bar). */
  constructor(private readonly progress: BuildProgress = SILENT_PROGRESS) {}

  async time<T>(stage: string, work: () => T | Promise<T>): Promise<T> {
    this.progress.start(stage);
    const start = performance.now();
    const result = await work();
    this.record(stage, performance.now() - start);
    return result;
  }

  timeSync<T>(stage: string, work: () => T): T {
    this.progress.start(stage);
    const start = performance.now();
    const result = work();
    this.record(stage, performance.now() - start);
    return result;
  }

  /**
   * A stage that runs on another thread while the next stages run on this one. What this thread spends
   * starting it (until `work` returns its promise: at 100k articles, keying every story for the search
   * index took a rebuild 0.2–0.5 s) is recorded as `${stage} (start)`; its own wall time as
   * `${stage} (own time)` when it ends; `wait` is timed as `stage`: how long the build still waits for it
   * once the stages it overlapped are done.
   */
  background<T>(stage: string, work: () => Promise<T>): { wait: () => Promise<T> } {
    const start = performance.now();
    const running = work().then((result) => {
      this.push(`${stage} (own time)`, performance.now() - start);
      return result;
    });
    this.push(`${stage} (start)`, performance.now() - start);
    // A failure is reported where the build waits for it, not as an unhandled rejection meanwhile.
    running.catch(() => {});
    return { wait: () => this.time(stage, () => running) };
  }

  /** Items done out of total in the running stage. */
  readonly step = (done: number, total: number): void => this.progress.step(done, total);

  private record(stage: string, ms: number): void {
    this.progress.end(stage, ms);
    this.push(stage, ms);
  }

  private push(stage: string, ms: number): void {
    const mib = 1024 * 1024;
    this.timings.push({
      stage,
      ms,
      rssMiB: process.memoryUsage.rss() / mib,
      peakRssMiB: (process.resourceUsage().maxRSS * 1024) / mib,
    });
  }
}
