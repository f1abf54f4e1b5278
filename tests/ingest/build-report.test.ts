/** report.json's text: the same JSON as the report's own serialisation, laid out one file per line. */
import { describe, expect, it } from 'vitest';
import { makeReport, reportJson, type BuildReport } from '../../src/ingest/emit/build-report.ts';
import type { Article } from '../../src/shared/article-schema.ts';

/** The layout written with JSON.stringify throughout: what the buffer-written report must equal. */
function byStringify(report: BuildReport): string {
  const { files, ...summary } = report;
  const head = JSON.stringify(summary, null, 2).slice(0, -2);
  const lines = files.map((entry) => `    ${JSON.stringify(entry)}`);
  return `${head},\n  "files": [${lines.length === 0 ? '' : `\n${lines.join(',\n')}\n  `}]\n}\n`;
}

const built = (sourceFile: string, id: string) => ({ sourceFile, id }) as Article;

describe('reportJson', () => {
  it('writes the JSON of every entry, escaping what needs it, one per line', () => {
    const report = makeReport(
      '/site/articles',
      '2026-12-04T10:00:00.000Z',
      [
        built('kraków.txt', 'kraków-floods-1a2b'),
        built('a "quoted" name.txt', 'quoted-3c4d'),
        built('back\\slash.txt', 'back-5e6f'),
        built('tab\there.txt', 'tab-7a8b'),
        built('emoji 📰.txt', 'emoji-9c0d'),
        built('lone \ud800 half.txt', 'lone-1e2f'),
        built('line\u2028separator.txt', 'sep-3a4b'),
      ],
      [{ file: 'empty.txt', line: 1, reason: 'the file is "empty"' }],
    );
    const text = reportJson(report).toString('utf8');
    expect(text).toBe(byStringify(report));
    expect(JSON.parse(text)).toEqual(report);
    expect(text.split('\n').filter((line) => line.startsWith('    {'))).toHaveLength(8);
  });

  it('writes an empty list of files', () => {
    const report = makeReport('/site/articles', '2026-12-04T10:00:00.000Z', [], []);
    expect(reportJson(report).toString('utf8')).toBe(byStringify(report));
  });
});
