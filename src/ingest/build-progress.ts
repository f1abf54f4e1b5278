/**
 * What a long build shows on the terminal while it runs. On a terminal: one line redrawn in place, a bar
 * for the stage that counts items (extract, share pages, preview images) and the elapsed time. Not on a
 * terminal, or under CI: plain lines, one per finished stage. Either way nothing is shown until the
 * build has run for a few seconds, so a small build prints only its summary.
 */

export interface BuildProgress {
  /** A stage began. */
  start(stage: string): void;
  /** Items done out of total in the current stage. */
  step(done: number, total: number): void;
  /** The current stage ended after ms milliseconds. */
  end(stage: string, ms: number): void;
  /** The build ended: clear the redrawn line. */
  finish(): void;
}

export const SILENT_PROGRESS: BuildProgress = { start() {}, step() {}, end() {}, finish() {} };

/** Quiet for this long; most builds of a few hundred articles end before it. */
const QUIET_MS = 3000;
/** Redraws at most this often. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const share = total <= 0 ? 1 : Math.min(1, Math.max(0, done / total));
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.floor(share * 100)}%`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

export function terminalProgress(
  stream: ProgressStream,
  { ci = process.env['CI'] !== undefined && process.env['CI'] !== 'false', now = () => performance.now() } = {},
): BuildProgress {
  const live = stream.isTTY === true && !ci;
  const began = now();
  let stage = '';
  let count = '';
  let lastDraw = 0;
  let drawn = false;
  /** Plain lines held back until the build proves long. */
  const held: string[] = [];
  let loud = false;

  const elapsed = () => now() - began;
  const shouldSpeak = () => loud || (loud = elapsed() >= QUIET_MS);

  function draw(force = false): void {
    const t = now();
    if (!live || !shouldSpeak() || (!force && t - lastDraw < REDRAW_MS)) return;
    lastDraw = t;
    const line = `${stage} ${count} · ${seconds(elapsed())}`;
    const width = Math.max(20, (stream.columns ?? 80) - 1);
    stream.write(`\r${line.slice(0, width).padEnd(width)}`);
    drawn = true;
  }

  function say(line: string): void {
    if (!shouldSpeak()) {
      held.push(line);
      return;
    }
    for (const h of held.splice(0)) stream.write(`${h}\n`);
    stream.write(`${line}\n`);
  }

  return {
    start(name) {
      stage = name;
      count = '';
      draw(true);
    },
    step(done, total) {
      count = `${progressBar(done, total)} ${done}/${total}`;
      draw();
    },
    end(name, ms) {
      if (live) {
        count = `done in ${seconds(ms)}`;
        draw(true);
      } else {
        say(`${name}: ${seconds(ms)}`);
      }
    },
    finish() {
      if (live && drawn) stream.write(`\r${' '.repeat(Math.max(20, (stream.columns ?? 80) - 1))}\r`);
    },
  };
}
