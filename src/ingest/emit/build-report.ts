/**
 * `report.json`: every input file with the article it became or the reason it was left out, so a
 * person can check that nothing was lost.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../../shared/article-schema.ts';
import type { SkippedFile } from '../read-inputs.ts';

export type ReportEntry =
  | { readonly file: string; readonly status: 'built'; readonly id: string }
  | { readonly file: string; readonly status: 'left-out'; readonly line: number | null; readonly reason: string };

export interface BuildReport {
  readonly builtAt: string;
  readonly articlesDir: string;
  readonly built: number;
  readonly leftOut: number;
  readonly files: ReportEntry[];
}

export function makeReport(
  articlesDir: string,
  builtAt: string,
  articles: readonly Article[],
  leftOut: readonly SkippedFile[],
): BuildReport {
  const files: ReportEntry[] = [
    ...articles.map((a) => ({ file: a.sourceFile, status: 'built' as const, id: a.id })),
    ...leftOut.map((s) => ({ file: s.file, status: 'left-out' as const, line: s.line, reason: s.reason })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { builtAt, articlesDir, built: articles.length, leftOut: leftOut.length, files };
}

/** Text JSON writes as it is between quotes: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- matching the control characters JSON escapes is the point
const PLAIN_TEXT = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/**
 * The report as JSON a person can read: its fields one per line and each file on a line of its own (at
 * 100k files, indenting every field of every entry took a rebuild 0.3 s and doubled the file). Written
 * straight into one buffer, a built file's line from its name and id where they need no escaping: at 100k
 * files, JSON.stringify of each entry, joining the lines and encoding the text took 350–630 ms, this
 * 140–210 ms (scratch timing, the same bytes).
 */
export function reportJson(report: BuildReport): Buffer {
  const { files, ...summary } = report;
  const head = `${JSON.stringify(summary, null, 2).slice(0, -2)},\n  "files": [`;
  // At most 3 bytes per UTF-16 unit, 6 escaped, plus the line's own text.
  let most = head.length * 3 + 16;
  for (const entry of files) {
    most += (entry.file.length + (entry.status === 'built' ? entry.id.length : entry.reason.length)) * 6 + 96;
  }
  const out = Buffer.allocUnsafe(most);
  let at = out.write(head, 0);
  files.forEach((entry, i) => {
    at += out.write(i === 0 ? '\n    ' : ',\n    ', at);
    if (entry.status === 'built' && PLAIN_TEXT.test(entry.file) && PLAIN_TEXT.test(entry.id)) {
      at += out.write('{"file":"', at);
      at += out.write(entry.file, at);
      at += out.write('","status":"built","id":"', at);
      at += out.write(entry.id, at);
      at += out.write('"}', at);
    } else {
      at += out.write(JSON.stringify(entry), at);
    }
  });
  at += out.write(files.length === 0 ? ']\n}\n' : '\n  ]\n}\n', at);
  return out.subarray(0, at);
}

export async function writeReport(outDir: string, report: BuildReport): Promise<void> {
  await writeFile(join(outDir, 'report.json'), reportJson(report));
}

/** One line per left-out file, as a person reads it on the terminal: `file:line: reason`. */
export function formatLeftOut(entry: SkippedFile): string {
  return `${entry.file}${entry.line === null ? '' : `:${entry.line}`}: left out: ${entry.reason}`;
}
